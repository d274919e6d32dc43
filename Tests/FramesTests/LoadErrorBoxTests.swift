import Explorer
import Foundation
import Frames
import Lessons
import TextGrid
import Testing

/// `--watch` at 80×24: the box over the last good version keeps each diagnostic line as it is,
/// and wraps the sentence under them, so its end ("Esc hides this.") is on the screen.
@Suite struct LoadErrorBoxTests {
    @Test func theHintUnderTheDiagnosticsIsWrappedNotCut() throws {
        let lesson = try LessonLoader.load(path: LessonSnapshotTests.lessonsDirectory + "/02-forward.yaml").get()
        for language in Language.allCases {
            var state = ExplorerState(lesson: lesson, language: language)
            let diagnostic = "02-forward.yaml:3:7: error: unknown key 'n_xx' in model; did you mean n_x?"
            state.update(.loadFailed(LoadError(path: "lessons/02-forward.yaml", lines: [diagnostic, "  n_xx: 3", "  ^"])))
            let screen = FrameRenderer.render(state.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
            let text = screen.joined(separator: "\n")
            #expect(text.contains(diagnostic), "\(language)")
            let end = language == .en ? "Esc hides this." : "隐藏此框。"
            let inside = screen.map { line -> String in   // the box's rows, between its borders, joined
                guard let l = line.firstIndex(of: "│"), let r = line.lastIndex(of: "│"), l < r else { return "" }
                return line[line.index(after: l)..<r].trimmingCharacters(in: .whitespaces)
            }.joined(separator: language == .en ? " " : "")
            #expect(inside.contains(end), "\(language):\n\(text)")
        }
    }

    /// A diagnostic longer than the box is wrapped, not cut: the end of a numpy shape error
    /// (its shapes) is on the screen at 80×24; the source line and caret stay as they are.
    @Test func aLongDiagnosticIsWrappedNotCut() throws {
        let lesson = try LessonLoader.load(path: LessonSnapshotTests.lessonsDirectory + "/02-forward.yaml").get()
        var state = ExplorerState(lesson: lesson)
        let diagnostic = "/tmp/some/long/folder/of/an/author/np1.yaml:8:19: error: weights.file np1.npz: Waa has shape (2, 3), but Waa must be n_a × n_a = (3, 3)"
        state.update(.loadFailed(LoadError(path: "/tmp/some/long/folder/of/an/author/np1.yaml", lines: [diagnostic, "  file: np1.npz", "        ^"])))
        let screen = FrameRenderer.render(state.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
        let inside = screen.map { line -> String in
            guard let l = line.firstIndex(of: "│"), let r = line.lastIndex(of: "│"), l < r else { return "" }
            return line[line.index(after: l)..<r].trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        #expect(inside.contains("= (3, 3)"), "\(screen.joined(separator: "\n"))")
        #expect(inside.contains("Waa has shape (2, 3)"))
        #expect(screen.contains { $0.contains("│   file: np1.npz") || $0.contains("│  file: np1.npz") })
    }
}
