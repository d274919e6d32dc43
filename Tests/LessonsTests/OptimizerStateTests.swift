import Foundation
import Testing
import RNNCore
@testable import Lessons

/// `model.optimizer_state`: written with trained weights, read back bit for bit, checked like weights.
@Suite struct OptimizerStateTests {
    func trained(_ kind: OptimizerKind, steps: Int = 40) throws -> (Lesson, Trainer, String) {
        let loaded = try LessonLoader.load(text: textsLesson, path: "names.yaml").get()
        var trainer = Trainer(rnn: loaded.rnn, episodes: loaded.trainingEpisodes(),
                              config: TrainingConfig(optimizer: kind, clipping: .elementwise(5), order: .shuffled(seed: 3)))
        trainer.train(steps: steps)
        let describe = LessonWriter.Description.trained(from: loaded, steps: steps, command: "unroll train", before: 2, after: 1)
        let text = try LessonWriter.trained(originalText: textsLesson, path: "names.yaml", shape: trainer.shape, params: trainer.params,
                                            optimizerState: trainer.optimizerState, notes: "n", describe: describe).get()
        return (loaded, trainer, text)
    }

    @Test(arguments: [OptimizerKind.sgd, .adagrad, .adam])
    func theStateRoundTripsBitForBit(_ kind: OptimizerKind) throws {
        let (_, trainer, text) = try trained(kind)
        let back = try LessonLoader.load(text: text, path: "out.yaml").get()
        #expect(back.rnn.params == trainer.params)
        #expect(back.optimizerState == trainer.optimizerState)
        #expect(text.contains("  optimizer_state:\n    optimizer: \(kind.rawValue)\n    steps: 40\n    seed: 3\n"))
    }

    /// Matrices are written one row per line, so a diff of two trained files shows the rows that changed.
    @Test func matricesAreWrittenOneRowPerLine() throws {
        let (_, trainer, text) = try trained(.adagrad)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let waa = try #require(lines.firstIndex(of: "    Waa:"))
        #expect(lines[waa + 1] == "      - " + YamlEmitter.numbers(trainer.params.Waa.rowArrays[0]))
        #expect(lines[waa + 2] == "      - " + YamlEmitter.numbers(trainer.params.Waa.rowArrays[1]))
        #expect(lines[waa + 3] == "    Wax:")
        let sums = try #require(lines.firstIndex(of: "    sums:"))
        #expect(lines[sums + 1] == "      Waa:" && lines[sums + 2].hasPrefix("        - ["))
    }

    /// Training the written lesson again continues the run: the same as training all the steps at once.
    @Test func trainingAWrittenLessonContinuesTheRun() throws {
        let (_, _, text) = try trained(.adam, steps: 15)
        let back = try LessonLoader.load(text: text, path: "out.yaml").get()
        let config = TrainingConfig(optimizer: .adam, clipping: .elementwise(5), order: .shuffled(seed: 3))
        var more = Trainer(rnn: back.rnn, episodes: back.trainingEpisodes(), config: config, resuming: back.optimizerState)
        more.train(steps: 10)
        let (_, whole, _) = try trained(.adam, steps: 25)
        #expect(more.params == whole.params && more.optimizerState == whole.optimizerState)
    }

    static let adagradState = """
      optimizer_state:
        optimizer: adagrad
        steps: 3
        sums:
          Waa: [[1, 2], [3, 4]]
          Wax: [[1, 2, 3], [4, 5, 6]]
          Wya: [[1, 2], [3, 4], [5, 6]]
          ba: [1, 2]
          by: [1, 2, 3]
    """

    func withState(_ state: String) -> String {
        textsLesson.replacingOccurrences(of: "  init: {seed: 1}\n", with: "  init: {seed: 1}\n" + state + "\n")
    }

    @Test func aGoodStateLoads() throws {
        let l = try LessonLoader.load(text: withState(Self.adagradState), path: "names.yaml").get()
        let s = try #require(l.optimizerState)
        #expect(s.kind == .adagrad && s.steps == 3 && s.seed == 0 && s.updates == 3)
        #expect(s.first == [[1, 2, 1, 2, 3, 3, 4, 4, 5, 6], [1, 2, 3, 4, 5, 6], [1, 2], [1, 2, 3]] && s.second.isEmpty)
    }

    @Test func errorsAreLocatedLikeTheWeights() {
        let wrongShape = withState(Self.adagradState.replacingOccurrences(of: "Waa: [[1, 2], [3, 4]]", with: "Waa: [[1, 2]]"))
        #expect(problems(wrongShape, path: "names.yaml").contains("names.yaml:13:12: error: optimizer_state.sums.Waa must be n_a × n_a (2 × 2), got 1 × 2"))
        let negative = withState(Self.adagradState.replacingOccurrences(of: "ba: [1, 2]", with: "ba: [1, -2]"))
        #expect(problems(negative, path: "names.yaml").contains("names.yaml:16:11: error: optimizer_state.sums.ba holds sums of squares, so every number must be ≥ 0"))
        let adamKeys = withState(Self.adagradState.replacingOccurrences(of: "optimizer: adagrad", with: "optimizer: adam"))
        let text = problems(adamKeys, path: "names.yaml")
        #expect(text.contains("names.yaml:12:5: error: optimizer_state.sums does not belong to adam, which keeps m and v; remove it"))
        #expect(text.contains("error: optimizer_state needs m (the memory per weight: Waa, Wax, Wya, ba, by)"))
        let badKind = withState(Self.adagradState.replacingOccurrences(of: "optimizer: adagrad", with: "optimizer: adagrd"))
        #expect(problems(badKind, path: "names.yaml").contains("names.yaml:10:16: error: optimizer must be one of sgd, adagrad, adam, got 'adagrd'; did you mean adagrad?"))
        let nan = withState(Self.adagradState.replacingOccurrences(of: "by: [1, 2, 3]", with: "by: [1, .nan, 3]"))
        #expect(problems(nan, path: "names.yaml").contains("optimizer_state.sums.by[1] must be a finite number, got .nan"))
    }
}

/// The shipped trained lesson carries its optimizer state, so training it again goes on lowering
/// the loss; with fresh Adagrad memory the first steps are too large and the loss rises.
@Suite struct ShippedTrainedLessonTests {
    @Test func training08bFurtherLowersItsLoss() throws {
        let path = packageRoot.appendingPathComponent("lessons/08b-language-model-trained.yaml").path
        let lesson = try LessonLoader.load(path: path).get()
        let state = try #require(lesson.optimizerState)
        #expect(state.kind == .adagrad && state.steps == 30000 && state.seed == 0)
        let config = TrainingConfig(optimizer: .adagrad, learningRate: 0.1, clipping: .elementwise(5), order: .shuffled(seed: 0))
        var continued = Trainer(rnn: lesson.rnn, episodes: lesson.trainingEpisodes(), config: config, resuming: state)
        let before = continued.meanLoss()
        continued.train(steps: 300)
        #expect(continued.meanLoss() < before)
        var restarted = Trainer(rnn: lesson.rnn, episodes: lesson.trainingEpisodes(), config: config)
        restarted.train(steps: 300)
        #expect(restarted.meanLoss() > before)
    }
}

/// `--keep-script`: the original slides stay; checks false on the trained weights are dropped with a note.
@Suite struct KeepScriptTests {
    @Test func checksThatNoLongerHoldAreDroppedWithANote() throws {
        let original = textsLesson.replacingOccurrences(of: "  - say: Hello", with: """
          - say: {en: "Hello", zh: "你好"}
            at: {t: 2}
            check: ["L > 0", "L > 1000"]
          - say: Second
            check: "L < 100"
        """)
        let loaded = try LessonLoader.load(text: original.replacingOccurrences(of: "\"L > 1000\"", with: "\"L > 0.5\""), path: "names.yaml").get()
        var trainer = Trainer(rnn: loaded.rnn, episodes: loaded.trainingEpisodes(), config: TrainingConfig(clipping: .elementwise(5)))
        trainer.train(steps: 20)
        let describe = LessonWriter.Description.trained(from: loaded, steps: 20, command: "unroll train", before: 2, after: 1)
        let (text, dropped) = try LessonWriter.trainedKeepingScript(
            originalText: original, path: "names.yaml", out: "out.yaml", shape: trainer.shape, params: trainer.params,
            optimizerState: trainer.optimizerState, notes: "n", describe: describe).get()
        let back = try LessonLoader.load(text: text, path: "out.yaml").get()
        #expect(back.script.count == 3)
        #expect(back.script[1].say.zh?.hasPrefix("你好") == true && back.script[1].at?.t == 2 && back.script[1].checks == ["L > 0"])
        #expect(back.script[1].say.en == "Hello (Note: unroll train changed the weights; the numbers on this slide describe the network before training.)")
        #expect(back.script[2].say.en == "Second")   // its check holds: no note
        #expect(back.script[2].checks == ["L < 100"])
        #expect(dropped.count == 1 && dropped[0].hasPrefix("slide 1: dropped the check "))
        #expect(text.contains("    # dropped by unroll train --keep-script: \"L > 1000\" no longer holds on the trained weights"))
        #expect(LessonLoader.analyse(text: text, path: "out.yaml").falseChecks.isEmpty)
    }
}
