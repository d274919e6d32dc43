import Testing
import RNNCore

@Suite struct SamplingTests {
    func model() -> RNN {
        let shape = Shape(nx: 4, na: 6, ny: 4, g1: .tanh, g2: .softmax)
        return RNN(shape: shape, params: .seeded(shape, seed: 11, scale: 1.0))
    }

    func tokens(_ s: inout Sampler, n: Int) -> [[Int]] {
        (0..<n).map { _ in s.generate().filter(\.sampled).map(\.token) }
    }

    @Test func aFixedSeedGivesTheSameSequences() {
        var a = Sampler(rnn: model(), prefix: [3], endToken: 3, maxLength: 20, temperature: 1, seed: 5)
        var b = Sampler(rnn: model(), prefix: [3], endToken: 3, maxLength: 20, temperature: 1, seed: 5)
        let x = tokens(&a, n: 8), y = tokens(&b, n: 8)
        #expect(x == y)
        var c = Sampler(rnn: model(), prefix: [3], endToken: 3, maxLength: 20, temperature: 1, seed: 6)
        #expect(tokens(&c, n: 8) != x)
        #expect(x.allSatisfy { $0.count <= 20 && ($0.last == 3 || $0.count == 20) })
        #expect(Set(x).count > 1, "successive sequences go on with the random stream")
    }

    @Test func temperatureZeroIsTheArgmaxAndEachTokenIsFedBack() {
        var s = Sampler(rnn: model(), prefix: [0, 1], endToken: nil, maxLength: 10, temperature: 0, seed: 1)
        let steps = s.generate()
        #expect(steps.count == 11 && steps.last?.isLast == true)
        #expect(!steps[0].sampled && steps[0].token == 1)
        for (i, step) in steps.enumerated() {
            #expect(step.t == i + 1)
            if step.sampled {
                let argmax = step.yHat.indices.max { step.yHat[$0] < step.yHat[$1] }
                #expect(step.token == argmax)
            }
            if i + 1 < steps.count { #expect(steps[i + 1].x == step.nextX) }
        }
        var c = Sampler(rnn: model(), prefix: [0, 1], endToken: nil, maxLength: 10, temperature: 1e-9, seed: 99)
        let cold = c.generate()
        #expect(cold.map(\.token) == steps.map(\.token))
    }

    @Test func theFirstStepMatchesTheEngine() throws {
        let rnn = model()
        var s = Sampler(rnn: rnn, prefix: [2], endToken: nil, maxLength: 1, temperature: 1, seed: 0)
        let step = try #require(s.generate().first)
        let episode = try Episode(architecture: .oneToOne, nx: 4, inputs: [[0, 0, 1, 0]], targets: nil, outputs: 1)
        let trace = Trace(rnn: rnn, episode: episode)
        #expect(step.a == trace.vector(.a, 1) && step.yHat == trace.vector(.yHat, 1))
        #expect(step.distribution == step.yHat || zip(step.distribution, step.yHat).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test func temperatureSharpensOrFlattens() {
        let o = [1.0, 2.0, 3.0]
        let hot = Sampler.distribution(logits: o, temperature: 10), cold = Sampler.distribution(logits: o, temperature: 0.1)
        #expect(hot[2] < 0.4 && cold[2] > 0.99)
        #expect(Sampler.distribution(logits: o, temperature: 0) == [0, 0, 1])
    }
}
