import Testing
import RNNCore

/// A GRU or LSTM run stops by the plain cell's divergence rule and keeps its last good weights.
@Suite struct GatedDivergenceTests {
    func tinyGatedTrainer(_ cell: GatedCell, _ config: TrainingConfig) throws -> GatedTrainer {
        let codec = try #require(CharacterCodec(vocab: Array("ab\n")))
        let episodes = try ["ab", "ba", "aab"].map { try #require(codec.trainingEpisode($0)) }
        let shape = GatedShape(cell: cell, nx: 3, na: 6, ny: 3, g2: .softmax)
        let rnn = GatedRNN(shape: shape, params: .seeded(shape, seed: 1, scale: 0.5))
        return GatedTrainer(rnn: rnn, episodes: episodes, config: config)
    }

    /// The run stops at the step whose loss breaks the rule; the weights and memory are exactly
    /// those of a run of `keptSteps` steps; the stored state counts those; reset starts again.
    @Test(arguments: [GatedCell.gru, .lstm]) func aDivergedRunKeepsTheLastGoodWeights(cell: GatedCell) throws {
        var found = false
        for lr in [10.0, 30, 100, 300, 1000, 3000] {
            let config = TrainingConfig(optimizer: .sgd, learningRate: lr, order: .shuffled(seed: 2))
            var t = try tinyGatedTrainer(cell, config)
            t.train(steps: 200)
            guard let d = t.divergence, d.step >= 3 else { continue }
            found = true
            #expect(t.steps == d.step && t.keptSteps == d.step - 2 && t.divergedAt == d.step)
            #expect(t.divergenceRule.verdict(loss: d.loss, T: t.episodes[t.episodeIndex(step: d.step)].T) == d.reason)
            var again = try tinyGatedTrainer(cell, config)
            again.train(steps: d.keptSteps)
            #expect(t.params == again.params && t.params.W.allSatisfy { $0.values.allSatisfy(\.isFinite) })
            #expect(t.optimizerState.steps == d.keptSteps)
            t.train(steps: 5)
            #expect(t.steps == d.step)   // stopped for good
            t.reset()
            #expect(t.divergence == nil && t.steps == 0 && t.params == t.initialParams)
            break
        }
        #expect(found, "no learning rate made the tiny \(cell) diverge after step 2")
    }

    /// The rule's start is the loss per time step at the starting weights.
    @Test func theRuleStartsAtTheLossPerTimeStep() throws {
        var t = try tinyGatedTrainer(.gru, TrainingConfig(optimizer: .adam))
        let perStep = t.meanLoss() * 3 / Double(t.episodes.map(\.T).reduce(0, +))
        #expect(abs(t.divergenceRule.start - perStep) <= 1e-12 * perStep)
    }
}
