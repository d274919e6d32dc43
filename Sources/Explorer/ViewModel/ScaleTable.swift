import RNNCore

/// The fixed colour range of every quantity: max |value| over every time step, computed
/// once per lesson through the trace's summaries (`Trace.maxAbs(of:)`; never per frame).
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
        if trace.gated != nil { maxAbs = Self.gatedRanges(trace); return }
        let p = trace.rnn.params, T = trace.T
        func top(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
        func set(_ symbol: Symbol, _ v: Double) { maxAbs[symbol] = v }
        func from(_ symbols: Symbol...) { for s in symbols { set(s, trace.maxAbs(of: s)) } }

        set(.x, trace.episode.x.reduce(0) { max($0, top($1)) }); set(.aPrev, max(top(p.a0), trace.maxAbs(of: .a)))
        set(.stacked, max(maxAbs[.x] ?? 0, maxAbs[.aPrev] ?? 0))
        from(.z, .a, .zy, .yHat, .loss)
        set(.y, trace.episode.y.reduce(0) { max($0, top($1 ?? [])) }); set(.totalLoss, trace.totalLoss.map(abs) ?? 0)
        from(.Wa, .Waa, .Wax, .Wya, .ba, .by, .a0)
        guard trace.hasBackward else { return }

        from(.dy, .da, .dz, .daPrev, .da0)
        set(.daNext, maxAbs[.daPrev] ?? 0); set(.dbaStep, maxAbs[.dz] ?? 0); set(.dbyStep, maxAbs[.dy] ?? 0)
        var fromOutput = 0.0, step = 0.0, stepAA = 0.0, stepAX = 0.0, stepYA = 0.0
        for t in 1...T {
            // |Δ entry| ≤ max|dz<t>| · max|a<t-1>| and so on: a bound, not a sum of matrices
            let dz = trace.maxAbs(of: .dz, at: t)
            let aPrev = trace.maxAbs(of: .aPrev, at: t)
            let x = trace.hasInput(t) ? trace.maxAbs(of: .x, at: t) : 0
            let dy = trace.maxAbs(of: .dy, at: t)
            let a = trace.maxAbs(of: .a, at: t)
            stepAA = max(stepAA, dz * aPrev); stepAX = max(stepAX, dz * x); stepYA = max(stepYA, dy * a)
            step = max(step, stepAA, stepAX)
            fromOutput = max(fromOutput, trace.maxAbs(of: .daFromOutput, at: t))
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
