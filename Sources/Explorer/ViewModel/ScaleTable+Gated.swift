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
        // contributions and running sums, one pass from t = T down (every sum is exact): each step's
        // ΔdW = dz<t>·s<t>ᵀ is added into the sums in place, entry by entry, as GatedGradients.add
        // would add it (the same numbers, without a matrix per step)
        let steps: [Gate: Symbol] = [.f: .dWfStep, .u: .dWuStep, .r: .dWrStep, .o: .dWoStep, .c: .dWcStep]
        let sums: [Gate: Symbol] = [.f: .dWf, .u: .dWu, .r: .dWr, .o: .dWo, .c: .dWc]
        let biasSteps: [Gate: Symbol] = [.f: .dbfStep, .u: .dbuStep, .r: .dbrStep, .o: .dboStep, .c: .dbcStep]
        let biasSums: [Gate: Symbol] = [.f: .dbf, .u: .dbu, .r: .dbr, .o: .dbo, .c: .dbc]
        let dzOf: [Gate: Symbol] = [.f: .dzf, .u: .dzu, .r: .dzr, .o: .dzo, .c: .dzc]
        let na = g.shape.na, ny = g.shape.ny, gates = g.cell.gates
        var sumW = gates.map { _ in [Double](repeating: 0, count: na * (na + g.shape.nx)) }
        var sumB = gates.map { _ in [Double](repeating: 0, count: na) }
        var sumWya = [Double](repeating: 0, count: ny * na), sumBy = [Double](repeating: 0, count: ny)
        /// sum += u·vᵀ entry by entry; returns (max |u_i·v_j|, max |sum| after)
        func addOuter(_ sum: inout [Double], _ u: [Double], _ v: [Double]) -> (Double, Double) {
            var step = 0.0, total = 0.0
            sum.withUnsafeMutableBufferPointer { s in
                var n = 0
                for i in u.indices {
                    for j in v.indices {
                        let d = u[i] * v[j]
                        step = max(step, abs(d))
                        s[n] += d
                        total = max(total, abs(s[n]))
                        n += 1
                    }
                }
            }
            return (step, total)
        }
        func addVector(_ sum: inout [Double], _ u: [Double]) -> Double {
            for i in u.indices { sum[i] += u[i] }
            return top(sum)
        }
        for t in stride(from: T, through: 1, by: -1) {
            for (k, gate) in gates.enumerated() {
                guard let symbol = dzOf[gate], let dz = g.vector(symbol, t), let sumSymbol = sums[gate],
                      let stepSymbol = steps[gate], let bStep = biasSteps[gate], let bSum = biasSums[gate] else { continue }
                let (step, total) = addOuter(&sumW[k], dz, g.stackedInput(gate, t))
                raise(stepSymbol, step); raise(sumSymbol, total)
                raise(bStep, top(dz)); raise(bSum, addVector(&sumB[k], dz))
            }
            if let dy = g.vector(.dy, t), let a = g.vector(.a, t) {   // steps with a target
                let (step, total) = addOuter(&sumWya, dy, a)
                raise(.dWyaStep, step); raise(.dWya, total); raise(.dby, addVector(&sumBy, dy))
            } else {
                raise(.dWyaStep, 0); raise(.dWya, top(sumWya)); raise(.dby, top(sumBy))
            }
        }
        return maxAbs
    }
}
