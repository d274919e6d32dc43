import Foundation
import Testing
import Lessons
import RNNCore
@testable import Explorer

/// The training lab on a GRU or LSTM: the same screen and keys as the plain cell, with
/// `GatedTrainer` underneath (its ‖∂L/∂W‖ over every gate's weights, its divergence rule and
/// optimizer state), ‖dc<t>‖ beside ‖da<t>‖ for the LSTM, and samples from the gated network.
@Suite struct GatedLabTests {
    func lesson(_ name: String) throws -> Lesson {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try LessonLoader.load(path: root.appendingPathComponent("lessons/\(name)").path).get()
    }

    @Test(arguments: ["10-gru.yaml", "11-lstm.yaml", "12b-gru.yaml", "12c-lstm.yaml"])
    func theLabTrainsAGatedLesson(_ name: String) throws {
        let l = try lesson(name)
        let g = try #require(l.gated)
        var state = ExplorerState(lesson: l)
        state.update(.lab(.toggle))
        #expect(state.lab?.gatedTrainer != nil && state.lab?.trainer == nil)
        state.update(.lab(.run))
        state.update(.lab(.tick(steps: 30)))
        state.update(.lab(.sample))
        state.update(.lab(.show))
        let lab = try #require(state.lab)
        let trained = try #require(lab.gatedParams)
        #expect(lab.steps == 30 && trained != g.params)
        #expect(lab.gradientNorms.count == 30 && lab.gradientNorms.range.map { $0.lowerBound > 0 && $0.upperBound.isFinite } == true)
        // the timeline follows the lab's weights
        let shown = Trace(gated: GatedRNN(shape: g.shape, params: trained), episode: l.episode)
        #expect(state.trace.totalLoss == shown.totalLoss && state.trace.totalLoss != l.makeTrace().totalLoss)
        let panel = try #require(state.labPanel)
        #expect(panel.daNorms.count == l.episode.T)
        #expect((panel.dcNorms?.count == l.episode.T) == (l.cell == .lstm))
        #expect(panel.dcNorms == nil || l.cell == .lstm)
        if l.codec != nil { #expect(lab.samples.last?.texts.count == TrainingLab.sampleCount) }
        // leaving shows the trained network; `t` and the lab go on from it
        state.update(.lab(.toggle))
        #expect(state.lab == nil && state.gatedTraining?.trainer.params == trained && state.trainedSteps == 30)
        #expect(state.trace.totalLoss == shown.totalLoss)
        state.update(.lab(.toggle))
        #expect(state.lab?.gatedParams == trained && state.lab?.optimizerState?.steps == (l.optimizerState?.steps ?? 0) + 30)
        // r: the lesson's weights again
        state.update(.lab(.reset))
        #expect(state.lab?.gatedParams == g.params && state.gatedTraining == nil)
        #expect(state.trace.totalLoss == l.makeTrace().totalLoss)
    }

    /// Slices add up to one run of `GatedTrainer`, bit for bit.
    @Test func gatedSlicesAddUpToOneRun() throws {
        let l = try lesson("12c-lstm.yaml")
        var lab = try #require(TrainingLab(lesson: l))
        for _ in 0..<3 { lab.run(steps: 40) }
        var t = GatedTrainer(rnn: try #require(l.gated), episodes: l.trainingEpisodes(),
                             config: lab.config, resuming: l.optimizerState)
        t.train(steps: 120)
        #expect(lab.gatedParams == t.params && lab.optimizerState == t.optimizerState)
    }

    /// A GRU run that diverges stops, says why, and keeps the last weights that gave a good
    /// loss: those of a run of `keptSteps` steps.
    @Test func aGatedRunDivergesAndKeepsTheLastGoodWeights() throws {
        let l = try lesson("12b-gru.yaml")
        let g = try #require(l.gated)
        var found = false
        for lr in [1.0, 3, 10, 30, 100, 1000] {
            let config = TrainingConfig(optimizer: .sgd, learningRate: lr, clipping: .none, order: .shuffled(seed: 3))
            var t = GatedTrainer(rnn: g, episodes: l.trainingEpisodes(), config: config)
            t.train(steps: 300)
            guard let d = t.divergence, d.step >= 3 else { continue }
            found = true
            #expect(t.steps == d.step && t.keptSteps == d.step - 2 && t.divergedAt == d.step)
            var again = GatedTrainer(rnn: g, episodes: l.trainingEpisodes(), config: config)
            again.train(steps: d.keptSteps)
            #expect(t.params == again.params && t.optimizerState.steps == d.keptSteps)
            t.train(steps: 5)
            #expect(t.steps == d.step)
            break
        }
        #expect(found, "no learning rate made 12b diverge after step 2")
    }
}
