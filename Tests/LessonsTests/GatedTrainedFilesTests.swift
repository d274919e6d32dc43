import Foundation
import Numpy
import RNNCore
import Testing
@testable import Lessons

/// A trained GRU or LSTM of any legal size is written and reloads: past the 1 MiB a lesson file
/// may hold, its weights (by the cell's names) and the optimizer's memory go to NEW.npz, as for
/// the plain cell (`TrainedFiles`).
@Suite struct GatedTrainedFilesTests {
    func inFolder(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-gated-trained-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    static func lessonText(_ cell: GatedCell, na: Int) -> String {
        """
        title: Wide
        model: {cell: \(cell.rawValue), n_x: 3, n_a: \(na), n_y: 3, g2: softmax, init: {seed: 1, scale: 0.05}\(cell == .lstm ? ", c0: [\(Array(repeating: "0.5", count: na).joined(separator: ", "))]" : "")}
        architecture: many-to-many
        sequence: {vocab: "abc", text: "abcab"}
        script:
          - say: Wide.
        """
    }

    /// Trains one step and writes the lesson as `unroll train` does; returns the text, trainer, files.
    func trainAndWrite(_ original: String, _ lesson: Lesson, _ kind: OptimizerKind, out: String) throws -> (String, GatedTrainer, TrainedFiles) {
        var trainer = GatedTrainer(rnn: try #require(lesson.gated), episodes: try #require(lesson.trainableEpisodes),
                                   config: TrainingConfig(optimizer: kind))
        trainer.train(steps: 1)
        let numpy = TrainedFiles.needsNumpy(originalText: original, gated: trainer.shape, memories: OptimizerState.memories(kind))
        let files = TrainedFiles(out: out, numpy: numpy)
        try files.writeNumpy(gated: trainer.rnn, state: trainer.optimizerState)
        let describe = LessonWriter.Description.trained(from: lesson, steps: 1, command: "unroll train", before: 1, after: 0.5)
        let checked = try LessonWriter.trained(originalText: original, path: lesson.path, gated: trainer.rnn,
                                               optimizerState: trainer.optimizerState, weightsFile: files.checkingName,
                                               notes: "trained", describe: describe).get()
        let back = try LessonLoader.load(text: checked, path: out).get()
        #expect(back.gated == trainer.rnn && back.optimizerState == trainer.optimizerState)
        return (files.finalText(checked), trainer, files)
    }

    @Test(arguments: [GatedCell.gru, .lstm]) func aLargeGatedModelIsWrittenBesideItsWeightsAndReloads(cell: GatedCell) throws {
        try inFolder { dir in
            let original = Self.lessonText(cell, na: 260)
            let lesson = try LessonLoader.load(text: original, path: dir.appendingPathComponent("wide.yaml").path).get()
            let out = dir.appendingPathComponent("new.yaml").path
            let (text, trainer, files) = try trainAndWrite(original, lesson, .adam, out: out)
            #expect(files.numpy == dir.appendingPathComponent("new.npz").path)
            #expect(text.contains("  weights: {file: \"new.npz\"}\n") && text.contains("    file: \"new.npz\"\n"))
            #expect(text.utf8.count < 4096)
            try files.commit(text, keepingModes: true)
            let reloaded = try LessonLoader.load(path: out).get()
            #expect(reloaded.gated == trainer.rnn)
            #expect(reloaded.optimizerState == trainer.optimizerState)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["new.npz", "new.yaml"])
            let weights = cell.gates.flatMap { [$0.weightName, $0.biasName] } + ["Wya", "by"]
            let expected = Set(weights + ["a0"] + (cell == .lstm ? ["c0"] : []) + weights.map { "m_" + $0 } + weights.map { "v_" + $0 })
            #expect(Set(try Npz.read(path: dir.appendingPathComponent("new.npz").path).keys) == expected)
        }
    }

    @Test func aSmallGatedModelStaysInOneFileOneRowPerLine() throws {
        try inFolder { dir in
            let original = Self.lessonText(.lstm, na: 4)
            let lesson = try LessonLoader.load(text: original, path: dir.appendingPathComponent("small.yaml").path).get()
            let (text, _, files) = try trainAndWrite(original, lesson, .adagrad, out: dir.appendingPathComponent("new.yaml").path)
            #expect(files.numpy == nil && files.checkingName == nil)
            #expect(text.contains("    sums:\n") && text.contains("    Wf:\n      - ["))
        }
    }

    /// The course notebook's `np.savez("w.npz", **parameters)`: Wi, bi, Wy (bf as (n_a, 1)) load
    /// as Wu, bu, Wya; a gru with c0 in its archive, a wrong shape and two names of one weight are
    /// errors naming the array.
    @Test func weightsFromTheNotebooksArrays() throws {
        try inFolder { dir in
            let na = 2, nx = 1, ny = 1
            func m(_ r: Int, _ c: Int, _ v: Double) -> NumpyArray { NumpyArray(shape: [r, c], values: (0..<(r * c)).map { v + Double($0) / 10 }) }
            var arrays: [(name: String, array: NumpyArray)] = [
                ("Wf", m(na, na + nx, 0.1)), ("bf", m(na, 1, 1)), ("Wi", m(na, na + nx, 0.2)), ("bi", m(na, 1, 2)),
                ("Wc", m(na, na + nx, 0.3)), ("bc", m(na, 1, 3)), ("Wo", m(na, na + nx, 0.4)), ("bo", m(na, 1, 4)),
                ("Wy", m(ny, na, 0.5)), ("by", m(ny, 1, 5)), ("c0", NumpyArray(shape: [na], values: [0.7, -0.7])),
            ]
            try Npz.write(arrays, path: dir.appendingPathComponent("w.npz").path)
            func lesson(_ cell: String) -> String {
                "title: N\nmodel: {cell: \(cell), n_x: \(nx), n_a: \(na), n_y: \(ny), g2: sigmoid, weights: {file: w.npz}}\n"
                    + "architecture: many-to-many\nsequence: {x: [[1], [0]], y: [[1], [0]]}\nscript:\n  - say: N.\n"
            }
            let path = dir.appendingPathComponent("n.yaml").path
            let lstm = try #require(try LessonLoader.load(text: lesson("lstm"), path: path).get().gated)
            #expect(lstm.params.weight(.u)?.values == arrays[2].array.values && lstm.params.bias(.u) == [2, 2.1])
            #expect(lstm.params.Wya.values == [0.5, 0.6] && lstm.params.c0 == [0.7, -0.7] && lstm.params.a0 == [0, 0])
            func errors(_ text: String) -> String {
                if case .failure(let e) = LessonLoader.load(text: text, path: path) { return e.rendered }
                return ""
            }
            #expect(errors(lesson("gru")).contains("weights.file w.npz: has c0, but a gru's memory starts as c<0> = a<0>"))
            arrays.append(("Wu", m(na, na + nx, 0)))
            arrays[0] = ("Wf", m(na, na, 0))
            try Npz.write(arrays, path: dir.appendingPathComponent("w.npz").path)
            let e = errors(lesson("lstm"))
            #expect(e.contains("weights.file w.npz: Wf has shape (2, 2), but Wf must be n_a × (n_a+n_x) = (2, 3)"))
            #expect(e.contains("weights.file w.npz: has both Wi and Wu, the same weight under two names: keep one"))
        }
    }
}
