@testable import Explorer
@testable import Frames
import RNNCore
import TextGrid
import Testing

@Suite struct EquationLayoutTests {
    func draw(_ row: EquationRow, width: Int, depth: ColorDepth = .none) -> [String] {
        let layout = EquationLayout(row, width: width, maxBodyHeight: 20, digits: 2, depth: depth, showScale: false)
        var grid = Grid(width: width, height: layout.size.height)
        layout.draw(into: &grid, x: 0, y: 0)
        return grid.plainText()
    }

    let row = EquationRow(items: [
        .term(Make.vector("u", [0.5, -1])), .op(.plus), .term(Make.vector("v", [1, 0])),
        .op(.equals), .term(Make.vector("w", [1.5, -1])),
    ])

    @Test func aRowThatFitsIsOneLineWithOperatorsOnTheFirstValueLine() {
        #expect(draw(row, width: 40) == [
            "u 2      v 2     w 2",
            "▒ 0.50 + █1.00 = █ 1.50",
            "█-1.00    0.00   █-1.00",
        ])
    }

    @Test func wrapsKeepingTheOperatorWithTheTermThatFollows() {
        #expect(draw(row, width: 16) == [
            "u 2      v 2",
            "▒ 0.50 + █1.00",
            "█-1.00    0.00",
            "     w 2",
            "   = █ 1.50",
            "     █-1.00",
        ])
    }

    @Test func termsShareOneHeaderHeightSoBodiesLineUp() {
        let captioned = EquationRow(items: [
            .term(Make.term("A", Matrix([[1, 2]]), caption: "a long caption here")), .op(.times),
            .term(Make.vector("b", [1, 0])),
        ])
        let lines = draw(captioned, width: 40)
        #expect(lines == [
            "A 1×2                 b 2",
            "a long caption here",
            "█1.00█2.00          · █1.00",
            "                       0.00",
        ])
    }

    @Test func theNoteFollowsTheRow() {
        var noted = row
        noted.note = "handed to step 2 as da_next<2>"
        #expect(draw(noted, width: 40).last == "(handed to step 2 as da_next<2>)")
    }

    @Test func aTermWiderThanTheLineShrinksToBlocks() {
        let wide = EquationRow(items: [.term(Make.term("W", Matrix([[0.5, -0.5, 1, -1, 0.25, 0.75]])))])
        let lines = draw(wide, width: 16)
        #expect(lines == ["W 1×6", " ▒-▒ █-█ ░ ▓"])
    }

    @Test func hiddenTermKeepsItsSizeAndShowsQuestionMarks() {
        let shown = EquationRow(items: [.term(Make.term("Wa", Matrix([[0.1, -0.2], [0.3, 0.4]]), colDivider: 1))])
        let hidden = EquationRow(items: [.term(Make.term("Wa", Matrix([[0.1, -0.2], [0.3, 0.4]]), revealed: false,
                                                          colDivider: 1))])
        let a = draw(shown, width: 30), b = draw(hidden, width: 30)
        #expect(b == ["Wa 2×2", "     ? │     ?", "     ? │     ?"])
        #expect(a.count == b.count && a.map { DisplayWidth.of($0) } == b.map { DisplayWidth.of($0) })
    }

    @Test func focusAndCursorAreVisibleWithoutColour() {
        let marked = EquationRow(items: [
            .term(Make.term("a", Matrix(column: [0.41, -0.2, 0.9]), focusEntry: MatrixIndex(row: 0, col: 0),
                            cursor: MatrixIndex(row: 2, col: 0))),
        ])
        #expect(draw(marked, width: 20) == ["•a 3", "• 0.41", "░-0.20", "▸ 0.90"])
    }
}

/// j/k scroll the panel: the window moves, the markers say how far, and it stops at the ends.
@Suite struct PanelScrollTests {
    @Test func scrollingMovesTheWindowAndClamps() throws {
        let state = ExplorerState(lesson: try FrameFixtures.lesson("big"))
        let size = Size(width: 80, height: 24)
        let top = FrameRenderer.render(state.viewModel(), size: size, depth: .none).plainText()
        #expect(!top.contains { $0.contains("⋮ ↑") })
        #expect(top.contains { $0.contains("⋮ ↓") && $0.contains("j k") })
        let down = FrameRenderer.render(state.after(.scrollDown).viewModel(), size: size, depth: .none).plainText()
        #expect(down.contains { $0.hasPrefix(" ⋮ ↑ 3") })
        var far = state
        for _ in 0..<100 { far.update(.scrollDown) }
        let bottom = FrameRenderer.render(far.viewModel(), size: size, depth: .none).plainText()
        #expect(!bottom.contains { $0.contains("⋮ ↓") })
        #expect(bottom.contains { $0.contains("⋮ ↑") })
    }
}
