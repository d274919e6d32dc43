/// Every number of a gated cell's forward and backward pass, per step, by `Symbol`.
///
/// Per-step vectors are read from the `GatedWorkspace` that ran the passes, which the trace keeps
/// (no copy: its memory is checked, and a trace takes one set of rows, not two). The running sums of the weights'
/// gradients after the backward steps are built by the engine's own kernels, a block of
/// `checkpointEvery` steps at a time from step T down (kept as checkpoints; in between they are
/// rebuilt from the nearest one), so the totals — the sums after step 1 — are the JSON's `grads`
/// to the last bit. A step's contribution (ΔdWu<t> = dzu<t>·s<t>ᵀ) is derived when asked for.
public struct GatedTrace: Sendable {
    public let rnn: GatedRNN
    public let episode: Episode
    public let hasBackward: Bool
    /// Every per-step vector of both passes (read only after `init`: Γ<t>, c<t>, a<t>, ŷ<t>, da<t> …).
    let work: GatedWorkspace
    public let losses: [Double]
    public let totalLoss: Double?
    /// The summed gradients, da<0> and dc<0> (nil without a backward pass).
    public let gradients: GatedGradients?
    public let da0: [Double]?
    public let dc0: [Double]?
    /// The checkpoints of the running sums and the last ones built between them
    /// (GatedTrace+Memo.swift; a reference, so the trace's layout stays that of a few arrays).
    let memo: GatedRunningSumMemo
    /// Running sums after backward step c + 1 (c = 0, every, 2·every, …, 0-based).
    var checkpoints: [Int: GatedGradients] { memo.checkpoints }
    public var checkpointEvery: Int { memo.every }

    /// As `init(checked:…)`, for a network whose trace was made once already (an edit, a
    /// training step): when the memory cannot be had after all, the program ends with one line.
    public init(rnn: GatedRNN, episode: Episode, kernels: Kernels = .chosen, checkpointEvery: Int? = nil) {
        do throws(TraceMemoryError) {
            try self.init(checked: rnn, episode: episode, kernels: kernels, checkpointEvery: checkpointEvery)
        } catch { error.stop() }
    }

    /// - Parameter checkpointEvery: keep the running sums every this many steps; nil chooses the
    ///   smallest interval whose checkpoints fit in `Trace.checkpointBudget` (tests force others).
    /// - Parameter limit: refuse a workspace of more bytes than this (tests).
    /// - Throws: `TraceMemoryError` when the memory for its per-step vectors cannot be had.
    public init(checked rnn: GatedRNN, episode: Episode, kernels: Kernels = .chosen, checkpointEvery: Int? = nil,
                limit: Int? = nil) throws(TraceMemoryError) {
        // (the throwing part before a delegating init: a struct init whose first statement
        // throws, typed, crashed destroying the uninitialised trace in Swift 6.3.1)
        let w = try GatedWorkspace(checked: rnn.shape, episode: episode, kernels: kernels, limit: limit)
        self.init(workspace: w, rnn: rnn, episode: episode, checkpointEvery: checkpointEvery)
    }

    /// The trace of both passes run in `w` (made for this shape and episode).
    private init(workspace w: GatedWorkspace, rnn: GatedRNN, episode: Episode, checkpointEvery: Int?) {
        w.forward(rnn.params)
        let back = episode.hasTargets
        let every = checkpointEvery ?? Self.checkpointInterval(shape: rnn.shape, T: episode.T)
        if back { w.backward(sums: false) }
        self.rnn = rnn
        self.episode = episode
        hasBackward = back
        work = w
        losses = w.loss
        totalLoss = back ? w.totalLoss : nil
        da0 = back ? w.da0Vector : nil
        dc0 = back ? w.dc0Vector : nil
        let kept = back ? Self.runningSums(w, every: every) : [:]
        memo = GatedRunningSumMemo(checkpoints: kept, every: every)
        // the totals are the running sums after the last backward step, so the JSON's dWu
        // and the screen's dWu<1> are the same numbers to the last bit
        gradients = kept[0]
    }

    /// The running sums after backward steps c + 1 for c = 0, every, 2·every, … (0-based): each
    /// the sum of the parts of steps T … c + 1, added a block of steps at a time in the order the
    /// backward pass visits the blocks.
    static func runningSums(_ w: GatedWorkspace, every: Int) -> [Int: GatedGradients] {
        var kept: [Int: GatedGradients] = [:]
        w.clearWeightGradients()
        var c = (w.T - 1) / every * every, end = w.T
        while c >= 0 {
            w.addWeightGradients(steps: (c + 1)...end)
            kept[c] = w.gradients
            end = c
            c -= every
        }
        return kept
    }

    /// Bytes of one checkpoint: every dW and db, dWya, dby.
    public static func checkpointBytes(_ s: GatedShape) -> Int {
        8 * (s.cell.gates.count * s.na * (s.na + s.nx + 1) + s.ny * (s.na + 1))
    }

    /// The smallest interval whose checkpoints fit in `Trace.checkpointBudget`.
    public static func checkpointInterval(shape: GatedShape, T: Int) -> Int {
        let fit = max(1, Trace.checkpointBudget / checkpointBytes(shape))
        return max(1, (T + fit - 1) / fit)
    }

    public var T: Int { episode.T }
    public var shape: GatedShape { rnn.shape }
    public var cell: GatedCell { rnn.shape.cell }
    func hasOutput(_ t: Int) -> Bool { episode.layout.hasOutput[t - 1] }
    func hasTarget(_ t: Int) -> Bool { episode.y[t - 1] != nil }

    /// L<t>, or nil where step t has no target.
    public func loss(_ t: Int) -> Double? { hasTarget(t) ? losses[t - 1] : nil }

    /// A per-step vector at step t (1-based), copied out of the workspace.
    private func slice(_ q: GatedWorkspace.Quantity, _ t: Int) -> [Double] { work.vector(q, t) }

    /// The gate of a gated symbol (Γu, dzu, Wu, dWu …; c̃ and its kin are gate c).
    public static func gate(of symbol: Symbol) -> Gate? { symbol.gateLetter.flatMap(Gate.init(rawValue:)) }

    /// The index in `cell.gates` of the symbol's gate, or nil when this cell has no such gate.
    func gateIndex(_ symbol: Symbol) -> Int? { Self.gate(of: symbol).flatMap(rnn.params.index) }

    /// The gate's stacked input at step t: [a<t-1>; x<t>], or [Γr ⊙ c<t-1>; x<t>] for the GRU's c̃.
    public func stackedInput(_ gate: Gate, _ t: Int) -> [Double] {
        var head = t == 1 ? (cell == .gru ? rnn.params.c0 : rnn.params.a0) : slice(.a, t - 1)
        if cell == .gru && gate == .c, let r = rnn.params.index(.r) {
            let g = slice(.gate(r), t)
            head = zip(g, head).map { $0 * $1 }
        }
        let x = episode.layout.hasInput[t - 1] ? episode.x[t - 1] : Array(repeating: 0, count: shape.nx)
        return head + x
    }

    /// The vector `symbol` at step t (1-based), or nil where the cell or the step has none.
    public func vector(_ symbol: Symbol, _ t: Int) -> [Double]? {
        precondition(t >= 1 && t <= T, "step out of range")
        let na = shape.na, ny = shape.ny, p = rnn.params
        switch symbol {
        case .x: return episode.x[t - 1]
        case .aPrev: return t == 1 ? p.a0 : slice(.a, t - 1)
        case .stacked: return stackedInput(.u, t)
        case .a: return slice(.a, t)
        case .c: return slice(.c, t)
        case .cPrev: return t == 1 ? p.c0 : slice(.c, t - 1)
        case .gammaF, .gammaU, .gammaR, .gammaO, .cTilde: return gateIndex(symbol).map { slice(.gate($0), t) }
        case .zy: return hasOutput(t) ? slice(.zy, t) : nil
        case .yHat: return hasOutput(t) ? slice(.yHat, t) : nil
        case .y: return episode.y[t - 1]
        case .loss: return loss(t).map { [$0] }
        default: break
        }
        guard hasBackward, symbol.isPerStep else { return nil }
        switch symbol {
        case .dy: return hasTarget(t) ? slice(.dy, t) : nil
        case .daFromOutput:
            guard let d = vector(.dy, t) else { return Array(repeating: 0, count: na) }
            return p.Wya.transposed.times(d)
        case .da: return slice(.da, t)
        case .dc: return slice(.dc, t)
        case .daPrev: return slice(.daPrev, t)
        case .dcPrev: return slice(.dcPrev, t)
        case .daNext: return t == T ? Array(repeating: 0, count: na) : slice(.daPrev, t + 1)
        case .dcNext: return t == T ? Array(repeating: 0, count: na) : slice(.dcPrev, t + 1)
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde: return gateIndex(symbol).map { slice(.dGate($0), t) }
        case .dzf, .dzu, .dzr, .dzo, .dzc, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep:
            return gateIndex(symbol).map { slice(.dzGate($0), t) }
        case .dbyStep: return hasTarget(t) ? slice(.dy, t) : Array(repeating: 0, count: ny)
        default: return nil
        }
    }

    /// Step t's contribution to the gradients: dz_k<t>·s_k<t>ᵀ to dW_k, dz_k<t> to db_k,
    /// dy<t>·a<t>ᵀ to dWya, dy<t> to dby.
    public func contribution(_ t: Int) -> GatedGradients? {
        guard hasBackward else { return nil }
        var g = GatedGradients.zero(shape)
        for (k, gate) in cell.gates.enumerated() {
            let dzt = slice(.dzGate(k), t)
            g.dW[k] = Matrix.outer(dzt, stackedInput(gate, t))
            g.db[k] = dzt
        }
        if hasTarget(t) {
            let dyt = slice(.dy, t)
            g.dWya = Matrix.outer(dyt, slice(.a, t))
            g.dby = dyt
        }
        return g
    }

    /// The running sums after backward step t: the contributions of steps T, T−1, …, t.
    public func gradientsSoFar(_ t: Int) -> GatedGradients? {
        guard hasBackward else { return nil }
        return memoizedRunningSums(t)   // GatedTrace+Memo.swift
    }

    /// Any quantity as a matrix (vectors are columns), as `Trace.tensor`; nil where this cell
    /// has no such quantity (Wa, z, Wr on an LSTM …) or the step has none.
    public func tensor(_ symbol: Symbol, t: Int?) -> Matrix? {
        let p = rnn.params
        func col(_ v: [Double]?) -> Matrix? { v.map { Matrix(column: $0) } }
        switch symbol {
        case .Wf, .Wu, .Wr, .Wo, .Wc: return gateIndex(symbol).map { p.W[$0] }
        case .bf, .bu, .br, .bo, .bc: return gateIndex(symbol).map { Matrix(column: p.b[$0]) }
        case .Wya: return p.Wya
        case .by: return Matrix(column: p.by)
        case .a0: return Matrix(column: p.a0)
        case .c0: return Matrix(column: p.c0)
        case .totalLoss: return totalLoss.map { Matrix(column: [$0]) }
        case .da0: return col(da0)
        case .dc0: return col(dc0)
        case .dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dWyaStep:
            guard let t, t >= 1, t <= T, let g = contribution(t) else { return nil }
            if symbol == .dWyaStep { return g.dWya }
            return gateIndex(symbol).map { g.dW[$0] }
        case .dWf, .dWu, .dWr, .dWo, .dWc, .dbf, .dbu, .dbr, .dbo, .dbc, .dWya, .dby:
            let g: GatedGradients?
            if let t { g = (t >= 1 && t <= T) ? gradientsSoFar(t) : nil } else { g = gradients }
            guard let g else { return nil }
            if symbol == .dWya { return g.dWya }
            if symbol == .dby { return Matrix(column: g.dby) }
            guard let k = gateIndex(symbol) else { return nil }
            return symbol.rawValue.hasPrefix("dW") ? g.dW[k] : Matrix(column: g.db[k])
        case .Wa, .Waa, .Wax, .ba, .dWa, .dWaa, .dWax, .dba, .dWaStep, .dWaaStep, .dWaxStep:
            return nil
        default:
            guard let t, t >= 1, t <= T else { return nil }
            return col(vector(symbol, t))
        }
    }

    /// Why a symbol has no value in this cell (it belongs to another cell), or nil.
    public func foreignSymbolReason(_ symbol: Symbol) -> String? {
        switch symbol {
        case .z, .dz, .Wa, .Waa, .Wax, .ba, .dWa, .dWaa, .dWax, .dba, .dWaStep, .dWaaStep, .dWaxStep, .dbaStep:
            return "the \(cell.rawValue) cell has no \(symbol.label) (that is the plain RNN cell's; see Γ, c̃ and c)"
        case .c0 where cell == .gru, .dc0 where cell == .gru:
            return nil   // c<0> = a<0> for the GRU: it is there
        default:
            if let gate = Self.gate(of: symbol), rnn.params.index(gate) == nil {
                let owner = GatedCell.allCases.first { $0.gates.contains(gate) }.map { " (it belongs to the \($0.rawValue))" } ?? ""
                return "the \(cell.rawValue) cell has no gate \(gate.rawValue)\(owner)"
            }
            return nil
        }
    }
}
