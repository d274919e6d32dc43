import RNNCore

/// The fixed colour range of every quantity: max |value| over every time step, computed
/// once per lesson from the trace's flat buffers (never per frame).
///
/// Running sums (dWa, dba, dWya, dby after each backward step) are exact when the lesson is
/// small enough (T · gradient size ≤ `exactBudget`); beyond that their range is the larger of
/// the total and the largest single-step contribution, and values outside it are clamped.
public struct ScaleTable: Equatable, Sendable {
    public private(set) var maxAbs: [Symbol: Double] = [:]
    public static let exactBudget = 20_000_000

    /// max |value| of `symbol` over every step (1 when the quantity is all zeros, so a
    /// colour scale never divides by zero).
    public func range(_ symbol: Symbol) -> Double {
        let m = maxAbs[symbol] ?? 0
        return m > 0 && m.isFinite ? m : 1
    }

    public init(trace: Trace) {
        let w = trace.workspace, s = trace.shape, p = trace.rnn.params, T = trace.T
        func top(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
        func set(_ symbol: Symbol, _ v: Double) { maxAbs[symbol] = v }

        set(.x, trace.episode.x.reduce(0) { max($0, top($1)) }); set(.aPrev, max(top(p.a0), w.maxAbs(.a)))
        set(.stacked, max(maxAbs[.x] ?? 0, maxAbs[.aPrev] ?? 0))
        set(.z, w.maxAbs(.z)); set(.a, w.maxAbs(.a)); set(.zy, w.maxAbs(.zy)); set(.yHat, w.maxAbs(.yHat))
        set(.y, trace.episode.y.reduce(0) { max($0, top($1 ?? [])) }); set(.loss, top(w.loss)); set(.totalLoss, trace.totalLoss.map(abs) ?? 0)
        set(.Wa, top(p.Wa.values)); set(.Waa, top(p.Waa.values)); set(.Wax, top(p.Wax.values))
        set(.Wya, top(p.Wya.values)); set(.ba, top(p.ba)); set(.by, top(p.by)); set(.a0, top(p.a0))
        guard trace.hasBackward else { return }

        set(.dy, w.maxAbs(.dy)); set(.da, w.maxAbs(.da)); set(.dz, w.maxAbs(.dz)); set(.daPrev, w.maxAbs(.daPrev))
        set(.daNext, w.maxAbs(.daPrev)); set(.dbaStep, w.maxAbs(.dz)); set(.dbyStep, w.maxAbs(.dy)); set(.da0, top(w.da0))
        let na = s.na
        var fromOutput = 0.0, step = 0.0, stepAA = 0.0, stepAX = 0.0, stepYA = 0.0
        for t in 1...T {
            let dz = top(w.vector(.dz, t)), da = w.vector(.da, t)
            let aPrev = t == 1 ? top(p.a0) : top(w.vector(.a, t - 1))
            let x = trace.episode.layout.hasInput[t - 1] ? top(trace.episode.x[t - 1]) : 0
            let dy = top(w.vector(.dy, t))
            let a = top(w.vector(.a, t))
            stepAA = max(stepAA, dz * aPrev); stepAX = max(stepAX, dz * x); stepYA = max(stepYA, dy * a)
            step = max(step, stepAA, stepAX)
            let next = t == T ? Array(repeating: 0.0, count: na) : w.vector(.daPrev, t + 1)
            for i in 0..<na { fromOutput = max(fromOutput, abs(da[i] - next[i])) }
        }
        set(.daFromOutput, fromOutput); set(.dWaStep, step); set(.dWaaStep, stepAA)
        set(.dWaxStep, stepAX); set(.dWyaStep, stepYA)
        setRunningSums(trace: trace, stepMax: [.dWa: step, .dWaa: stepAA, .dWax: stepAX, .dba: maxAbs[.dbaStep] ?? 0,
                                               .dWya: stepYA, .dby: maxAbs[.dbyStep] ?? 0])
    }

    private mutating func setRunningSums(trace: Trace, stepMax: [Symbol: Double]) {
        let s = trace.shape
        let size = s.na * (s.na + s.nx) + s.ny * s.na + s.na + s.ny
        let sums: [Symbol] = [.dWa, .dWaa, .dWax, .dba, .dWya, .dby]
        func top(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
        if trace.T * size <= Self.exactBudget {
            var best = [Symbol: Double]()
            for t in stride(from: trace.T, through: 1, by: -1) {
                guard let g = trace.gradientsSoFar(t) else { continue }
                let parts: [Symbol: [Double]] = [.dWa: g.dWa.values, .dWaa: g.dWaa.values, .dWax: g.dWax.values,
                                                 .dba: g.dba, .dWya: g.dWya.values, .dby: g.dby]
                for (k, v) in parts { best[k] = max(best[k] ?? 0, top(v)) }
            }
            for k in sums { maxAbs[k] = best[k] ?? 0 }
        } else if let g = trace.gradients {
            let totals: [Symbol: [Double]] = [.dWa: g.dWa.values, .dWaa: g.dWaa.values, .dWax: g.dWax.values,
                                              .dba: g.dba, .dWya: g.dWya.values, .dby: g.dby]
            for k in sums { maxAbs[k] = max(top(totals[k] ?? []), stepMax[k] ?? 0) }
        }
    }
}
