@testable import Explorer
@testable import Frames
import Foundation
import RNNCore
import TextGrid
import Testing

/// The colour roles of the cells that matter, drawn at 256 colours.
@Suite struct ColourRoleTests {
    /// Draws one term and returns the grid and the top-left of its body.
    func draw(_ term: Term, depth: ColorDepth = .ansi256) -> Grid {
        let row = EquationRow(items: [.term(term)])
        let layout = EquationLayout(row, width: 40, maxBodyHeight: 10, digits: 2, depth: depth, showScale: false)
        var grid = Grid(width: 40, height: layout.size.height)
        layout.draw(into: &grid, x: 0, y: 0)
        return grid
    }

    func level(_ cell: Cell) -> Int? {
        if case .heat(let l) = cell.style.background { return l }
        return nil
    }

    @Test func signsGiveHeatLevelsOfTheSameSign() {
        let grid = draw(Make.term("v", Matrix(column: [0.8, -0.8, 0])))
        // body starts on line 1; the number's last cell carries the entry's background
        #expect((level(grid[5, 1]) ?? 0) > 0)
        #expect((level(grid[5, 2]) ?? 0) < 0)
        #expect(level(grid[5, 3]) == 0)
    }

    @Test func nonFiniteValuesHaveTheirOwnRole() {
        let grid = draw(Make.term("v", Matrix(column: [.nan, .infinity, -.infinity, 0.5])))
        let lines = draw(Make.term("v", Matrix(column: [.nan, .infinity, -.infinity, 0.5])), depth: .none).plainText()
        #expect(lines == ["v 4", "  NaN", " +Inf", " -Inf", "▒0.50"])
        for y in 1...3 { #expect(grid[4, y].style.background == .nonFinite) }
        #expect(grid[4, 4].style.background != .nonFinite)
    }

    @Test func focusAndCursorEntriesAreStyledAndMarked() {
        let term = Make.term("v", Matrix(column: [0.1, 0.2, 0.3]), focusEntry: MatrixIndex(row: 0, col: 0),
                             cursor: MatrixIndex(row: 2, col: 0))
        let grid = draw(term)
        #expect(grid[0, 1].text == "•" && grid[0, 1].style.foreground == .focus)
        #expect(grid[4, 1].style.attributes.contains(.underline))
        #expect(grid[0, 3].text == "▸" && grid[4, 3].style.attributes.contains(.reverse))
        #expect(grid[0, 0].text == "•" && grid[0, 0].style.foreground == .focus)  // the focused label
    }

    @Test func hiddenEntriesHaveNoHeat() {
        let grid = draw(Make.term("v", Matrix(column: [0.9, -0.9]), revealed: false))
        for y in 1...2 {
            for x in 0..<6 { #expect(level(grid[x, y]) == nil) }
        }
    }

    @Test func aWholeFrameAt256ColoursKeepsTheRolesOfItsEntries() throws {
        let state = try FrameFixtures.state().after(.nextSlide)
        let grid = FrameRenderer.render(state.viewModel(), size: Size(width: 120, height: 40), depth: .ansi256)
        var levels = Set<Int>()
        for y in 0..<grid.height {
            for x in 0..<grid.width { if let l = level(grid[x, y]) { levels.insert(l.signum()) } }
        }
        #expect(levels == [-1, 0, 1])
        // the focus entry a<2>[0] is marked with • in the focus colour
        let marks = (0..<grid.height).flatMap { y in (0..<grid.width).map { grid[$0, y] } }
            .filter { $0.text == "•" && $0.style.foreground == .focus }
        #expect(marks.count >= 2)
    }
}
