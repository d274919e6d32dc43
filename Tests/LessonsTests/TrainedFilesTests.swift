import Foundation
import Numpy
import RNNCore
import Testing
@testable import Lessons

/// A trained lesson of any legal size is written and reloads (issue 15, item 4): past the
/// 1 MiB a lesson file may hold, the weights and the optimizer's memory go to NEW.npz.
@Suite struct TrainedFilesTests {
    func inFolder(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-trained-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    static func lessonText(na: Int) -> String {
        """
        title: Wide
        model: {n_x: 3, n_a: \(na), n_y: 3, g1: tanh, g2: softmax, init: {seed: 1, scale: 0.05}}
        architecture: many-to-many
        sequence: {vocab: "abc", text: "abcab"}
        script:
          - say: Wide.
        """
    }

    /// Trains `lesson` one step with `kind` and writes it as `unroll train` does; returns the text written.
    func trainAndWrite(_ original: String, _ lesson: Lesson, _ kind: OptimizerKind, out: String) throws -> (String, Trainer, TrainedFiles) {
        var trainer = Trainer(rnn: lesson.rnn, episodes: try #require(lesson.trainableEpisodes),
                              config: TrainingConfig(optimizer: kind))
        trainer.train(steps: 1)
        let numpy = TrainedFiles.needsNumpy(originalText: original, shape: trainer.shape, memories: OptimizerState.memories(kind))
        let files = TrainedFiles(out: out, numpy: numpy)
        try files.writeNumpy(shape: trainer.shape, params: trainer.params, state: trainer.optimizerState)
        let describe = LessonWriter.Description.trained(from: lesson, steps: 1, command: "unroll train", before: 1, after: 0.5)
        let checked = try LessonWriter.trained(originalText: original, path: lesson.path, shape: trainer.shape, params: trainer.params,
                                               optimizerState: trainer.optimizerState, weightsFile: files.checkingName,
                                               notes: "trained", describe: describe).get()
        // the lesson is checked against the archive before either is in place
        let back = try LessonLoader.load(text: checked, path: out).get()
        #expect(back.rnn.params == trainer.params && back.optimizerState == trainer.optimizerState)
        return (files.finalText(checked), trainer, files)
    }

    @Test func theLargestModelIsWrittenBesideItsWeightsAndReloads() throws {
        try inFolder { dir in
            let original = Self.lessonText(na: 1024)
            let lesson = try LessonLoader.load(text: original, path: dir.appendingPathComponent("wide.yaml").path).get()
            let out = dir.appendingPathComponent("new.yaml").path
            let (text, trainer, files) = try trainAndWrite(original, lesson, .adam, out: out)
            #expect(files.numpy == dir.appendingPathComponent("new.npz").path)
            #expect(text.contains("  weights: {file: \"new.npz\"}\n") && text.contains("    file: \"new.npz\"\n"))
            #expect(text.utf8.count < 4096)
            try files.commit(text, keepingModes: true)
            let reloaded = try LessonLoader.load(path: out).get()
            #expect(reloaded.rnn.params == trainer.params)
            #expect(reloaded.optimizerState == trainer.optimizerState)
            #expect(reloaded.companionFiles == [dir.appendingPathComponent("new.npz").path])
            // nothing else is left in the folder: no temporary archive
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["new.npz", "new.yaml"])
            #expect(Set(try Npz.read(path: dir.appendingPathComponent("new.npz").path).keys) == [
                "Waa", "Wax", "Wya", "ba", "by", "a0", "m_Waa", "m_Wax", "m_Wya", "m_ba", "m_by", "v_Waa", "v_Wax", "v_Wya", "v_ba", "v_by",
            ])
        }
    }

    @Test func aSmallModelStaysInOneFile() throws {
        try inFolder { dir in
            let original = Self.lessonText(na: 8)
            let lesson = try LessonLoader.load(text: original, path: dir.appendingPathComponent("small.yaml").path).get()
            let (text, _, files) = try trainAndWrite(original, lesson, .adagrad, out: dir.appendingPathComponent("new.yaml").path)
            #expect(files.numpy == nil && files.checkingName == nil)
            #expect(text.contains("    sums:\n"))
        }
    }

    @Test func anArchiveNeverPutInPlaceLeavesNothing() throws {
        try inFolder { dir in
            let original = Self.lessonText(na: 300)
            let lesson = try LessonLoader.load(text: original, path: dir.appendingPathComponent("wide.yaml").path).get()
            _ = try trainAndWrite(original, lesson, .sgd, out: dir.appendingPathComponent("new.yaml").path)   // not committed
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    @Test func aMemoryArchiveWithAWrongArrayIsLocated() throws {
        try inFolder { dir in
            let w = dir.appendingPathComponent("w.npz").path
            let v = { (n: Int) in NumpyArray(shape: [n], values: Array(repeating: 0.5, count: n)) }
            let m = { (r: Int, c: Int) in NumpyArray(shape: [r, c], values: Array(repeating: 0.5, count: r * c)) }
            try Npz.write([("Waa", m(2, 2)), ("Wax", m(2, 1)), ("Wya", m(1, 2)), ("sums_Waa", m(2, 2)), ("sums_Wax", m(1, 1)),
                           ("sums_Wya", m(1, 2)), ("sums_ba", v(2)), ("sums_by", v(1))], path: w)
            let text = """
            title: T
            model:
              n_x: 1
              n_a: 2
              n_y: 1
              g1: tanh
              g2: sigmoid
              weights: {file: w.npz}
              optimizer_state: {optimizer: adagrad, steps: 1, file: w.npz}
            architecture: many-to-many
            sequence: {x: [[1], [0]], y: [1, 0]}
            script:
              - say: Hi.
            """
            guard case .failure(let e) = LessonLoader.load(text: text, path: dir.appendingPathComponent("t.yaml").path) else {
                Issue.record("loaded"); return
            }
            #expect(e.diagnostics.map(\.message) == ["optimizer_state.file w.npz: sums_Wax has shape (1, 1), but it must be n_a × n_x = (2, 1)"])
            #expect(e.diagnostics.first?.location == SourceLocation(line: 9, column: 57))
        }
    }
}
