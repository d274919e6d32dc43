import Explorer
import Foundation
import Frames
import Lessons
import RNNCore
import TextGrid
import Testing

/// A nudge, drawn: lesson 02 with x<2>[0] nudged up in edit mode. The timeline shows ‖Δa‖ from
/// t = 2 on (how far the change travels), the edited entry carries ✎ in [a<1>; x<2>], and the
/// inspect box says what the gradient predicted.
@Suite struct NudgeFrameTests {
    @Test func aNudgedInputIsDrawn() throws {
        let path = LessonSnapshotTests.lessonsDirectory + "/02-forward.yaml"
        var s = ExplorerState(lesson: try LessonLoader.load(path: path).get())
        s.revealAll()
        _ = s.go(phase: .forward, t: 2)
        _ = s.inspect(entry: try EntryRef.parse("stacked<2>[3]").get())
        s.update(.toggleEdit)
        s.update(.nudgeUp)
        s.update(.moveUp)   // the cursor off the entry, so its ✎ shows
        for size in [Size(width: 120, height: 40), Size(width: 100, height: 30)] {
            let lines = FrameRenderer.render(s.viewModel(), size: size, depth: .none).plainText()
            let timeline = lines.prefix(6).joined(separator: "\n")
            #expect(timeline.components(separatedBy: "‖Δa‖").count - 1 >= 2, "\(size): \(timeline)")
            #expect(lines.contains { $0.contains("✎") && $0.contains("1.10") }, "\(size): no ✎ on x<2>[0] = 1.10")
        }
    }

    /// At 80×24 the point of a nudge is on screen: the edit line, then L before/after with the
    /// gradient's prediction, then whether they agree (lesson 02 via Waa[0,0], lesson 06 via dWya).
    @Test(arguments: Language.allCases) func thePredictionIsVisibleAt80x24(language: Language) throws {
        let cases: [(String, Phase, Int, String)] = [("02-forward", .forward, 2, "Waa[0,0]"), ("06-bptt", .backward, 1, "dWya<1>[0,0]")]
        for (name, phase, t, entry) in cases {
            let path = LessonSnapshotTests.lessonsDirectory + "/\(name).yaml"
            var s = ExplorerState(lesson: try LessonLoader.load(path: path).get(), language: language)
            s.revealAll()
            #expect(s.go(phase: phase, t: t) == nil)
            #expect(s.inspect(entry: try EntryRef.parse(entry).get()) == nil, "\(entry)")
            s.update(.toggleEdit)
            s.update(.nudgeUp)
            let lines = FrameRenderer.render(s.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
            let text = lines.joined(separator: "\n")
            let predicted = language == .en ? "the gradient predicted" : "梯度的预测"
            let verdict = language == .en ? ["They agree", "They differ"] : ["两者一致", "两者不同"]
            #expect(text.contains(predicted), "\(name) \(language): \(text)")
            #expect(verdict.contains { text.contains($0) }, "\(name) \(language): \(text)")
            Snapshot.check(lines, named: "nudge-\(name)-\(language.rawValue)-80x24")
        }
    }
}
