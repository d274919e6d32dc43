@testable import App
import Explorer
import Foundation
import Lessons
import RNNCore
import Testing

/// `w` in the training lab: the trained lesson goes to a new file beside the lesson
/// (`NAME-lab.yaml`, then `NAME-lab-2.yaml`), never over it, and it loads with the lab's
/// weights and optimizer state, so training it again continues the run.
@Suite struct LabHookTests {
    @Test func wWritesANewLessonBesideTheLessonNeverOverIt() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-labhook-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["08-language-model.yaml", "names.txt"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let path = dir.appendingPathComponent("08-language-model.yaml").path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        var state = ExplorerState(lesson: try LessonLoader.load(path: path).get())
        state.update(.lab(.toggle))
        let hook = LabHook()
        // nothing trained yet: said, and nothing written
        #expect(hook.save(state) == .saveFailed(state.words.labNothingTrained))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("08-language-model-lab.yaml").path))
        state.update(.lab(.run)); state.update(.lab(.tick(steps: 30)))
        let lab = try #require(state.lab)
        #expect(hook.save(state) == .saved(path: dir.appendingPathComponent("08-language-model-lab.yaml").path))
        #expect(hook.save(state) == .saved(path: dir.appendingPathComponent("08-language-model-lab-2.yaml").path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        let written = try LessonLoader.load(path: dir.appendingPathComponent("08-language-model-lab.yaml").path).get()
        #expect(written.rnn.params == lab.params)
        #expect(written.optimizerState?.steps == 30 && written.optimizerState?.kind == .adagrad)
        // it says who wrote it, and how it was trained
        let text = try String(contentsOfFile: dir.appendingPathComponent("08-language-model-lab.yaml").path, encoding: .utf8)
        #expect(text.hasPrefix("# Written by the training lab (key w in `unroll \(path)`) from \(path)"))
        #expect(text.contains("notes: \"Trained in the training lab from 08-language-model.yaml (its notes give the course material): "
                              + "30 steps Adagrad lr 0.1 clip ±5 (mean loss per sequence"))
        #expect(!text.contains("Trained in lesson 08b"))   // 08's note about itself is not copied
        // the title names the lab's steps, so two runs are told apart in the picker
        #expect(written.title.en == "Language model and sampling: after 30 steps in the lab")
        #expect(written.title.zh == "语言模型与采样：在实验室训练 30 步之后")
        // the notes name every optimizer the steps used, not only the last setting's
        state.update(.lab(.optimizer)); state.update(.lab(.tick(steps: 10))); state.update(.lab(.optimizer))
        #expect(hook.save(state) == .saved(path: dir.appendingPathComponent("08-language-model-lab-3.yaml").path))
        let third = try String(contentsOfFile: dir.appendingPathComponent("08-language-model-lab-3.yaml").path, encoding: .utf8)
        #expect(third.contains("30 steps Adagrad lr 0.1 clip ±5, then 10 steps Adam lr 0.01 clip ±5 (mean loss"), "\(third.prefix(900))")
        #expect(third.contains("title: {en: \"Language model and sampling: after 40 steps in the lab\""))
    }

    /// 1 or 10 steps per screen update are paced (10 updates a second, each drawn), so each step
    /// can be watched; more go as fast as training goes.
    @Test func fewStepsPerUpdateArePaced() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons/09b-exploding-gradients.yaml")
        var state = ExplorerState(lesson: try LessonLoader.load(path: source.path).get())
        state.update(.lab(.toggle))
        state.update(.lab(.stepsPerUpdate)); state.update(.lab(.stepsPerUpdate))   // 100 → 1000 → 1
        #expect(state.lab?.stepsPerUpdate == 1)
        state.update(.lab(.run))
        let hook = LabHook()
        #expect(hook.poll(state) == [.lab(.tick(steps: 1)), .lab(.show)])
        #expect(hook.poll(state) == [])                  // the next update waits its turn
        let wait = try #require(hook.wakeAfter(state))
        #expect(wait > 0 && wait <= 100)
    }
}

/// `w` on an LSTM: the written lesson holds the lab's gated weights and optimizer state.
@Suite struct GatedLabSaveTests {
    @Test func wWritesTheTrainedLSTM() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-labhook-gated-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["12c-lstm.yaml", "agreement.txt"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let path = dir.appendingPathComponent("12c-lstm.yaml").path
        var state = ExplorerState(lesson: try LessonLoader.load(path: path).get())
        state.update(.lab(.toggle)); state.update(.lab(.run)); state.update(.lab(.tick(steps: 20)))
        let lab = try #require(state.lab)
        #expect(LabHook().save(state) == .saved(path: dir.appendingPathComponent("12c-lstm-lab.yaml").path))
        let written = try LessonLoader.load(path: dir.appendingPathComponent("12c-lstm-lab.yaml").path).get()
        #expect(written.gated?.params == lab.gatedParams)
        #expect(written.optimizerState == lab.optimizerState && written.optimizerState?.steps == lab.totalSteps)
    }
}
