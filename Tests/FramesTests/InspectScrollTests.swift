import Explorer
import Frames
import Lessons
import TextGrid
import Testing

/// The panel keeps the inspect cursor in view, however far the student scrolled before.
@Suite struct InspectScrollTests {
    /// Applies `actions` the way the event loop does: after each, the screen is laid out and
    /// reports how far its panel can scroll.
    static func drive(_ state: ExplorerState, size: Size, _ actions: [Action]) -> (ExplorerState, [String]) {
        var s = state
        var lines: [String] = []
        for action in [Action.tick] + actions {
            s.update(action)
            let (grid, range) = FrameRenderer.layout(s.viewModel(), size: size, depth: .none)
            if let range { s.update(.panelScrollRange(range)) }
            lines = grid.plainText()
        }
        return (s, lines)
    }

    /// Lesson 02, slide 5 at 80×24: answer, Esc, j six times, i. The cursor `▸ z<2>[2]` is drawn
    /// in the panel above the inspect pane (it used to stay scrolled away under `⋮ ↑ 6`).
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)], Language.allCases)
    func inspectAfterScrollingShowsTheCursor(size: Size, language: Language) throws {
        let lesson = try LessonLoader.load(path: "\(LessonSnapshotTests.lessonsDirectory)/02-forward.yaml").get()
        var start = ExplorerState(lesson: lesson, language: language)
        #expect(start.open(slide: 5) == nil)
        let scrolls = [Action](repeating: .scrollDown, count: 6)
        let (s, lines) = Self.drive(start, size: size, [.answer(1), .escape] + scrolls + [.toggleInspect])
        #expect(s.inspect != nil)
        let pane = lines.firstIndex { $0.hasPrefix("── ▸ ") }
        let entry = lines.firstIndex { $0.contains("▸") && !$0.hasPrefix("── ▸ ") }
        #expect(pane != nil && entry != nil && (entry ?? 0) < (pane ?? 0), Comment(rawValue: lines.joined(separator: "\n")))
        // moving the cursor down the panel keeps it in view too
        let (_, moved) = Self.drive(s, size: size, [Action](repeating: .nextPanel, count: 4))
        let movedPane = moved.firstIndex { $0.hasPrefix("── ▸ ") }
        let movedEntry = moved.firstIndex { $0.contains("▸") && !$0.hasPrefix("── ▸ ") }
        #expect(movedPane != nil && movedEntry != nil && (movedEntry ?? 0) < (movedPane ?? 0),
                Comment(rawValue: moved.joined(separator: "\n")))
    }
}
