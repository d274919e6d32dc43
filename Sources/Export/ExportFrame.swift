import TextGrid

/// One frame to export: the grid the explorer would draw, and what a page shows beside it.
/// Export knows cells and colours, not lessons: the caller says which slide a frame
/// belongs to and gives the slide's text.
public struct ExportFrame: Sendable {
    public var grid: Grid
    /// The slide the frame belongs to (1-based), nil for a lesson without slides.
    public var slide: Int?
    /// A short label of where the frame is, e.g. `slide 2 / 7 · forward t = 3 / 5`.
    public var label: String
    /// The slide's text, question and choices, as plain text (lines; blank lines between paragraphs).
    public var text: String

    public init(grid: Grid, slide: Int?, label: String, text: String) {
        self.grid = grid; self.slide = slide; self.label = label; self.text = text
    }
}

/// Trimming a frame for embedding (`--no-chrome`).
public enum Chrome {
    /// `grid` without its first line (the title bar) and its last line (the key bar), with
    /// runs of blank lines squeezed to one and no blank lines at the top or bottom: the frame
    /// without the padding that fills a terminal's height.
    public static func trimmed(_ grid: Grid) -> Grid {
        guard grid.height > 2 else { return grid }
        func blank(_ y: Int) -> Bool {
            (0..<grid.width).allSatisfy { x in
                let c = grid[x, y]
                return c.isContinuation || (c.text == " " && c.style.background == .normal && !c.style.attributes.contains(.reverse))
            }
        }
        var rows: [Int] = []
        for y in 1..<(grid.height - 1) {
            if blank(y) && (rows.last.map(blank) ?? true) { continue }
            rows.append(y)
        }
        while let last = rows.last, blank(last) { rows.removeLast() }
        var out = Grid(width: grid.width, height: max(rows.count, 1))
        for (i, y) in rows.enumerated() {
            for x in 0..<grid.width where !grid[x, y].isContinuation {
                out.set(grid[x, y], x: x, y: i)
            }
        }
        return out
    }
}
