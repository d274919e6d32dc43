import Foundation
import Testing
import RNNCore
@testable import Lessons

/// `model.optimizer_state` for GRU and LSTM lessons: written by `train` with the trained weights
/// (memories keyed by the cell's weight names), read back bit for bit, and a written lesson
/// trained again continues the run exactly.
@Suite struct GatedOptimizerStateTests {
    static func lesson(_ cell: String) -> String {
        textsLesson.replacingOccurrences(of: "  g1: tanh\n", with: "  cell: \(cell)\n")
    }

    func trained(_ cell: String, _ kind: OptimizerKind, steps: Int) throws -> (GatedTrainer, String) {
        let source = Self.lesson(cell)
        let loaded = try LessonLoader.load(text: source, path: "names.yaml").get()
        var trainer = GatedTrainer(rnn: try #require(loaded.gated), episodes: loaded.trainingEpisodes(),
                                   config: TrainingConfig(optimizer: kind, clipping: .elementwise(5), order: .shuffled(seed: 3)))
        trainer.train(steps: steps)
        let describe = LessonWriter.Description.trained(from: loaded, steps: steps, command: "unroll train", before: 2, after: 1)
        let text = try LessonWriter.trained(originalText: source, path: "names.yaml", gated: trainer.rnn,
                                            optimizerState: trainer.optimizerState, notes: "n", describe: describe).get()
        return (trainer, text)
    }

    @Test(arguments: ["gru", "lstm"], [OptimizerKind.sgd, .adagrad, .adam])
    func theStateRoundTripsBitForBit(_ cell: String, _ kind: OptimizerKind) throws {
        let (trainer, text) = try trained(cell, kind, steps: 20)
        let back = try LessonLoader.load(text: text, path: "out.yaml").get()
        #expect(back.gated == trainer.rnn)
        #expect(back.optimizerState == trainer.optimizerState)
        #expect(text.contains("  optimizer_state:\n    optimizer: \(kind.rawValue)\n    steps: 20\n    seed: 3\n"))
        if kind == .adagrad { #expect(text.contains("    sums:\n      W\(cell == "gru" ? "u" : "f"):\n        - [")) }
    }

    @Test(arguments: ["gru", "lstm"])
    func trainingAWrittenLessonContinuesTheRun(_ cell: String) throws {
        let (_, text) = try trained(cell, .adam, steps: 15)
        let back = try LessonLoader.load(text: text, path: "out.yaml").get()
        let config = TrainingConfig(optimizer: .adam, clipping: .elementwise(5), order: .shuffled(seed: 3))
        var more = GatedTrainer(rnn: try #require(back.gated), episodes: back.trainingEpisodes(), config: config,
                                resuming: back.optimizerState)
        more.train(steps: 10)
        let (whole, _) = try trained(cell, .adam, steps: 25)
        #expect(more.params == whole.params && more.optimizerState == whole.optimizerState)
    }

    @Test func aNegativeSumIsAnErrorAtItsPlace() throws {
        let (_, text) = try trained("gru", .adagrad, steps: 5)
        // the memory's bu (6 spaces in, under sums:), not the weights' (4 spaces in)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains { $0.hasPrefix("      bu: [") })
        let fixed = lines.map { $0.hasPrefix("      bu: [") ? "      bu: [-1, 0]" : $0 }.joined(separator: "\n")
        guard case .failure(let e) = LessonLoader.load(text: fixed, path: "out.yaml") else { Issue.record("loaded"); return }
        #expect(e.diagnostics.contains { $0.message == "optimizer_state.sums.bu holds sums of squares, so every number must be ≥ 0" })
    }
}
