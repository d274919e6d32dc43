import Testing
@testable import TextGrid

@Suite struct GridTests {
    @Test func putWritesTextAndReturnsNextColumn() {
        var grid = Grid(width: 10, height: 2)
        let end = grid.put("abc", x: 2, y: 1)
        #expect(end == 5)
        #expect(grid.plainText() == ["", "  abc"])
    }

    @Test func putClipsAtTheRightEdge() {
        var grid = Grid(width: 5, height: 1)
        grid.put("abcdefgh", x: 2, y: 0)
        #expect(grid.plainText() == ["  abc"])
    }

    @Test func wideGlyphsTakeTwoCellsAndPrintOnce() {
        var grid = Grid(width: 8, height: 1)
        let end = grid.put("a中文b", x: 0, y: 0)
        #expect(end == 6)
        #expect(grid[1, 0].width == 2)
        #expect(grid[2, 0].isContinuation)
        #expect(grid.plainText() == ["a中文b"])
    }

    @Test func wideGlyphStraddlingTheEdgeBecomesASpace() {
        var grid = Grid(width: 4, height: 1)
        grid.put("ab中", x: 1, y: 0)  // 中 would need columns 3 and 4
        #expect(grid.plainText() == [" ab"])
        #expect(grid[3, 0].text == " ")
        #expect(grid[3, 0].width == 1)
    }

    @Test func wideGlyphStraddlingAClipRectBecomesASpace() {
        var grid = Grid(width: 10, height: 1, fill: Cell("."))
        grid.put("中文字", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        #expect(grid.plainText() == ["中文 ....."])
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("中文", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)  // right half of 中
        #expect(grid.plainText() == [" x文"])
        grid.put("y", x: 2, y: 0)  // left half of 文
        #expect(grid.plainText() == [" xy"])
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func controlCharactersNeverEnterTheGrid() {
        var grid = Grid(width: 12, height: 1)
        grid.put("a\u{1B}[31mb\tc\u{85}", x: 0, y: 0)
        #expect(grid.plainText() == ["a?[31mb?c?"])
        #expect(!grid.plainString().contains("\u{1B}"))
    }

    @Test func combiningMarksStayWithTheirBase() {
        var grid = Grid(width: 5, height: 1)
        let end = grid.put("e\u{301}x", x: 0, y: 0)
        #expect(end == 2)
        #expect(grid.plainText() == ["e\u{301}x"])
    }

    @Test func fillAndRestyle() {
        var grid = Grid(width: 5, height: 3)
        grid.fill(Rect(x: 1, y: 1, width: 3, height: 5), with: "#", style: Style(.accent))
        #expect(grid.plainText() == ["", " ###", " ###"])
        #expect(grid[2, 2].style.foreground == .accent)
        grid.restyle(Rect(x: 0, y: 1, width: 5, height: 1)) { $0.attributes.insert(.bold) }
        #expect(grid[3, 1].style.attributes == [.bold])
        #expect(grid[3, 2].style.attributes == [])
    }

    @Test func rectHelpers() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(r.centered(Size(width: 20, height: 10)) == Rect(x: 30, y: 7, width: 20, height: 10))
        #expect(r.centered(Size(width: 100, height: 5)) == Rect(x: 0, y: 9, width: 80, height: 5))
        let (top, rest) = r.splitTop(3)
        #expect(top == Rect(x: 0, y: 0, width: 80, height: 3))
        #expect(rest == Rect(x: 0, y: 3, width: 80, height: 21))
        #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(r.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
    }
}
