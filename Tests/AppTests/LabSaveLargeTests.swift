@testable import App
import Explorer
import Foundation
import Lessons
import RNNCore
import Testing

/// `w` in the lab on a model too large for a lesson file of at most 1 MiB writes what `unroll
/// train` writes: `NAME-lab.yaml` naming `NAME-lab.npz` beside it, which holds the weights and
/// the optimizer's memory by the cell's names; the pair reloads with the lab's weights and state.
@Suite struct LabSaveLargeTests {
    static func lessonText(_ cell: String?, na: Int) -> String {
        let cellKey = cell.map { "cell: \($0), " } ?? "g1: tanh, "
        return """
        title: Wide
        model: {\(cellKey)n_x: 3, n_a: \(na), n_y: 3, g2: softmax, init: {seed: 1, scale: 0.05}}
        architecture: many-to-many
        sequence: {vocab: "abc", text: "abcab"}
        script:
          - say: Wide.
        """
    }

    /// Opens the lab on `text` (written as wide.yaml in a fresh folder), trains `steps`, presses
    /// `w`; returns the folder's files afterwards, the lab and the reloaded written lesson.
    func saveInLab(_ text: String, steps: Int, check: (_ files: [String], _ lab: TrainingLab, _ written: Lesson, _ dir: URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-lab-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("wide.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var state = ExplorerState(lesson: try LessonLoader.load(path: path).get())
        state.update(.lab(.toggle)); state.update(.lab(.run)); state.update(.lab(.tick(steps: steps)))
        let lab = try #require(state.lab)
        #expect(lab.steps == steps)
        #expect(LabHook().save(state) == .saved(path: dir.appendingPathComponent("wide-lab.yaml").path))
        let written = try LessonLoader.load(path: dir.appendingPathComponent("wide-lab.yaml").path).get()
        try check(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), lab, written, dir)
    }

    @Test(arguments: ["gru", "lstm"]) func aLargeGatedModelGoesToAnNpzBesideTheLesson(cell: String) throws {
        try saveInLab(Self.lessonText(cell, na: 260), steps: 2) { files, lab, written, dir in
            #expect(files == ["wide-lab.npz", "wide-lab.yaml", "wide.yaml"])
            let text = try String(contentsOf: dir.appendingPathComponent("wide-lab.yaml"), encoding: .utf8)
            #expect(text.contains("  weights: {file: \"wide-lab.npz\"}\n") && text.utf8.count < 8192)
            #expect(written.gated?.params == lab.gatedParams)
            #expect(written.optimizerState == lab.optimizerState && written.optimizerState?.steps == 2)
            // the memory is in the archive only (the lesson is a few lines): it reloaded from there
            #expect(lab.optimizerState?.kind == .adagrad && text.contains("    file: \"wide-lab.npz\"\n"))
        }
    }

    @Test func aLargePlainModelGoesToAnNpzBesideTheLesson() throws {
        try saveInLab(Self.lessonText(nil, na: 220), steps: 2) { files, lab, written, _ in
            #expect(files == ["wide-lab.npz", "wide-lab.yaml", "wide.yaml"])
            #expect(written.rnn.params == lab.params)
            #expect(written.optimizerState == lab.optimizerState)
        }
    }

    @Test func aSmallGatedModelStaysInOneFile() throws {
        try saveInLab(Self.lessonText("gru", na: 4), steps: 3) { files, lab, written, _ in
            #expect(files == ["wide-lab.yaml", "wide.yaml"])
            #expect(written.gated?.params == lab.gatedParams && written.optimizerState == lab.optimizerState)
        }
    }
}
