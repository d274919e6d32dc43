import Explorer
import Foundation
import Frames
import Lessons
import TextGrid
import Testing

/// The student's texts are read whole at 80×24 and wider: a slide's text after a wrong typed
/// answer, and the progress warnings (a corrupt file set aside, a state directory not writable).
@Suite struct StudentTextFitTests {
    static func lesson02(_ language: Language) throws -> ExplorerState {
        let path = LessonSnapshotTests.lessonsDirectory + "/02-forward.yaml"
        return ExplorerState(lesson: try LessonLoader.load(path: path).get(), language: language)
    }

    /// The whole text, with the wrapped lines joined (spaces at line ends restored, CJK joined tight).
    static func joined(_ lines: [String]) -> String {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(arguments: Language.allCases) func aSlidesTextIsWholeAfterAWrongAnswer(language: Language) throws {
        var s = try Self.lesson02(language)
        _ = s.open(slide: 6)
        for c in "1.11" { s.update(.typeAnswer(c)) }
        s.update(.submitAnswer)
        let text = try #require(s.currentSlide?.say.text(language))
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let lines = FrameRenderer.render(s.viewModel(), size: size, depth: .none).plainText()
            let pane = try #require(lines.firstIndex { $0.hasPrefix("── ") && $0.contains(language == .en ? "slide 6 / 9" : "第 6 / 9 页") })
            let body = Array(lines[(pane + 1)...])
            #expect(!body.contains { $0.contains("…") }, "\(size): \(body)")
            // the last words of the slide's text are on screen, and so is the whole feedback
            let tail = String(text.suffix(language == .en ? 24 : 8))
            let shown = language == .en ? Self.joined(body) : body.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            #expect(shown.contains(tail), "\(size): '\(tail)' not in \(body)")
            #expect(body.contains { $0.contains(language == .en ? "2 tries left" : "还可以再试 2 次") }, "\(size): \(body)")
            // the footer says how to leave the box, and Backspace and Enter
            #expect(lines.last?.contains(language == .en ? "Esc leave the box" : "Esc 离开答案框") == true, "\(size): \(lines.last ?? "")")
            #expect(lines.last?.contains("0-9 ⌫ ↵") == true, "\(size): \(lines.last ?? "")")
        }
    }

    @Test func progressWarningsWrapWhole() throws {
        let dir = "/home/student/.local/state/unroll"
        let warnings = [
            "progress file 0123456789abcdef-fedcba9876543210.json in \(dir) could not be read: set aside as 0123456789abcdef-fedcba9876543210.json.corrupt-2; starting afresh",
            "cannot save progress in \(dir)/file/unroll: the directory cannot be made (--no-progress turns saving off)",
        ]
        for w in warnings {
            var s = try Self.lesson02(.en)
            s.update(.progressWarning(LocalizedText(en: w)))
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                let lines = FrameRenderer.render(s.viewModel(), size: size, depth: .none).plainText()
                let start = try #require(lines.firstIndex { $0.hasPrefix(" " + w.prefix(20)) }, "\(size): \(lines)")
                let shown = Self.joined(Array(lines[start...].prefix(3)))
                #expect(shown.contains(w), "\(size): \(shown)")
                #expect(lines.last?.contains("? help") == true)   // the footer is still there
            }
        }
    }
}

/// Equation rows side by side in one band put their labels on one line (02 slide 6 at 120×40:
/// `y<2> L<2> L` beside `Wya a<2> by zy<2> ŷ<2>`, whose ±range line the loss row lacks).
@Suite struct BandLabelTests {
    @Test(arguments: Language.allCases) func labelsOfOneBandShareALine(language: Language) throws {
        var s = try StudentTextFitTests.lesson02(language)
        _ = s.open(slide: 6)
        let lines = FrameRenderer.render(s.viewModel(), size: Size(width: 120, height: 40), depth: .none).plainText()
        let row = try #require(lines.firstIndex { $0.hasPrefix(" Wya 1×3") }, "\(lines)")
        #expect(lines[row].contains("y<2> 1") && lines[row].contains("L<2> 1"), "\(lines[row - 1 ... row + 2])")
        // the first values still share a line
        #expect(lines[row + 2].contains("█2.50") && lines[row + 2].contains("→ Σ →"), "\(lines[row ... row + 2])")
    }
}
