import TextGrid

/// One frame as an SVG picture on an exact cell grid: a `<rect>` for each run of a background
/// colour, and each run of text of one look as a `<text>` whose `x` list places every
/// character at its own cell (a wide character takes two), so the picture keeps the columns
/// in any font. Text has no spaces inside: a gap is a jump in the `x` list.
public enum SVGPicture {
    /// Cell width and row height in user units, and the font size; the baseline sits at `baseline` in a row.
    public static let cellWidth = 9
    public static let rowHeight = 18
    public static let fontSize = 15
    public static let baseline = 14

    public static func make(_ grid: Grid, theme: Theme = .standard) -> String {
        let w = grid.width * cellWidth, h = grid.height * rowHeight
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
        font-family="DejaVu Sans Mono, Liberation Mono, Menlo, Consolas, monospace" font-size="\(fontSize)">
        <rect width="\(w)" height="\(h)" fill="\(XtermPalette.defaultBackground)"/>

        """
        for y in 0..<grid.height {
            out += backgrounds(grid, y, theme: theme)
        }
        for y in 0..<grid.height {
            out += texts(grid, y, theme: theme)
        }
        return out + "</svg>\n"
    }

    static func backgrounds(_ grid: Grid, _ y: Int, theme: Theme) -> String {
        var out = ""
        var x = 0
        while x < grid.width {
            let bg = CellLook(grid[x, y].style, theme: theme).background
            var end = x + 1
            while end < grid.width, CellLook(grid[end, y].style, theme: theme).background == bg { end += 1 }
            if bg != XtermPalette.defaultBackground {
                out += "<rect x=\"\(x * cellWidth)\" y=\"\(y * rowHeight)\" width=\"\((end - x) * cellWidth)\" height=\"\(rowHeight)\" fill=\"\(bg)\"/>\n"
            }
            x = end
        }
        return out
    }

    static func texts(_ grid: Grid, _ y: Int, theme: Theme) -> String {
        var out = ""
        var run: (look: CellLook, xs: [Int], text: String)?
        func flush() {
            guard let r = run, !r.text.isEmpty else { run = nil; return }
            var attrs = "fill=\"\(r.look.foreground)\""
            if r.look.bold { attrs += " font-weight=\"bold\"" }
            if r.look.underline { attrs += " text-decoration=\"underline\"" }
            let xs = r.xs.map { String($0 * cellWidth) }.joined(separator: " ")
            out += "<text x=\"\(xs)\" y=\"\(y * rowHeight + baseline)\" \(attrs)>\(Markup.escape(r.text))</text>\n"
            run = nil
        }
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.isContinuation { continue }
            if cell.text == " " || cell.text.isEmpty {
                if let look = run?.look, CellLook(cell.style, theme: theme) != look { flush() }
                continue
            }
            let look = CellLook(cell.style, theme: theme)
            if run?.look != look { flush(); run = (look, [], "") }
            // SVG's x list counts UTF-16 code units: every unit of the grapheme gets its cell's x
            for _ in cell.text.utf16 { run?.xs.append(x) }
            run?.text += cell.text
        }
        flush()
        return out
    }
}
