import Foundation
import Testing
import RNNCore
@testable import Lessons

@Suite struct LessonWriterTests {
    /// A trained lesson loads, holds exactly the trained weights, says it is trained, and has
    /// one slide about the training instead of the original script (with its checks and questions).
    @Test func aTrainedLessonReloadsWithTheExactWeights() throws {
        let original = textsLesson.replacingOccurrences(of: "  - say: Hello", with: """
          - say: {en: "Hello \\"there\\"", zh: "你好"}
            at: {t: 2}
            show: [x, ŷ]
            check: "L > 0"
        """)
        let loaded = try LessonLoader.load(text: original, path: "names.yaml").get()
        var trainer = Trainer(rnn: loaded.rnn, episodes: loaded.trainingEpisodes(), config: TrainingConfig(clipping: .elementwise(5)))
        trainer.train(steps: 50)
        var params = trainer.params
        params.Wa.values[0] = 0.1 + 0.2         // a number that needs all 17 digits
        params.by[1] = -1e-300
        let describe = LessonWriter.Description.trained(from: loaded, steps: 50, command: "unroll train names.yaml --out out.yaml",
                                                        before: 2.5, after: 1.25)
        let text = try LessonWriter.trained(originalText: original, path: "names.yaml", shape: trainer.shape, params: params,
                                            notes: "trained with `unroll train` \"quoted\"", describe: describe).get()
        let back = try LessonLoader.load(text: text, path: "out.yaml").get()
        #expect(back.rnn.params == params)
        #expect(back.title.en == loaded.title.en + " (trained)" && back.notes == "trained with `unroll train` \"quoted\"")
        #expect(back.summary?.en.hasSuffix("after 50 training steps: mean loss per sequence 2.50 → 1.25") == true)
        #expect(back.script.count == 1 && back.script[0].checks.isEmpty && back.script[0].ask == nil)
        #expect(back.script[0].say.en.contains("from 2.50 to 1.25"))
        #expect(back.texts == loaded.texts && back.trainingEpisodes() == loaded.trainingEpisodes())
        #expect(!text.contains("check:"))
    }

    @Test func aTextsFileIsWrittenInlineWhenAsked() throws {
        let original = textsLesson.replacingOccurrences(of: "texts: [\"ab\", \"ba\", \"aab\"]", with: "texts: words.txt")
        let shape = Shape(nx: 3, na: 2, ny: 3, g1: .tanh, g2: .softmax)
        let describe = LessonWriter.Description(title: LocalizedText(en: "t"), summary: LocalizedText(en: "s"), slide: LocalizedText(en: "x"))
        let text = try LessonWriter.trained(originalText: original, path: "a/names.yaml", shape: shape,
                                            params: .seeded(shape, seed: 1, scale: 0.5), notes: "n", describe: describe,
                                            inlineTexts: ["ab", "b\"a"]).get()
        #expect(text.contains("  texts: [\"ab\", \"b\\\"a\"]\n"))
    }

    @Test func emittedScalarsStayPlainOnlyWhenSafe() {
        #expect(YamlEmitter.scalar("0.25", plain: true) == "0.25")
        #expect(YamlEmitter.scalar("a<t-1>", plain: true) == "a<t-1>")
        #expect(YamlEmitter.scalar("0.25", plain: false) == "\"0.25\"")
        #expect(YamlEmitter.scalar("x: y", plain: true) == "\"x: y\"")
        #expect(YamlEmitter.quoted("a\u{1B}b\tc\u{2028}") == "\"a\\u001Bb\\tc\\u2028\"")
    }

    @Test func outputFileRules() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = dir.appendingPathComponent("old.yaml").path
        try "x".write(toFile: existing, atomically: true, encoding: .utf8)
        let input = dir.appendingPathComponent("in.yaml").path
        #expect(OutputFile.problem(out: existing, input: input, force: false)
                == "--out \(existing) already exists; give a new file name, or --force to overwrite it")
        #expect(OutputFile.problem(out: existing, input: input, force: true) == nil)
        #expect(OutputFile.problem(out: input, input: input, force: true)
                == "--out \(input) is the input lesson; training never overwrites its input, give a new file name")
        #expect(OutputFile.problem(out: dir.path + "/./in.yaml", input: input, force: true) != nil)
        #expect(OutputFile.problem(out: dir.appendingPathComponent("new.txt").path, input: input, force: false)?
                    .hasSuffix("give a file name ending in .yaml (the lesson picker lists *.yaml)") == true)
        #expect(OutputFile.problem(out: dir.appendingPathComponent("no/new.yaml").path, input: input, force: false)?
                    .hasSuffix("does not exist; create it first") == true)
        #expect(OutputFile.problem(out: dir.appendingPathComponent("new.yaml").path, input: input, force: false) == nil)
    }
}
