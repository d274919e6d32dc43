import Foundation

/// Every number of one forward and backward pass, per time step, by name.
///
/// Per-step vectors are stored (one flat buffer per quantity). Per-step matrices — a step's
/// contribution to dWa and dWya, and the running sums after each backward step — are derived
/// when asked for: contributions from stored vectors, running sums from the nearest
/// checkpoint (kept every `checkpointEvery` steps, chosen so checkpoints stay within
/// `checkpointBudget` bytes).
public struct Trace: Sendable {
    public let rnn: RNN
    public let episode: Episode
    /// The flat per-step buffers of the pass: RNNCore's own; other rooms read them through
    /// `vector`, `tensor`, `maxAbs(of:)` and `norm(of:at:)`.
    let workspace: Workspace
    /// Whether there was a backward pass (only when the sequence has targets).
    public let hasBackward: Bool
    public let checkpointEvery: Int
    /// Running sums of the gradients after backward step c (0-based), for c a multiple of checkpointEvery.
    let checkpoints: [Int: Gradients]

    /// A gated cell's pass (GRU, LSTM), or nil for the plain cell: then `rnn` is only its
    /// output layer, and `vector`, `tensor`, losses and da<0> come from here.
    public let gated: GatedTrace?

    /// The last running sums rebuilt between checkpoints (see `gradientsSoFar`).
    private let memo = RunningSumMemo()

    public static let checkpointBudget = 64 << 20

    /// - Parameter checkpointEvery: keep the running sums every this many steps; nil chooses
    ///   the smallest interval whose checkpoints fit in `checkpointBudget` (tests force others).
    public init(rnn: RNN, episode: Episode, checkpointEvery: Int? = nil) {
        precondition(checkpointEvery.map { $0 >= 1 } ?? true, "checkpointEvery must be at least 1")
        var ws = Workspace(shape: rnn.shape, episode: episode)
        ws.forward(rnn.params)
        let s = rnn.shape
        let every = checkpointEvery ?? Self.checkpointInterval(shape: s, T: episode.T)
        var kept: [Int: Gradients] = [:]
        if episode.hasTargets {
            ws.backward(rnn.params, sums: false)   // the running sums below give the totals too
            kept = Self.runningSums(ws, a0: rnn.params.a0, every: every)
            if let total = kept[0] {   // the sums after step 1 are the gradients: one set of numbers
                ws.dWa = total.dWa.values; ws.dWya = total.dWya.values; ws.dba = total.dba; ws.dby = total.dby
            }
        }
        self.rnn = rnn
        self.episode = episode
        self.workspace = ws
        self.hasBackward = episode.hasTargets
        self.checkpointEvery = every
        self.checkpoints = kept
        self.gated = nil
    }

    /// The trace of a gated cell (see `GatedTrace`); the plain workspace is left empty.
    public init(gated: GatedRNN, episode: Episode) {
        self.rnn = gated.outputLayer
        self.episode = episode
        self.workspace = Workspace(shape: gated.shape.plain, episode: episode)
        self.hasBackward = episode.hasTargets
        self.checkpointEvery = 1
        self.checkpoints = [:]
        self.gated = GatedTrace(rnn: gated, episode: episode)
    }

    /// The cell this trace ran: rnn, gru or lstm.
    public var cell: CellKind { gated?.cell.kind ?? .rnn }

    /// The running sums after backward steps t = 0, every, 2·every, … (0-based): each the sum
    /// of the contributions of steps T−1 … t, added in the order the backward pass visits them.
    static func runningSums(_ w: Workspace, a0: [Double], every: Int) -> [Int: Gradients] {
        let s = w.shape, na = s.na, nx = s.nx, ny = s.ny, ld = na + nx
        var dWa = [Double](repeating: 0, count: na * ld), dWya = [Double](repeating: 0, count: ny * na)
        var dba = [Double](repeating: 0, count: na), dby = [Double](repeating: 0, count: ny)
        var kept: [Int: Gradients] = [:]
        w.a.withUnsafeBufferPointer { a in
        w.dz.withUnsafeBufferPointer { dz in
        w.dy.withUnsafeBufferPointer { dy in
        a0.withUnsafeBufferPointer { a0 in
        dWa.withUnsafeMutableBufferPointer { dWa in
        dWya.withUnsafeMutableBufferPointer { dWya in
            for t in stride(from: w.T - 1, through: 0, by: -1) {
                let dzt = dz.baseAddress! + t * na, dyt = dy.baseAddress! + t * ny, at = a.baseAddress! + t * na
                let aPrev = t == 0 ? a0.baseAddress! : a.baseAddress! + (t - 1) * na
                Kernels.outerAdd(dWa.baseAddress!, rows: na, cols: na, ld: ld, dzt, aPrev)
                if w.hasInput[t] {
                    w.xs[t].withUnsafeBufferPointer { Kernels.outerAddSparse(dWa.baseAddress! + na, rows: na, cols: nx, ld: ld, dzt, $0.baseAddress!) }
                }
                Kernels.outerAdd(dWya.baseAddress!, rows: ny, cols: na, ld: na, dyt, at)
                for i in 0..<na { dba[i] += dzt[i] }
                for i in 0..<ny { dby[i] += dyt[i] }
                if t % every == 0 {
                    kept[t] = Gradients(dWa: Matrix(rows: na, cols: ld, values: Array(dWa)),
                                        dWya: Matrix(rows: ny, cols: na, values: Array(dWya)), dba: dba, dby: dby)
                }
            }
        }}}}}}
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
        return hasTarget(t) ? workspace.loss[t - 1] : nil
    }
    /// L = Σ_t L<t>, or nil when there are no targets.
    public var totalLoss: Double? {
        if let gated { return gated.totalLoss }
        return episode.hasTargets ? workspace.totalLoss : nil
    }
    /// L<1> + … + L<t>: the running total after forward step t, or nil without targets.
    public func lossSoFar(_ t: Int) -> Double? {
        guard episode.hasTargets else { return nil }
        return (1...t).reduce(0.0) { $0 + (loss($1) ?? 0) }
    }

    private func slice(_ buffer: [Double], _ t: Int, _ width: Int) -> [Double] {
        Array(buffer[((t - 1) * width)..<(t * width)])
    }

    /// The vector `symbol` at step t (1-based), or nil where the step does not have it
    /// (no output, no target, no backward pass).
    public func vector(_ symbol: Symbol, _ t: Int) -> [Double]? {
        precondition(t >= 1 && t <= T, "step out of range")
        if let gated { return gated.vector(symbol, t) }
        let w = workspace, na = shape.na, ny = shape.ny
        switch symbol {
        case .x: return episode.x[t - 1]
        case .aPrev: return t == 1 ? rnn.params.a0 : slice(w.a, t - 1, na)
        case .stacked: return vector(.aPrev, t).map { $0 + episode.x[t - 1] }
        case .z: return slice(w.z, t, na)
        case .a: return slice(w.a, t, na)
        case .zy: return hasOutput(t) ? slice(w.zy, t, ny) : nil
        case .yHat: return hasOutput(t) ? slice(w.yHat, t, ny) : nil
        case .y: return episode.y[t - 1]
        case .loss: return loss(t).map { [$0] }
        default: break
        }
        guard hasBackward else { return nil }
        switch symbol {
        case .dy: return hasTarget(t) ? slice(w.dy, t, ny) : nil
        case .daFromOutput:
            guard let dy = vector(.dy, t) else { return Array(repeating: 0, count: na) }
            return rnn.params.Wya.transposed.times(dy)
        case .daNext: return t == T ? Array(repeating: 0, count: na) : slice(w.daPrev, t + 1, na)
        case .da: return slice(w.da, t, na)
        case .dz: return slice(w.dz, t, na)
        case .daPrev: return slice(w.daPrev, t, na)
        case .dbaStep: return slice(w.dz, t, na)
        case .dbyStep: return hasTarget(t) ? slice(w.dy, t, ny) : Array(repeating: 0, count: ny)
        default: return nil
        }
    }

    /// One step's contribution to the gradients of the shared weights:
    /// dz<t>·[a<t-1>; x<t>]ᵀ to dWa, dz<t> to dba, dy<t>·a<t>ᵀ to dWya, dy<t> to dby.
    public func contribution(_ t: Int) -> Gradients? {
        guard hasBackward, gated == nil, let dz = vector(.dz, t), let stacked = vector(.stacked, t), let a = vector(.a, t) else { return nil }
        var g = Gradients.zero(shape)
        var xPart = stacked
        if !hasInput(t) { for j in shape.na..<xPart.count { xPart[j] = 0 } }
        g.dWa = Matrix.outer(dz, xPart)
        g.dba = dz
        if let dy = vector(.dy, t) {
            g.dWya = Matrix.outer(dy, a)
            g.dby = dy
        }
        return g
    }

    /// The running sums after backward step t: the contributions of steps T, T−1, …, t.
    /// Between checkpoints they are rebuilt from the nearest one; the last result is kept, so
    /// asking for the same step again, or for the step before it, costs at most one step.
    public func gradientsSoFar(_ t: Int) -> Gradients? {
        guard hasBackward, gated == nil else { return nil }
        if let (mt, mg) = memo.last {
            if mt == t { return mg }
            if mt == t + 1, let add = contribution(t) {
                var g = mg
                g.add(add)
                memo.last = (t, g)
                return g
            }
        }
        let t0 = t - 1
        var c = ((t0 + checkpointEvery - 1) / checkpointEvery) * checkpointEvery
        var g: Gradients
        if c < T, let kept = checkpoints[c] { g = kept } else { g = .zero(shape); c = T }
        for s in stride(from: c - 1, through: t0, by: -1) {
            if let add = contribution(s + 1) { g.add(add) }
        }
        if checkpointEvery > 1 { memo.last = (t, g) }
        return g
    }

    /// The gradients of L (sums over every step), or nil without targets.
    /// The running sums after the last backward step (t = 1), so the total and the screen's
    /// `dWa<1>` are the same numbers to the last bit.
    public var gradients: Gradients? {
        guard hasBackward, gated == nil else { return nil }
        return checkpoints[0]
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
            let g: Gradients?
            if let t { g = (t >= 1 && t <= T) ? gradientsSoFar(t) : nil } else { g = gradients }
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
    private var value: (Int, Gradients)?
    var last: (Int, Gradients)? {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
