import Foundation
import Testing
import RNNCore
@testable import Lessons

/// `optimizer_state.lr`, `clip` and `clip_mode`: the settings of the stored run, read back as
/// written, so `unroll train` continues with them (12b: Adam, lr 0.01, clip ±5).
@Suite struct TrainingSettingsTests {
    func with(_ lines: String) -> String {
        OptimizerStateTests().withState(OptimizerStateTests.adagradState.replacingOccurrences(of: "    steps: 3\n", with: "    steps: 3\n" + lines))
    }

    @Test func settingsLoad() throws {
        let cases: [(String, TrainingSettings)] = [
            ("", TrainingSettings()),
            ("    lr: 0.1\n    clip: 5\n", TrainingSettings(learningRate: 0.1, clipping: .elementwise(5))),
            ("    clip: 2.5\n    clip_mode: norm\n", TrainingSettings(clipping: .globalNorm(2.5))),
            ("    clip: none\n", TrainingSettings(clipping: Clipping.none)),
        ]
        for (lines, expected) in cases {
            let l = try LessonLoader.load(text: with(lines), path: "names.yaml").get()
            #expect(l.trainingSettings == expected, "\(lines)")
            #expect(l.optimizerState?.steps == 3)
        }
    }

    @Test func badSettingsAreLocated() {
        #expect(problems(with("    lr: -1\n"), path: "names.yaml").contains("names.yaml:12:9: error: optimizer_state.lr must be a number greater than 0, got -1.0"))
        #expect(problems(with("    clip: 0\n"), path: "names.yaml").contains("names.yaml:12:11: error: optimizer_state.clip must be none or a number greater than 0, got 0.0"))
        #expect(problems(with("    clip_mode: norm\n"), path: "names.yaml").contains("names.yaml:12:16: error: optimizer_state.clip_mode needs clip: C (the bound); add it or remove clip_mode"))
        #expect(problems(with("    clip: 5\n    clip_mode: global\n"), path: "names.yaml").contains("names.yaml:13:16: error: optimizer_state.clip_mode must be elementwise or norm, got 'global'"))
    }

    /// What `unroll train` and the lab write reads back as the same settings, for each clipping.
    @Test(arguments: [Clipping.none, .elementwise(5), .globalNorm(1.5)])
    func recordedSettingsRoundTrip(_ clipping: Clipping) throws {
        let (_, _, text) = try OptimizerStateTests().trained(.adam)
        let settings = TrainingSettings(learningRate: 0.01, clipping: clipping)
        let back = try LessonLoader.load(text: LessonWriter.recording(settings, in: text), path: "out.yaml").get()
        #expect(back.trainingSettings == settings)
        #expect(LessonWriter.recording(settings, in: "title: no state\n") == "title: no state\n")
    }

    /// The shipped trained lessons say how they were trained, as their notes' commands do.
    @Test func shippedTrainedLessonsStoreTheirSettings() throws {
        for (name, lr) in [("08b-language-model-trained.yaml", 0.1), ("12a-rnn.yaml", 0.01), ("12b-gru.yaml", 0.01), ("12c-lstm.yaml", 0.01)] {
            let lesson = try LessonLoader.load(path: packageRoot.appendingPathComponent("lessons/" + name).path).get()
            #expect(lesson.trainingSettings == TrainingSettings(learningRate: lr, clipping: .elementwise(5)), "\(name)")
            #expect(lesson.notes?.contains("--lr \(lr)") == true && lesson.notes?.contains("--clip 5") == true, "\(name)")
        }
    }
}
