import Testing
import RNNCore

/// A case small enough to check on paper: n_a = 2, n_x = 1, n_y = 1, two steps, many-to-many,
/// g1 = tanh, g2 = sigmoid. Every number below was worked by hand and confirmed with numpy
/// (float64); the comments show the arithmetic.
///
///     Waa = [0.5 −0.25; 0.25 0.5]   Wax = [1; −0.5]   Wya = [0.5 −1]   ba = [0.1; −0.1]   by = 0.2
///     a<0> = [0.5; 0]   x<1> = 1, x<2> = 0.5   y<1> = 1, y<2> = 0
@Suite struct HandWorkedTests {
    static let trace: Trace = {
        let params = Params(Waa: Matrix([[0.5, -0.25], [0.25, 0.5]]), Wax: Matrix([[1.0], [-0.5]]),
                            Wya: Matrix([[0.5, -1.0]]), ba: [0.1, -0.1], by: [0.2], a0: [0.5, 0.0])
        let rnn = RNN(shape: Shape(nx: 1, na: 2, ny: 1, g1: .tanh, g2: .sigmoid), params: params)
        let episode = try! Episode(architecture: .manyToMany, nx: 1, inputs: [[1.0], [0.5]], targets: [[1.0], [0.0]])
        return Trace(rnn: rnn, episode: episode)
    }()

    @Test func forward() {
        let tr = Self.trace
        // z<1> = Waa a<0> + Wax x<1> + ba = [0.25; 0.125] + [1; −0.5] + [0.1; −0.1] = [1.35; −0.475]
        expectClose(tr.vector(.z, 1), [1.35, -0.475])
        // a<1> = tanh(z<1>)
        expectClose(tr.vector(.a, 1), [0.874053287886007, -0.44223035604572614])
        // o<1> = 0.5·0.874053… − 1·(−0.442230…) + 0.2 = 1.07925699…;  ŷ<1> = σ(o<1>)
        expectClose(tr.vector(.zy, 1), [1.0792569999887296])
        expectClose(tr.vector(.yHat, 1), [0.7463533517338989])
        // L<1> = −1·log ŷ<1> = −log 0.746353… 
        expectClose(tr.loss(1), 0.29255612907904843)
        // z<2> = Waa a<1> + Wax x<2> + ba = [0.54758423; −0.00260186] + [0.5; −0.25] + [0.1; −0.1]
        expectClose(tr.vector(.z, 2), [1.147584232954435, -0.3526018560513613])
        expectClose(tr.vector(.a, 2), [0.8169522043034058, -0.33868098133798374])
        // o<2> = 0.5·0.816952… + 0.338681… + 0.2 = 0.94715708…
        expectClose(tr.vector(.zy, 2), [0.9471570834896865])
        expectClose(tr.vector(.yHat, 2), [0.7205430853083961])
        // L<2> = −(1 − 0)·log(1 − ŷ<2>) = −log 0.279457…
        expectClose(tr.loss(2), 1.2749071496412483)
        // L = L<1> + L<2>
        expectClose(tr.totalLoss, 1.5674632787202967)
        expectClose(tr.lossSoFar(1), 0.29255612907904843)
    }

    @Test func backward() throws {
        let tr = Self.trace
        // step 2 (first backward step): dy<2> = ŷ<2> − y<2> = 0.720543…
        expectClose(tr.vector(.dy, 2), [0.7205430853083961])
        // da<2> = Wyaᵀ dy<2> + 0 = [0.5; −1]·0.720543… = [0.360271…; −0.720543…]
        expectClose(tr.vector(.daFromOutput, 2), [0.36027154265419803, -0.7205430853083961])
        expectClose(tr.vector(.daNext, 2), [0, 0])
        expectClose(tr.vector(.da, 2), [0.36027154265419803, -0.7205430853083961])
        // dz<2> = da<2> ⊙ (1 − a<2>²) = [0.360271…·0.332589…; −0.720543…·0.885295…]
        expectClose(tr.vector(.dz, 2), [0.1198223866440239, -0.6378933296864038])
        // da_prev<2> = Waaᵀ dz<2> = [0.5·0.119822… + 0.25·(−0.637893…); −0.25·0.119822… + 0.5·(−0.637893…)]
        expectClose(tr.vector(.daPrev, 2), [-0.099562139099589, -0.3489022615042079])
        // step 1: dy<1> = ŷ<1> − 1 = −0.253646…
        expectClose(tr.vector(.dy, 1), [-0.25364664826610106])
        // da<1> = Wyaᵀ dy<1> + da_next = [−0.126823…; 0.253646…] + [−0.099562…; −0.348902…]
        expectClose(tr.vector(.daFromOutput, 1), [-0.12682332413305053, 0.25364664826610106])
        expectClose(tr.vector(.daNext, 1), [-0.099562139099589, -0.3489022615042079])
        expectClose(tr.vector(.da, 1), [-0.22638546323263953, -0.09525561323810683])
        // dz<1> = da<1> ⊙ (1 − a<1>²)
        expectClose(tr.vector(.dz, 1), [-0.053433953299878226, -0.07662669320636575])
        // da<0> = Waaᵀ dz<1>
        expectClose(tr.da0, [-0.04587364995153055, -0.02495485827821332])

        let g = try #require(tr.gradients)
        // dWaa = dz<2> a<1>ᵀ + dz<1> a<0>ᵀ, e.g. [0,0] = 0.119822…·0.874053… + (−0.053434…)·0.5
        expectClose(g.dWaa, Matrix([[0.07801417435861835, -0.05298909670783535],
                                    [-0.5958661087361368, 0.28209579430641213]]))
        // dWax = dz<2>·0.5 + dz<1>·1
        expectClose(g.dWax, Matrix([[0.006477240022133728], [-0.3955733580495676]]))
        // dWya = dy<2> a<2>ᵀ + dy<1> a<1>ᵀ
        expectClose(g.dWya, Matrix([[0.36694857496002, -0.1318639916560232]]))
        // dba = dz<2> + dz<1>;  dby = dy<2> + dy<1> = 0.720543… − 0.253646…
        expectClose(g.dba, [0.06638843334414568, -0.7145200228927695])
        expectClose(g.dby, [0.466896437042295])
        // the stacked gradient is the two blocks side by side
        #expect(g.dWa == g.dWaa.hstack(g.dWax))
    }

    /// The same case through the reference and the gradient check.
    @Test func referenceAndCheck() throws {
        let tr = Self.trace
        expectClose(ReferenceRNN(tr.rnn).loss(tr.episode), 1.5674632787202967)
        let check = try #require(GradientCheck(trace: tr))
        #expect(check.agrees)
        #expect(check.maxRelativeError < 1e-8)
    }
}
