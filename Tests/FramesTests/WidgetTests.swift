@testable import Explorer
@testable import Frames
import Lessons
import RNNCore
import TextGrid
import Testing

@Suite struct WidgetTests {
    @Test func tooSmallSaysWhatItNeedsCentred() throws {
        let grid = FrameRenderer.render(try FrameFixtures.state().viewModel(), size: Size(width: 60, height: 20),
                                        depth: .none)
        let lines = grid.plainText()
        let message = "terminal too small: need 80×24, have 60×20"
        #expect(lines.count == 20)
        #expect(lines[9] == String(repeating: " ", count: (60 - message.count) / 2) + message)
        #expect(lines.enumerated().allSatisfy { $0.offset == 9 || $0.element.isEmpty })
        let narrow = FrameRenderer.render(try FrameFixtures.state().viewModel(), size: Size(width: 79, height: 40),
                                          depth: .none).plainText()
        #expect(narrow.contains { $0.contains("terminal too small: need 80×24, have 79×40") })
    }

    func timeline(T: Int, current: Int, phase: Phase = .forward) -> Timeline {
        let items = (1...T).map { t in
            TimelineItem(t: t, hasInput: t != 2, hasOutput: t != 3, hasTarget: t != 3, inputLabel: "x<\(t)>",
                         outputLabel: "0.5", targetLabel: "1", loss: 0.5, daNorm: phase == .backward ? 0.2 : nil,
                         isCurrent: t == current)
        }
        return Timeline(items: items, phase: phase, maxLoss: 1, maxDaNorm: 0.4)
    }

    func draw(_ view: TimelineView, width: Int) -> [String] {
        var grid = Grid(width: width, height: view.height)
        view.draw(into: &grid, in: grid.bounds)
        return grid.plainText()
    }

    @Test func timelineShowsEveryStepWhenTheyFit() {
        let lines = draw(TimelineView(timeline: timeline(T: 3, current: 2), digits: 2, lines: 3), width: 80)
        #expect(lines == [
            "┌─t=1───────┐   ╔═t=2═══════╗   ┌─t=3───────┐",
            "│x<1>       │   ║x —        ║   │x<3>       │",
            "│ŷ 0.5  y 1 │──▶║ŷ 0.5  y 1 ║──▶│ŷ —        │",
            "│L ██   0.50│   ║L ██   0.50║   │L —        │",
            "└───────────┘   ╚═══════════╝   └───────────┘",
        ])
    }

    @Test func timelineShowsAWindowAroundTheCurrentStep() {
        let view = TimelineView(timeline: timeline(T: 10, current: 6, phase: .backward), digits: 2, lines: 2)
        #expect(view.window(width: 80) == 4..<7)
        let lines = draw(view, width: 80)
        #expect(lines[2].hasPrefix("… │"))
        #expect(lines[2].hasSuffix("│ …"))
        #expect(lines[0].contains("╔═t=6") && lines[0].contains("t=5") && lines[0].contains("t=7"))
        #expect(lines[2].contains("◀──"))
        #expect(view.window(width: 200) == 0..<10 || view.window(width: 200).contains(5))
        #expect(TimelineView(timeline: timeline(T: 10, current: 1), digits: 2, lines: 2).window(width: 80) == 0..<3)
        #expect(TimelineView(timeline: timeline(T: 10, current: 10), digits: 2, lines: 2).window(width: 80) == 7..<10)
    }

    @Test func helpFitsAt80x24() {
        let help = HelpBox(title: "Keys", rows: KeyTable.help(.en))
        let plan = HelpOverlay(help: help).plan(for: Size(width: 80, height: 24))
        #expect(plan.size.width <= 80 && plan.size.height <= 24)
        let zh = HelpOverlay(help: HelpBox(title: "按键说明", rows: KeyTable.help(.zh))).plan(for: Size(width: 80, height: 24))
        #expect(zh.size.width <= 80 && zh.size.height <= 24)
        let many = HelpBox(title: "按键说明", rows: KeyTable.help(.zh) + KeyTable.help(.zh).prefix(8))
        let two = HelpOverlay(help: many).plan(for: Size(width: 80, height: 24))
        #expect(two.columns == 2 && two.size.height <= 24 && two.size.width <= 80)
    }

    @Test func footerShortensKeysBeforeDroppingHints() {
        let hints = [KeyHint(keys: "→ l", text: "next step"), KeyHint(keys: "n PgDn Enter", text: "next slide"),
                     KeyHint(keys: "?", text: "help")]
        #expect(FooterView(hints: hints).chosen(width: 80).map(\.keys) == ["→ l", "n PgDn Enter", "?"])
        #expect(FooterView(hints: hints).chosen(width: 36).map(\.keys) == ["→", "n", "?"])
        #expect(FooterView(hints: hints).chosen(width: 20).map(\.keys) == ["→", "?"])
    }
}
