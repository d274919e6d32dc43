/// Every number of a gated cell's forward and backward pass, per step, by `Symbol`.
///
/// Per-step vectors are copied out of the `GatedWorkspace`; a step's contribution to a weight's
/// gradient (ΔdWu<t> = dzu<t>·s<t>ᵀ) and the running sums after a backward step are derived
/// when asked for.
public struct GatedTrace: Sendable {
    public let rnn: GatedRNN
    public let episode: Episode
    public let hasBackward: Bool
    /// Per gate (aligned with `cell.gates`), flat T × n_a: Γ<t> (or c̃<t>), dΓ<t> (or dc̃<t>), dz<t>.
    let act: [[Double]], dact: [[Double]], dz: [[Double]]
    /// Flat T × n_a: c<t>, a<t>, da<t>, dc<t>, da_prev<t>, dc_prev<t>; flat T × n_y: logits, ŷ<t>, dy<t>.
    let c: [Double], a: [Double], da: [Double], dc: [Double], daPrev: [Double], dcPrev: [Double]
    let zy: [Double], yHat: [Double], dy: [Double]
    public let losses: [Double]
    public let totalLoss: Double?
    /// The summed gradients, da<0> and dc<0> (nil without a backward pass).
    public private(set) var gradients: GatedGradients?
    public let da0: [Double]?
    public let dc0: [Double]?
    /// The last running sums built (GatedTrace+Memo.swift).
    let memo = GatedRunningSumMemo()

    public init(rnn: GatedRNN, episode: Episode) {
        let w = GatedWorkspace(shape: rnn.shape, episode: episode)
        w.forward(rnn.params)
        let back = episode.hasTargets
        if back { w.backward(rnn.params, sums: false) }
        let na = rnn.shape.na, ny = rnn.shape.ny
        self.rnn = rnn
        self.episode = episode
        hasBackward = back
        act = w.act.map { w.all($0, na) }
        dact = w.dact.map { w.all($0, na) }
        dz = w.dz.map { w.all($0, na) }
        c = w.all(w.c, na); a = w.all(w.a, na)
        da = w.all(w.da, na); dc = w.all(w.dc, na); daPrev = w.all(w.daPrev, na); dcPrev = w.all(w.dcPrev, na)
        zy = w.all(w.zy, ny); yHat = w.all(w.yHat, ny); dy = w.all(w.dy, ny)
        losses = w.loss
        totalLoss = back ? w.totalLoss : nil
        gradients = nil
        da0 = back ? Array(UnsafeBufferPointer(start: w.da0, count: na)) : nil
        dc0 = back ? Array(UnsafeBufferPointer(start: w.dc0, count: na)) : nil
        // the totals are the running sums after the last backward step, so the JSON's dWu
        // and the screen's dWu<1> are the same numbers to the last bit
        if back { gradients = gradientsSoFar(1) }
    }

    public var T: Int { episode.T }
    public var shape: GatedShape { rnn.shape }
    public var cell: GatedCell { rnn.shape.cell }
    func hasOutput(_ t: Int) -> Bool { episode.layout.hasOutput[t - 1] }
    func hasTarget(_ t: Int) -> Bool { episode.y[t - 1] != nil }

    /// L<t>, or nil where step t has no target.
    public func loss(_ t: Int) -> Double? { hasTarget(t) ? losses[t - 1] : nil }

    private func slice(_ buffer: [Double], _ t: Int, _ width: Int) -> [Double] {
        Array(buffer[((t - 1) * width)..<(t * width)])
    }

    /// The gate of a gated symbol (Γu, dzu, Wu, dWu …; c̃ and its kin are gate c).
    public static func gate(of symbol: Symbol) -> Gate? { symbol.gateLetter.flatMap(Gate.init(rawValue:)) }

    /// The index in `cell.gates` of the symbol's gate, or nil when this cell has no such gate.
    func gateIndex(_ symbol: Symbol) -> Int? { Self.gate(of: symbol).flatMap(rnn.params.index) }

    /// The gate's stacked input at step t: [a<t-1>; x<t>], or [Γr ⊙ c<t-1>; x<t>] for the GRU's c̃.
    public func stackedInput(_ gate: Gate, _ t: Int) -> [Double] {
        var head = t == 1 ? (cell == .gru ? rnn.params.c0 : rnn.params.a0) : slice(a, t - 1, shape.na)
        if cell == .gru && gate == .c, let r = rnn.params.index(.r) {
            let g = slice(act[r], t, shape.na)
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
        case .aPrev: return t == 1 ? p.a0 : slice(a, t - 1, na)
        case .stacked: return stackedInput(.u, t)
        case .a: return slice(a, t, na)
        case .c: return slice(c, t, na)
        case .cPrev: return t == 1 ? p.c0 : slice(c, t - 1, na)
        case .gammaF, .gammaU, .gammaR, .gammaO, .cTilde: return gateIndex(symbol).map { slice(act[$0], t, na) }
        case .zy: return hasOutput(t) ? slice(zy, t, ny) : nil
        case .yHat: return hasOutput(t) ? slice(yHat, t, ny) : nil
        case .y: return episode.y[t - 1]
        case .loss: return loss(t).map { [$0] }
        default: break
        }
        guard hasBackward, symbol.isPerStep else { return nil }
        switch symbol {
        case .dy: return hasTarget(t) ? slice(dy, t, ny) : nil
        case .daFromOutput:
            guard let d = vector(.dy, t) else { return Array(repeating: 0, count: na) }
            return p.Wya.transposed.times(d)
        case .da: return slice(da, t, na)
        case .dc: return slice(dc, t, na)
        case .daPrev: return slice(daPrev, t, na)
        case .dcPrev: return slice(dcPrev, t, na)
        case .daNext: return t == T ? Array(repeating: 0, count: na) : slice(daPrev, t + 1, na)
        case .dcNext: return t == T ? Array(repeating: 0, count: na) : slice(dcPrev, t + 1, na)
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde: return gateIndex(symbol).map { slice(dact[$0], t, na) }
        case .dzf, .dzu, .dzr, .dzo, .dzc, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep:
            return gateIndex(symbol).map { slice(dz[$0], t, na) }
        case .dbyStep: return hasTarget(t) ? slice(dy, t, ny) : Array(repeating: 0, count: ny)
        default: return nil
        }
    }

    /// Step t's contribution to the gradients: dz_k<t>·s_k<t>ᵀ to dW_k, dz_k<t> to db_k,
    /// dy<t>·a<t>ᵀ to dWya, dy<t> to dby.
    public func contribution(_ t: Int) -> GatedGradients? {
        guard hasBackward else { return nil }
        var g = GatedGradients.zero(shape)
        for (k, gate) in cell.gates.enumerated() {
            let dzt = slice(dz[k], t, shape.na)
            g.dW[k] = Matrix.outer(dzt, stackedInput(gate, t))
            g.db[k] = dzt
        }
        if hasTarget(t) {
            let dyt = slice(dy, t, shape.ny)
            g.dWya = Matrix.outer(dyt, slice(a, t, shape.na))
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
