import Testing
@testable import TextGrid

@Suite struct TextBlockTests {
    @Test func wrapsLatinAtSpaces() {
        #expect(TextBlock.wrap("the hidden state carries memory", width: 12) ==
            ["the hidden", "state", "carries", "memory"])
        #expect(TextBlock.wrap("the hidden state carries memory", width: 16) ==
            ["the hidden state", "carries memory"])
    }

    @Test func hardBreaksOverLongWords() {
        #expect(TextBlock.wrap("backpropagation through", width: 6) ==
            ["backpr", "opagat", "ion", "throug", "h"])
    }

    @Test func breaksBetweenCJKGlyphsAnywhere() {
        #expect(TextBlock.wrap("循环神经网络的隐藏状态", width: 9) == ["循环神经", "网络的隐", "藏状态"])
        #expect(TextBlock.wrap("RNN是循环网络", width: 7) == ["RNN是循", "环网络"])
        #expect(TextBlock.wrap("RNN是循环网络", width: 6) == ["RNN是", "循环网", "络"])
    }

    @Test func keepsInnerSpacesAndDropsThemAtAWrap() {
        #expect(TextBlock.wrap("a  b    c", width: 4) == ["a  b", "c"])
        #expect(TextBlock.wrap("", width: 4) == [])
        #expect(TextBlock.wrap("abc", width: 0) == [])
    }

    @Test func honoursNewlinesAndIndentation() {
        #expect(TextBlock.wrap("a<t> = tanh(z)\n\n  indented line", width: 40) ==
            ["a<t> = tanh(z)", "", "  indented line"])
    }

    @Test func drawReturnsLinesUsedAndClipsToTheRect() {
        var grid = Grid(width: 12, height: 3)
        let used = TextBlock("one two three four five", style: Style(.muted))
            .drawCounting(into: &grid, in: Rect(x: 1, y: 1, width: 9, height: 2))
        #expect(used == 2)
        #expect(grid.plainText() == ["", " one two", " three"])
        #expect(grid[1, 1].style.foreground == .muted)
    }
}

@Suite struct BoxTests {
    @Test func borderWithTitleClearsTheInside() {
        var grid = Grid(width: 14, height: 4, fill: Cell("x"))
        grid.draw(Box(title: "Help"), in: Rect(x: 1, y: 0, width: 12, height: 4))
        #expect(grid.plainText() == [
            "x┌─ Help ───┐x",
            "x│          │x",
            "x│          │x",
            "x└──────────┘x",
        ])
        #expect(grid[3, 0].style.foreground == .header)
        #expect(grid[1, 0].style.foreground == .border)
        #expect(Box.inner(Rect(x: 1, y: 0, width: 12, height: 4)) == Rect(x: 2, y: 1, width: 10, height: 2))
    }

    @Test func longTitleIsClippedBeforeTheCorner() {
        var grid = Grid(width: 8, height: 2)
        grid.draw(Box(title: "Inspect Wa"), in: grid.bounds)
        #expect(grid.plainText() == ["┌─ Insp┐", "└──────┘"])
    }

    @Test func centredOverlay() {
        var grid = Grid(width: 10, height: 5)
        let rect = grid.bounds.centered(Box.outerSize(Size(width: 2, height: 1)))
        grid.draw(Box(), in: rect)
        grid.put("ok", x: Box.inner(rect).x, y: Box.inner(rect).y)
        #expect(grid.plainText() == ["", "   ┌──┐", "   │ok│", "   └──┘", ""])
    }
}

@Suite struct SparklineTests {
    @Test func glyphsAndRange() {
        var grid = Grid(width: 30, height: 1)
        grid.draw(Sparkline([0, 1, 2, 3, 4, 5, 6, 7], highlight: 3), in: grid.bounds)
        #expect(grid.plainText() == ["▁▂▃▄▅▆▇█  0.00…7.00"])
        #expect(grid[3, 0].style.foreground == .focus)
        #expect(grid[2, 0].style.foreground == .accent)
        #expect(grid[10, 0].style.foreground == .muted)
    }

    @Test func showsTheLatestValuesWhenNarrowAndMarksNonFinite() {
        let spark = Sparkline([9, 9, 0, .nan, 1], range: 0...1, digits: 1)
        #expect(spark.naturalWidth == 14)
        var grid = Grid(width: 14, height: 3)
        grid.draw(spark, in: Rect(x: 0, y: 0, width: 14, height: 1))
        grid.draw(spark, in: Rect(x: 0, y: 1, width: 13, height: 1))
        grid.draw(spark, in: Rect(x: 0, y: 2, width: 3, height: 1))
        #expect(grid.plainText() == ["██▁?█  0.0…1.0", "██▁?█", "▁?█"])
        #expect(grid[3, 0].style.foreground == .nonFinite)
    }

    @Test func flatSeries() {
        #expect(Sparkline([2, 2]).glyph(2) == "▄")
    }

    /// On the log scale each decade is a step of glyphs: a vanishing tail (10⁻⁷) is not drawn
    /// as the zero it looks like on the linear scale; 0 itself is `·`; the range is compact.
    @Test func logScaleShowsAVanishingTail() {
        let decades = [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7]
        var grid = Grid(width: 30, height: 2)
        grid.draw(Sparkline(decades, scale: .log10), in: Rect(x: 0, y: 0, width: 30, height: 1))
        grid.draw(Sparkline(decades), in: Rect(x: 0, y: 1, width: 30, height: 1))
        #expect(grid.plainText() == ["█▇▆▅▄▃▂▁  1e-7…1", "█▂▁▁▁▁▁▁  1.0e-7…1.00"])
        #expect(Sparkline([2, 1e-6, 0], scale: .log10).values.map { Sparkline([2, 1e-6, 0], scale: .log10).glyph($0) } == ["█", "▁", "·"])
        #expect(Sparkline([2, 1e-6, 0], scale: .log10).rangeLabel == "1e-6…2")
    }
}

@Suite struct BarTests {
    @Test func eighthsOfACell() {
        #expect(Bar(value: 3.4, max: 10).glyphs(columns: 10) == "███▍      ")
        #expect(Bar(value: 10, max: 10).glyphs(columns: 4) == "████")
        #expect(Bar(value: 20, max: 10).glyphs(columns: 4) == "████")
        #expect(Bar(value: -1, max: 10).glyphs(columns: 3) == "   ")
        #expect(Bar(value: .nan, max: 10).glyphs(columns: 3) == nil)
    }

    @Test func drawsBarThenLabel() {
        var grid = Grid(width: 16, height: 2)
        grid.draw(Bar(value: 0.5, max: 1, label: "L=0.50"), in: Rect(x: 0, y: 0, width: 16, height: 1))
        grid.draw(Bar(value: .infinity, max: 1, barWidth: 3, label: "+Inf"), in: Rect(x: 0, y: 1, width: 16, height: 1))
        #expect(grid.plainText() == ["████▌     L=0.50", "?   +Inf"])
        #expect(grid[0, 0].style.foreground == .accent)
        #expect(grid[0, 1].style.foreground == .nonFinite)
    }
}

@Suite struct PrintingTests {
    @Test func ansi256UsesPaletteIndicesAndResetsEachLine() {
        var grid = Grid(width: 6, height: 2)
        grid.put("ab", x: 0, y: 0, style: Style(.normal, background: .heat(6)))
        grid.put("c", x: 2, y: 0)
        grid.put("中", x: 0, y: 1, style: Style(.accent, attributes: [.bold]))
        #expect(grid.ansiText(depth: .ansi256) == [
            "\u{1B}[0;38;5;231;48;5;130mab\u{1B}[0mc\u{1B}[0m",
            "\u{1B}[0;1;38;5;75m中\u{1B}[0m",
        ])
    }

    @Test func ansi8UsesBasicCodesAndNoneOnlyAttributes() {
        var grid = Grid(width: 4, height: 1)
        grid.put("x", x: 0, y: 0, style: Style(.normal, background: .heat(-6)))
        grid.put("y", x: 1, y: 0, style: Style(.muted, attributes: [.underline]))
        #expect(grid.ansiText(depth: .ansi8) == ["\u{1B}[0;37;44mx\u{1B}[0;2;4my\u{1B}[0m"])
        #expect(grid.ansiText(depth: .none) == ["x\u{1B}[0;4my\u{1B}[0m"])
    }

    @Test func plainTextHasNoEscapeAndKeepsHeatmapsReadable() {
        var grid = Grid(width: 20, height: 3)
        grid.draw(Heatmap.vector("by", [1, -1], depth: .none), in: grid.bounds)
        let text = grid.plainText()
        #expect(text == ["by  2  ±1.00", "█ 1.00", "█-1.00"])
        #expect(!text.joined().unicodeScalars.contains("\u{1B}"))
        #expect(grid.plainString() == "by  2  ±1.00\n█ 1.00\n█-1.00")
    }

    @Test func themeResolvesContrastOnHeat() {
        let theme = Theme.standard
        #expect(theme.resolve(Style(background: .heat(0)), depth: .ansi256) ==
            ResolvedStyle(foreground: .index(16), background: .index(255), attributes: []))
        #expect(theme.resolve(Style(background: .heat(-5)), depth: .ansi256).foreground == .index(231))
        #expect(theme.resolve(Style(background: .heat(3)), depth: .ansi256).background == .index(215))
        #expect(theme.resolve(Style(background: .heat(0)), depth: .ansi8) == .plain)
        #expect(theme.resolve(Style(.error, background: .heat(4)), depth: .none) == .plain)
    }
}
