import Foundation

/// Every number of one forward and backward pass, per time step, by name.
///
/// Per-step vectors are stored (one flat buffer per quantity). Per-step matrices — a step's
/// contribution to dWa and dWya, and the running sums after each backward step — are derived
/// when asked for: contributions from stored vectors, running sums from the nearest
/// checkpoint (kept every `checkpointEvery` steps, chosen so checkpoints stay within
/// `checkpointBudget` bytes). The forward pass runs when the trace is made; the backward pass
/// the first time a backward quantity is asked for (`TracePass`).
public struct Trace: Sendable {
    public let rnn: RNN
    public let episode: Episode
    /// The flat per-step buffers of the pass: RNNCore's own; other rooms read them through
    /// `vector`, `tensor`, `maxAbs(of:)` and `norm(of:at:)`.
    private let pass: TracePass
    /// Whether there was a backward pass (only when the sequence has targets).
    public let hasBackward: Bool
    public let checkpointEvery: Int
    /// Running sums of the gradients after backward step c (0-based), for c a multiple of
    /// checkpointEvery (running the backward pass if it has not run).
    var checkpoints: [Int: Gradients] { pass.complete.checkpoints }
    /// The same checkpoints with only dWa and dba summed for certain (dWya and dby may be 0 × 0):
    /// enough for the recurrence's gradients, without the output layer's products.
    var recurrentCheckpoints: [Int: Gradients] { pass.recurrent.checkpoints }
    /// The workspace after both passes (running the backward pass if it has not run): its
    /// per-step rows (the output layer's running sums are not needed for them).
    var workspace: Workspace { pass.recurrent.workspace }
    /// The workspace after the forward pass: z, a, zy, ŷ, dy and L<t>, without waiting for the
    /// backward pass.
    var forwardPass: Workspace { pass.forward }
    /// Whether the backward pass has run (it runs the first time a backward quantity is asked for).
    public var backwardDone: Bool { gated != nil || pass.backwardDone }
    /// Whether the output layer's running sums (dWya, dby) have been summed: only when something
    /// asks for them (the recurrence's, dWa and dba, come with the backward pass).
    var outputSumsDone: Bool { pass.outputSumsDone }

    /// A gated cell's pass (GRU, LSTM), or nil for the plain cell: then `rnn` is only its
    /// output layer, and `vector`, `tensor`, losses and da<0> come from here.
    public let gated: GatedTrace?

    /// The last running sums rebuilt between checkpoints (see `gradientsSoFar`).
    private let memo = RunningSumMemo()

    public static let checkpointBudget = 64 << 20

    /// - Parameter checkpointEvery: keep the running sums every this many steps; nil chooses
    ///   the smallest interval whose checkpoints fit in `checkpointBudget` (tests force others).
    /// - Parameter limit: refuse a trace whose tape would take more bytes than this (tests).
    /// - Throws: `TraceMemoryError` when the memory for its per-step vectors cannot be had
    ///   (the lesson loader makes a lesson's first trace this way, and says so in one line).
    public init(checked rnn: RNN, episode: Episode, checkpointEvery: Int? = nil, kernels: Kernels = .chosen,
                limit: Int? = nil) throws(TraceMemoryError) {
        precondition(checkpointEvery.map { $0 >= 1 } ?? true, "checkpointEvery must be at least 1")
        let every = checkpointEvery ?? Self.checkpointInterval(shape: rnn.shape, T: episode.T)
        self.rnn = rnn
        self.episode = episode
        self.pass = try TracePass(rnn: rnn, episode: episode, kernels: kernels, every: every, limit: limit)
        self.hasBackward = episode.hasTargets
        self.checkpointEvery = every
        self.gated = nil
    }

    /// As `init(checked:…)`, for a network whose trace was made once already (an edit, a
    /// training step): when the memory cannot be had after all, the program ends with one line.
    public init(rnn: RNN, episode: Episode, checkpointEvery: Int? = nil, kernels: Kernels = .chosen) {
        do throws(TraceMemoryError) { try self.init(checked: rnn, episode: episode, checkpointEvery: checkpointEvery, kernels: kernels) }
        catch { error.stop() }
    }

    /// The trace of a gated cell (see `GatedTrace`); the plain workspace is left empty (one step).
    /// - Throws: `TraceMemoryError` when the memory of the gated workspace (or of the plain
    ///   one) cannot be had, or the gated one would pass `limit` bytes (tests).
    public init(checkedGated gated: GatedRNN, episode: Episode, kernels: Kernels = .chosen, limit: Int? = nil) throws(TraceMemoryError) {
        self.rnn = gated.outputLayer
        self.episode = episode
        // the gated workspace first: it is the large one, so a memory error names its size
        self.gated = try GatedTrace(checked: gated, episode: episode, kernels: kernels, limit: limit)
        // the plain workspace is never read for a gated cell (every reader asks `gated` first):
        // one step of it, not T (n_a = 1024, T = 10 000: 50 MB of address space, not 0.7 GB)
        let nx = gated.shape.nx
        let oneStep = try? Episode(architecture: .oneToOne, nx: nx, inputs: [Array(repeating: 0, count: nx)], targets: nil)
        self.pass = TracePass(empty: try Workspace(checked: gated.shape.plain, episode: oneStep ?? episode))
        self.hasBackward = episode.hasTargets
        self.checkpointEvery = 1
    }

    /// As `init(checkedGated:…)`, ending the program with one line when the memory cannot be had.
    public init(gated: GatedRNN, episode: Episode, kernels: Kernels = .chosen) {
        do throws(TraceMemoryError) { try self.init(checkedGated: gated, episode: episode, kernels: kernels) } catch { error.stop() }
    }

    /// The cell this trace ran: rnn, gru or lstm.
    public var cell: CellKind { gated?.cell.kind ?? .rnn }

    /// The running sums after backward steps t = 0, every, 2·every, … (0-based): each the sum
    /// of the parts of steps T−1 … t, added a block of steps at a time in the order the backward
    /// pass visits the blocks. Leaves the totals (the sums after step 0) in the workspace.
    /// `parts` sums only those gradients into the checkpoints `kept` (the others stay as they
    /// are there, or 0 × 0 and empty — not summed — in a new checkpoint); each part's sums are
    /// the same bits whether summed alone or with the other.
    static func runningSums(_ w: inout Workspace, every: Int, parts: GradientParts = .all,
                            into kept: [Int: Gradients] = [:]) -> [Int: Gradients] {
        var kept = kept
        w.clearWeightGradients(parts)
        var c = (w.T - 1) / every * every, end = w.T
        while c >= 0 {
            w.addWeightGradients(steps: (c + 1)...end, parts: parts)   // 1-based steps c+1 … end
            var g = kept[c] ?? Gradients(dWa: Matrix(rows: 0, cols: 0), dWya: Matrix(rows: 0, cols: 0), dba: [], dby: [])
            let s = w.shape
            if parts.contains(.recurrent) {
                g.dWa = Matrix(rows: s.na, cols: s.na + s.nx, values: w.dWa)
                g.dba = w.dba
            }
            if parts.contains(.output) {
                g.dWya = Matrix(rows: s.ny, cols: s.na, values: w.dWya)
                g.dby = w.dby
            }
            kept[c] = g
            end = c
            c -= every
        }
        return kept
    }

    /// Bytes of one checkpoint: dWa, dWya, dba, dby.
    public static func checkpointBytes(_ s: Shape) -> Int {
        8 * (s.na * (s.na + s.nx) + s.ny * s.na + s.na + s.ny)
    }

    /// The smallest interval whose checkpoints (at steps 0, every, 2·every, … < T) fit in
    /// `checkpointBudget`: ⌈T / k⌉ checkpoints with k = ⌊budget / checkpoint bytes⌋.
    public static func checkpointInterval(shape: Shape, T: Int) -> Int {
        let fit = max(1, checkpointBudget / checkpointBytes(shape))
        return max(1, (T + fit - 1) / fit)
    }

    public var T: Int { episode.T }
    public var shape: Shape { rnn.shape }
    public func hasInput(_ t: Int) -> Bool { episode.layout.hasInput[t - 1] }
    public func hasOutput(_ t: Int) -> Bool { episode.layout.hasOutput[t - 1] }
    public func hasTarget(_ t: Int) -> Bool { episode.y[t - 1] != nil }

    /// L<t>, or nil where step t has no target.
    public func loss(_ t: Int) -> Double? {
        if let gated { return gated.loss(t) }
        return hasTarget(t) ? forwardPass.stepLoss(t) : nil
    }
    /// L = Σ_t L<t>, or nil when there are no targets.
    public var totalLoss: Double? {
        if let gated { return gated.totalLoss }
        return episode.hasTargets ? forwardPass.totalLoss : nil
    }
    /// L<1> + … + L<t>: the running total after forward step t, or nil without targets.
    public func lossSoFar(_ t: Int) -> Double? {
        guard episode.hasTargets else { return nil }
        return (1...t).reduce(0.0) { $0 + (loss($1) ?? 0) }
    }

    /// The vector `symbol` at step t (1-based), or nil where the step does not have it
    /// (no output, no target, no backward pass).
    public func vector(_ symbol: Symbol, _ t: Int) -> [Double]? {
        precondition(t >= 1 && t <= T, "step out of range")
        if let gated { return gated.vector(symbol, t) }
        let na = shape.na, ny = shape.ny
        do {   // the forward pass's numbers (dy is computed with ŷ)
            let w = forwardPass
            switch symbol {
            case .x: return episode.x[t - 1]
            case .aPrev: return t == 1 ? rnn.params.a0 : w.vector(.a, t - 1)
            case .stacked: return vector(.aPrev, t).map { $0 + episode.x[t - 1] }
            case .z: return w.vector(.z, t)
            case .a: return w.vector(.a, t)
            case .zy: return hasOutput(t) ? w.vector(.zy, t) : nil
            case .yHat: return hasOutput(t) ? w.vector(.yHat, t) : nil
            case .y: return episode.y[t - 1]
            case .loss: return loss(t).map { [$0] }
            case .dy: return hasBackward && hasTarget(t) ? w.vector(.dy, t) : nil
            case .dbyStep: return hasBackward ? (hasTarget(t) ? w.vector(.dy, t) : Array(repeating: 0, count: ny)) : nil
            default: break
            }
        }
        guard hasBackward else { return nil }
        let w = workspace
        switch symbol {
        case .daFromOutput:
            guard let dy = vector(.dy, t) else { return Array(repeating: 0, count: na) }
            return rnn.params.Wya.transposed.times(dy)
        case .daNext: return t == T ? Array(repeating: 0, count: na) : w.vector(.daPrev, t + 1)
        case .da: return w.vector(.da, t)
        case .dz: return w.vector(.dz, t)
        case .daPrev: return w.vector(.daPrev, t)
        case .dbaStep: return w.vector(.dz, t)
        default: return nil
        }
    }

    /// One step's contribution to the gradients of the shared weights:
    /// dz<t>·[a<t-1>; x<t>]ᵀ to dWa, dz<t> to dba, dy<t>·a<t>ᵀ to dWya, dy<t> to dby.
    public func contribution(_ t: Int) -> Gradients? { contribution(t, parts: .all) }

    /// One step's contribution to the gradients of `parts` (the others 0 × 0 and empty).
    func contribution(_ t: Int, parts: GradientParts) -> Gradients? {
        guard hasBackward, gated == nil, let dz = vector(.dz, t), let stacked = vector(.stacked, t), let a = vector(.a, t) else { return nil }
        var g = Gradients(dWa: Matrix(rows: 0, cols: 0), dWya: Matrix(rows: 0, cols: 0), dba: [], dby: [])
        if parts.contains(.recurrent) {
            var xPart = stacked
            if !hasInput(t) { for j in shape.na..<xPart.count { xPart[j] = 0 } }
            g.dWa = Matrix.outer(dz, xPart)
            g.dba = dz
        }
        if parts.contains(.output) {
            if let dy = vector(.dy, t) {
                g.dWya = Matrix.outer(dy, a)
                g.dby = dy
            } else {
                g.dWya = Matrix(rows: shape.ny, cols: shape.na)
                g.dby = Array(repeating: 0, count: shape.ny)
            }
        }
        return g
    }

    /// The running sums after backward step t: the contributions of steps T, T−1, …, t.
    /// Between checkpoints they are rebuilt from the nearest one; the last result is kept, so
    /// asking for the same step again, or for the step before it, costs at most one step.
    public func gradientsSoFar(_ t: Int) -> Gradients? { sumsSoFar(t, parts: .all) }

    /// The running sums of `parts` after backward step t (the other parts 0 × 0 and empty, or
    /// summed already): `.recurrent` never sums the output layer's gradients.
    func sumsSoFar(_ t: Int, parts: GradientParts) -> Gradients? {
        guard hasBackward, gated == nil else { return nil }
        if let (mt, mg, mparts) = memo.last, mparts.isSuperset(of: parts) {
            if mt == t { return mg }
            if mt == t + 1, let add = contribution(t, parts: mparts) {
                var g = mg
                g.add(add)
                memo.last = (t, g, mparts)
                return g
            }
        }
        let t0 = t - 1
        var c = ((t0 + checkpointEvery - 1) / checkpointEvery) * checkpointEvery
        var g: Gradients
        let kept = parts.contains(.output) ? checkpoints : recurrentCheckpoints
        // (what the checkpoints hold: both parts once the output layer's sums have run; until
        // then dWya is 0 × 0, never n_y × n_a)
        let held: GradientParts = kept[0].map { $0.dWya.cols == 0 ? .recurrent : .all } ?? parts
        if c < T, let k = kept[c] { g = k } else {
            g = .zero(shape)
            if !held.contains(.output) { g.dWya = Matrix(rows: 0, cols: 0); g.dby = [] }
            c = T
        }
        for s in stride(from: c - 1, through: t0, by: -1) {
            if let add = contribution(s + 1, parts: held) { g.add(add) }
        }
        if checkpointEvery > 1 { memo.last = (t, g, held) }
        return g
    }

    /// The gradients of L (sums over every step), or nil without targets.
    /// The running sums after the last backward step (t = 1), so the total and the screen's
    /// `dWa<1>` are the same numbers to the last bit.
    public var gradients: Gradients? {
        guard hasBackward, gated == nil else { return nil }
        return checkpoints[0]
    }

    /// `gradients` with only dWa and dba certain to be summed (dWya, dby may be 0 × 0 and empty).
    var recurrentGradients: Gradients? {
        guard hasBackward, gated == nil else { return nil }
        return recurrentCheckpoints[0]
    }

    /// ∂L/∂a<0>, or nil without targets.
    public var da0: [Double]? { gated.map(\.da0) ?? (hasBackward ? workspace.da0 : nil) }

    /// Any quantity as a matrix (vectors are columns): per-step symbols need `t`; running sums
    /// take `t` for the sum after that backward step, or nil for the total.
    public func tensor(_ symbol: Symbol, t: Int?) -> Matrix? {
        if let gated { return gated.tensor(symbol, t: t) }
        let p = rnn.params
        func col(_ v: [Double]?) -> Matrix? { v.map { Matrix(column: $0) } }
        switch symbol {
        case .Wa: return p.Wa
        case .Waa: return p.Waa
        case .Wax: return p.Wax
        case .Wya: return p.Wya
        case .ba: return Matrix(column: p.ba)
        case .by: return Matrix(column: p.by)
        case .a0: return Matrix(column: p.a0)
        case .totalLoss: return totalLoss.map { Matrix(column: [$0]) }
        case .da0: return col(da0)
        case .dWaStep, .dWaaStep, .dWaxStep, .dWyaStep:
            guard let t, t >= 1, t <= T, let g = contribution(t) else { return nil }
            switch symbol {
            case .dWaStep: return g.dWa
            case .dWaaStep: return g.dWaa
            case .dWaxStep: return g.dWax
            default: return g.dWya
            }
        case .dWa, .dWaa, .dWax, .dba, .dWya, .dby:
            // (the recurrence's gradients without summing the output layer's)
            let parts: GradientParts = symbol == .dWya || symbol == .dby ? .all : .recurrent
            let g: Gradients?
            if let t { g = (t >= 1 && t <= T) ? sumsSoFar(t, parts: parts) : nil }
            else { g = parts == .all ? gradients : recurrentGradients }
            guard let g else { return nil }
            switch symbol {
            case .dWa: return g.dWa
            case .dWaa: return g.dWaa
            case .dWax: return g.dWax
            case .dba: return Matrix(column: g.dba)
            case .dWya: return g.dWya
            default: return Matrix(column: g.dby)
            }
        default:
            guard let t, t >= 1, t <= T else { return nil }
            return col(vector(symbol, t))
        }
    }
}

/// One remembered running sum, shared by copies of a trace (it only ever holds a value the
/// trace would compute anyway), guarded by a lock.
final class RunningSumMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Int, Gradients, GradientParts)?
    var last: (Int, Gradients, GradientParts)? {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
