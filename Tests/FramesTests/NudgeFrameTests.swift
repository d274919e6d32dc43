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
}
