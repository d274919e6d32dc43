import Testing
import RNNCore

/// A tiny character model: vocabulary "ab\n", three words, 8 hidden units.
func tinyTrainer(_ config: TrainingConfig) throws -> (Trainer, CharacterCodec) {
    let codec = try #require(CharacterCodec(vocab: Array("ab\n")))
    let episodes = try ["ab", "ba", "aab"].map { try #require(codec.trainingEpisode($0)) }
    let shape = Shape(nx: 3, na: 8, ny: 3, g1: .tanh, g2: .softmax)
    let rnn = RNN(shape: shape, params: .seeded(shape, seed: 1, scale: 0.5))
    return (Trainer(rnn: rnn, episodes: episodes, config: config), codec)
}

@Suite struct TrainingTests {
    @Test func framedTextsStartAndEndWithTheEndToken() throws {
        let codec = try #require(CharacterCodec(vocab: Array("ab\n")))
        #expect(codec.framed("ab") == ["\n", "a", "b", "\n"])
        let e = try #require(codec.trainingEpisode("ab"))
        #expect(e.T == 3)
        #expect(e.x == [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
        #expect(e.y == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        let plain = try #require(CharacterCodec(vocab: Array("ab")))
        #expect(plain.framed("ab") == ["a", "b"])
        #expect(plain.trainingEpisode("a") == nil)
        #expect(plain.trainingEpisode("ac") == nil)
        #expect(CharacterCodec(vocab: Array("aba")) == nil)
    }

    /// 300 steps (clip 5, default learning rates; SGD at 0.1) divide the mean loss over the three
    /// words by more than 3 (from 3.62; the floor is about 1.1, as "\n" → a or b is a coin toss).
    @Test(arguments: [OptimizerKind.adagrad, .adam, .sgd])
    func trainingReducesTheLossDeterministically(_ kind: OptimizerKind) throws {
        let config = TrainingConfig(optimizer: kind, learningRate: kind == .sgd ? 0.1 : nil,
                                    clipping: .elementwise(5), order: .shuffled(seed: 3))
        var (a, _) = try tinyTrainer(config)
        let before = a.meanLoss()
        a.train(steps: 300)
        let after = a.meanLoss()
        #expect(after < before / 3, "\(kind): mean L \(before) → \(after)")
        var (b, _) = try tinyTrainer(config)
        b.train(steps: 120)
        b.train(steps: 180)
        let same = a.params == b.params && a.lossHistory == b.lossHistory
        #expect(same)
        let counts = (a.lossHistory.count, a.gradientNorms.count)
        #expect(counts == (300, 300))
    }

    @Test func resetRewindsToTheStartingWeightsAndRepeatsTheRun() throws {
        var (t, _) = try tinyTrainer(TrainingConfig())
        let start = t.params
        t.train(steps: 50)
        let first = (t.params, t.lossHistory)
        let moved = t.params != start
        #expect(moved)
        t.reset()
        let rewound = t.params == start && t.steps == 0 && t.lossHistory.isEmpty
        #expect(rewound)
        t.train(steps: 50)
        let repeated = t.params == first.0 && t.lossHistory == first.1
        #expect(repeated)
    }

    @Test func shuffledOrderIsAPermutationFixedByTheSeed() {
        let a = EpisodeOrder.shuffled(seed: 9).round(10)
        #expect(a.sorted() == Array(0..<10))
        #expect(a == EpisodeOrder.shuffled(seed: 9).round(10))
        #expect(a != EpisodeOrder.shuffled(seed: 10).round(10))
        #expect(EpisodeOrder.inOrder.round(4) == [0, 1, 2, 3])
    }

    @Test func stepsCycleThroughTheRound() throws {
        let (t, _) = try tinyTrainer(TrainingConfig(order: .inOrder))
        #expect((1...7).map { t.episodeIndex(step: $0) } == [0, 1, 2, 0, 1, 2, 0])
    }

    @Test func aDivergingRunStopsAtTheFirstNonFiniteLoss() throws {
        var (t, _) = try tinyTrainer(TrainingConfig(optimizer: .sgd, learningRate: .infinity))
        t.train(steps: 20)
        let at = t.divergedAt, steps = t.steps, last = t.lossHistory.last
        #expect(at == 2 && steps == 2 && last?.isNaN == true)
    }
}
