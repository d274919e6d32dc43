import RNNCore

extension ScaleTable {
    /// The colour ranges of a GRU or LSTM trace: max |value| over every step of each gate, c̃, c,
    /// a, the output, the backward vectors, each step's contributions and the running sums.
    static func gatedRanges(_ trace: Trace) -> [Symbol: Double] {
        var maxAbs: [Symbol: Double] = [:]
        guard let g = trace.gated else { return maxAbs }
        let T = trace.T
        func top(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
        func set(_ s: Symbol, _ v: Double) { maxAbs[s] = v }
        func raise(_ s: Symbol, _ v: Double) { maxAbs[s] = max(maxAbs[s] ?? 0, v) }
        func from(_ symbols: [Symbol]) { for s in symbols { set(s, trace.maxAbs(of: s)) } }
        let x = trace.episode.x.reduce(0) { max($0, top($1)) }
        let a = max(top(g.rnn.params.a0), top(g.rnn.params.c0), trace.maxAbs(of: .a), trace.maxAbs(of: .c))
        set(.x, x); set(.aPrev, a); set(.cPrev, a); set(.stacked, max(x, a))
        from([.gammaF, .gammaU, .gammaR, .gammaO, .cTilde, .c, .a, .zy, .yHat, .loss,
              .Wf, .Wu, .Wr, .Wo, .Wc, .bf, .bu, .br, .bo, .bc, .Wya, .by, .a0, .c0])
        set(.y, trace.episode.y.reduce(0) { max($0, top($1 ?? [])) }); set(.totalLoss, trace.totalLoss.map(abs) ?? 0)
        guard trace.hasBackward else { return maxAbs }
        from([.dy, .da, .dc, .daPrev, .dcPrev, .da0, .dc0, .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde,
              .dzf, .dzu, .dzr, .dzo, .dzc, .daFromOutput])
        set(.daNext, trace.maxAbs(of: .daPrev)); set(.dcNext, trace.maxAbs(of: .dcPrev))
        set(.dbyStep, trace.maxAbs(of: .dy))
        // contributions and running sums, one pass from t = T down (every sum is exact)
        let steps: [Symbol] = [.dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep]
        let sums: [Symbol] = [.dWf, .dWu, .dWr, .dWo, .dWc]
        let biasSteps: [Symbol] = [.dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep]
        let biasSums: [Symbol] = [.dbf, .dbu, .dbr, .dbo, .dbc]
        let gates: [Gate] = [.f, .u, .r, .o, .c]
        var running: GatedGradients?
        for t in stride(from: T, through: 1, by: -1) {
            guard let add = g.contribution(t) else { continue }
            if var r = running { r.add(add); running = r } else { running = add }
            guard let r = running else { continue }
            for (k, gate) in gates.enumerated() {
                guard let i = g.rnn.params.index(gate) else { continue }
                raise(steps[k], top(add.dW[i].values)); raise(sums[k], top(r.dW[i].values))
                raise(biasSteps[k], top(add.db[i])); raise(biasSums[k], top(r.db[i]))
            }
            raise(.dWyaStep, top(add.dWya.values)); raise(.dWya, top(r.dWya.values)); raise(.dby, top(r.dby))
        }
        return maxAbs
    }
}
