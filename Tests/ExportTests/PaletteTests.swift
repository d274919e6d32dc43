import Export
import TextGrid
import Testing

@Suite struct PaletteTests {
    @Test func xtermIndicesAsRGB() {
        #expect(XtermPalette.rgb(0).description == "#000000")
        #expect(XtermPalette.rgb(12).description == "#5c5cff")
        #expect(XtermPalette.rgb(16).description == "#000000")
        #expect(XtermPalette.rgb(18).description == "#000087")
        #expect(XtermPalette.rgb(214).description == "#ffaf00")
        #expect(XtermPalette.rgb(231).description == "#ffffff")
        #expect(XtermPalette.rgb(232).description == "#080808")
        #expect(XtermPalette.rgb(255).description == "#eeeeee")
    }

    @Test func looksFollowTheTheme() {
        // a dark heat level: white text on dark blue (18), as the terminal shows it
        let dark = CellLook(Style(.normal, background: .heat(-6)))
        #expect(dark.foreground == XtermPalette.rgb(231) && dark.background == XtermPalette.rgb(18))
        // the terminal's own colours become the page's
        let plain = CellLook(.plain)
        #expect(plain.foreground == XtermPalette.defaultForeground && plain.background == XtermPalette.defaultBackground)
        let reversed = CellLook(Style(.focus, attributes: [.reverse, .bold]))
        #expect(reversed.background == XtermPalette.rgb(214) && reversed.foreground == XtermPalette.defaultBackground && reversed.bold)
    }

    @Test func noChromeDropsTheBarsAndThePadding() {
        var grid = Grid(width: 10, height: 8)
        grid.put("title", x: 0, y: 0)
        grid.put("one", x: 0, y: 2)
        grid.put("two", x: 0, y: 5, style: Style(.normal, background: .heat(2)))
        grid.put("keys", x: 0, y: 7)
        #expect(Chrome.trimmed(grid).plainText() == ["one", "", "two"])
    }
}
