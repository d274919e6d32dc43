/// A finite-difference check of backpropagation through time: every entry of dWaa, dWax,
/// dWya, dba, dby, da<0> and every da<t> from the fast engine (`Trace`) is compared with a
/// central difference of the loss of the independent `ReferenceRNN`:
///
///     n = (L(θ + δ) − L(θ − δ)) / 2δ,   δ = 1e-5 by default, in Double,
///
/// where θ is one weight entry, one entry of a<0>, or one entry of a<t> nudged right after
/// it is computed (so n is the whole ∂L/∂a<t>, from ŷ<t> and from the future, = da<t>).
///
/// **Relative error** of an analytic value a against its numeric estimate n is
/// `|a − n| / max(|a| + |n|, 1e-12)`: 0 when both are exactly 0, and at most 1.
///
/// **Tolerances.** With δ = 1e-5 the truncation error of the central difference is about
/// δ²·|∂³L| ≈ 1e-10 relative, and the rounding error is about ε·|L|/δ ≈ 1e-11·|L| absolute
/// (ε = 2⁻⁵², L the loss). So a correct backward pass gives relative errors near 1e-9 or
/// below for entries that are not tiny; an entry much smaller than the rounding error (for
/// example a gradient that nearly cancels) has a meaningless relative error, and is judged
/// by its absolute error against `noiseFloor` instead (as `isApproximatelyEqual` in
/// swift-numerics takes both an absolute and a relative tolerance). An entry **agrees** when
///
///     |a − n| ≤ max(noiseFloor, relativeTolerance · (|a| + |n|)),   relativeTolerance = 1e-6.
///
/// A wrong backward pass gives relative errors near 1. Where g1 = ReLU and nudging θ by ±δ
/// moves some z<t>_i across 0, the difference straddles the kink and is not a derivative:
/// such an entry is not judged, but listed in its report's `kinkCrossings` (detected by
/// comparing the signs of every z<t> in the nudged passes with the unnudged pass).
public struct GradientCheck: Sendable {
    /// The check of one gradient, over all its entries (and all steps, for da<t>).
    public struct Report: Equatable, Sendable {
        /// .dWaa, .dWax, .dWya, .dba, .dby, .da0 or .da
        public var symbol: Symbol
        /// How many entries were compared.
        public var count: Int
        /// The largest relative error, and where it is, with both values there.
        public var maxRelativeError: Double
        public var worst: EntryRef
        public var analytic: Double
        public var numeric: Double
        /// The largest |a − n| over the entries.
        public var maxAbsoluteError: Double
        /// The entries that do not agree (see `GradientCheck`), with their analytic and numeric values.
        public var disagreements: [Disagreement]
        /// ReLU only: the entries whose ±δ nudge moved some z<t> across 0, not judged.
        public var kinkCrossings: [EntryRef]
    }

    /// One entry whose analytic and numeric values do not agree.
    public struct Disagreement: Equatable, Sendable {
        public var ref: EntryRef
        public var analytic: Double
        public var numeric: Double
    }

    /// One report per gradient, in the order dWaa, dWax, dWya, dba, dby, da<0>, da<t>.
    public let reports: [Report]
    public let delta: Double
    public let relativeTolerance: Double
    /// The absolute error below which a difference is rounding noise: 1e-9 · max(1, |L|).
    public let noiseFloor: Double

    /// The largest relative error over every entry of every gradient.
    public var maxRelativeError: Double { reports.map(\.maxRelativeError).max() ?? 0 }
    /// The report with the largest relative error.
    public var worst: Report? { reports.max { $0.maxRelativeError < $1.maxRelativeError } }
    /// True when every judged entry agrees (see `kinkCrossings` for those not judged).
    public var agrees: Bool { reports.allSatisfy { $0.disagreements.isEmpty } }
    /// Every entry whose finite difference straddles a ReLU kink.
    public var kinkCrossings: [EntryRef] { reports.flatMap(\.kinkCrossings) }

    /// `|a − n| / max(|a| + |n|, 1e-12)`
    public static func relativeError(_ a: Double, _ n: Double) -> Double {
        abs(a - n) / max(abs(a) + abs(n), 1e-12)
    }

    /// Checks the trace's backward pass; nil when it has none (no targets).
    public init?(trace: Trace, delta: Double = 1e-5, relativeTolerance: Double = 1e-6) {
        guard trace.hasBackward, let g = trace.gradients, let da0 = trace.da0, let L = trace.totalLoss else { return nil }
        let da = (1...trace.T).map { trace.vector(.da, $0) ?? [] }
        self.init(reference: ReferenceRNN(trace.rnn), episode: trace.episode, gradients: g, da0: da0, da: da,
                  loss: L, delta: delta, relativeTolerance: relativeTolerance)
    }

    /// Checks the given analytic gradients (da[t-1] is da<t>) against finite differences of `ref`.
    init(reference ref: ReferenceRNN, episode: Episode, gradients g: Gradients, da0: [Double], da: [[Double]],
          loss L: Double, delta: Double = 1e-5, relativeTolerance: Double = 1e-6) {
        let floor = 1e-9 * max(1, abs(L))
        self.delta = delta
        self.relativeTolerance = relativeTolerance
        self.noiseFloor = floor

        // ReLU: which z<t>_i are > 0 in the unnudged pass; a nudged pass that differs crossed a kink.
        let isReLU = ref.g1 == .relu
        let side = isReLU ? ref.forward(episode).z.map { $0.map { $0 > 0 } } : []
        func crossed(_ pass: ReferenceRNN.Pass) -> Bool {
            isReLU && pass.z.map { $0.map { $0 > 0 } } != side
        }
        typealias Numeric = (value: Double, crossedKink: Bool)
        /// n = (L(θ + δ) − L(θ − δ)) / 2δ from the two nudged passes.
        func difference(_ plus: ReferenceRNN.Pass, _ minus: ReferenceRNN.Pass) -> Numeric {
            ((plus.totalLoss - minus.totalLoss) / (2 * delta), crossed(plus) || crossed(minus))
        }
        /// n for one weight entry, set through `nudge`.
        func numeric(_ nudge: (inout ReferenceRNN, Double) -> Void) -> Numeric {
            var plus = ref, minus = ref
            nudge(&plus, delta)
            nudge(&minus, -delta)
            return difference(plus.forward(episode), minus.forward(episode))
        }
        /// n for one entry of a<t> (t = 0 is a<0>), nudged right after it is computed.
        func numeric(t: Int, i: Int) -> Numeric {
            difference(ref.forward(episode, nudge: .init(t: t, i: i, delta: delta)),
                       ref.forward(episode, nudge: .init(t: t, i: i, delta: -delta)))
        }
        func report(_ symbol: Symbol, _ entries: [(EntryRef, Double, Numeric)]) -> Report {
            var r = Report(symbol: symbol, count: entries.count, maxRelativeError: -1,
                           worst: EntryRef(symbol: symbol), analytic: 0, numeric: 0,
                           maxAbsoluteError: 0, disagreements: [], kinkCrossings: [])
            for (place, a, numeric) in entries {
                let n = numeric.value
                if numeric.crossedKink { r.kinkCrossings.append(place); continue }
                let e = Self.relativeError(a, n)
                if !r.maxRelativeError.isNaN && (e.isNaN || e > r.maxRelativeError) {   // NaN is the worst
                    r.maxRelativeError = e; r.worst = place; r.analytic = a; r.numeric = n
                }
                r.maxAbsoluteError = max(r.maxAbsoluteError, abs(a - n))
                if !(abs(a - n) <= max(floor, relativeTolerance * (abs(a) + abs(n)))) {
                    r.disagreements.append(Disagreement(ref: place, analytic: a, numeric: n))
                }
            }
            if r.maxRelativeError < 0 { r.maxRelativeError = 0 }
            return r
        }
        func matrixEntries(_ symbol: Symbol, _ analytic: Matrix,
                           _ nudge: @escaping (inout ReferenceRNN, Int, Int, Double) -> Void) -> [(EntryRef, Double, Numeric)] {
            var out: [(EntryRef, Double, Numeric)] = []
            for i in 0..<analytic.rows {
                for j in 0..<analytic.cols {
                    let n = numeric { nudge(&$0, i, j, $1) }
                    out.append((EntryRef(symbol: symbol, row: i, col: j), analytic[i, j], n))
                }
            }
            return out
        }
        func vectorEntries(_ symbol: Symbol, _ analytic: [Double],
                           _ nudge: @escaping (inout ReferenceRNN, Int, Double) -> Void) -> [(EntryRef, Double, Numeric)] {
            analytic.indices.map { i in
                (EntryRef(symbol: symbol, row: i), analytic[i], numeric { nudge(&$0, i, $1) })
            }
        }

        var reports: [Report] = []
        reports.append(report(.dWaa, matrixEntries(.dWaa, g.dWaa) { $0.Waa[$1, $2] += $3 }))
        reports.append(report(.dWax, matrixEntries(.dWax, g.dWax) { $0.Wax[$1, $2] += $3 }))
        reports.append(report(.dWya, matrixEntries(.dWya, g.dWya) { $0.Wya[$1, $2] += $3 }))
        reports.append(report(.dba, vectorEntries(.dba, g.dba) { $0.ba[$1] += $2 }))
        reports.append(report(.dby, vectorEntries(.dby, g.dby) { $0.by[$1] += $2 }))
        reports.append(report(.da0, da0.indices.map { i in
            (EntryRef(symbol: .da0, row: i), da0[i], numeric(t: 0, i: i))
        }))
        var daEntries: [(EntryRef, Double, Numeric)] = []
        for (k, da) in da.enumerated() {
            for i in da.indices {
                daEntries.append((EntryRef(symbol: .da, t: k + 1, row: i), da[i], numeric(t: k + 1, i: i)))
            }
        }
        reports.append(report(.da, daEntries))
        self.reports = reports

    }
}
