import Testing
@testable import RNNCore

/// The predicted-vs-actual line: a central difference of L agrees with the gradient.
@Suite struct NudgeTests {
    static let rnn = RNN(shape: Shape(nx: 2, na: 3, ny: 2, g1: .tanh, g2: .softmax),
                         params: Params.seeded(Shape(nx: 2, na: 3, ny: 2, g1: .tanh, g2: .softmax), seed: 3, scale: 0.8))
    static func episode() throws -> Episode {
        try Episode(architecture: .manyToMany, nx: 2, inputs: [[1, 0], [0.5, -1], [0, 1], [1, 1]],
                    targets: [[1, 0], [0, 1], [0, 1], [1, 0]])
    }

    /// Every editable entry: (L(w + h) − L(w − h)) / 2h matches ∂L/∂w to 1e-6 at h = 1e-5.
    @Test func centralDifferencesAgreeWithTheGradient() throws {
        let episode = try Self.episode()
        let base = Trace(rnn: Self.rnn, episode: episode)
        var refs: [EntryRef] = []
        for i in 0..<3 { for j in 0..<5 { refs.append(EntryRef(symbol: .Wa, row: i, col: j)) } }
        for i in 0..<2 { for j in 0..<3 { refs.append(EntryRef(symbol: .Wya, row: i, col: j)) } }
        for i in 0..<3 { refs += [EntryRef(symbol: .ba, row: i), EntryRef(symbol: .a0, row: i)] }
        for i in 0..<2 { refs.append(EntryRef(symbol: .by, row: i)) }
        for t in 1...4 { for k in 0..<2 { refs.append(EntryRef(symbol: .x, t: t, row: k)) } }
        let h = 1e-5
        for ref in refs {
            let w = try #require(base.editableValue(ref))
            func loss(_ v: Double) throws -> Double {
                var e = NetworkEdits()
                e.set(ref, v)
                return try #require(Trace(rnn: Self.rnn.applying(e), episode: episode.applying(e)).totalLoss)
            }
            let numeric = (try loss(w + h) - loss(w - h)) / (2 * h)
            let analytic = try #require(base.gradient(of: ref))
            let rel = abs(numeric - analytic) / max(abs(numeric) + abs(analytic), 1e-12)
            #expect(rel < 1e-6 || abs(numeric - analytic) < 1e-9, "\(ref): numeric \(numeric), gradient \(analytic)")
        }
    }

    /// The report says ΔL, the prediction, and whether curvature shows: small steps agree, large ones do not.
    @Test func smallStepsAgreeLargeOnesShowCurvature() throws {
        let episode = try Self.episode()
        let base = Trace(rnn: Self.rnn, episode: episode)
        let ref = EntryRef(symbol: .Wa, row: 0, col: 3)
        func report(_ delta: Double) throws -> NudgeReport {
            var e = NetworkEdits()
            e.set(ref, try #require(base.editableValue(ref)) + delta)
            return NudgeReport(ref: ref, old: base, new: Trace(rnn: Self.rnn.applying(e), episode: episode))
        }
        let small = try report(1e-4), large = try report(3)
        #expect(!small.curvatureShows)
        #expect(large.curvatureShows)
        #expect(abs(small.delta - 1e-4) < 1e-15)
        #expect(small.lossChange != nil && small.predicted != nil)
    }

    /// Nudging x<2> changes nothing before step 2 and something from step 2 on.
    @Test func anInputsEffectTravelsForwardOnly() throws {
        let episode = try Self.episode()
        let base = Trace(rnn: Self.rnn, episode: episode)
        var e = NetworkEdits()
        e.set(EntryRef(symbol: .x, t: 2, row: 0), 1.5)
        let shift = base.activationShift(to: Trace(rnn: Self.rnn, episode: episode.applying(e)))
        #expect(shift[0] == 0)
        #expect(shift[1] > 0 && shift[2] > 0 && shift[3] > 0)
    }
}
