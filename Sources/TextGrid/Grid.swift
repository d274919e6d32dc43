import TextBasics

/// A rectangle of cells that widgets write into, printable as plain text (`plainText()`)
/// or ANSI text (`ansiText(depth:theme:)`), and drawn on screen by the `Terminal` target.
///
/// Coordinates are absolute: (0, 0) is the top-left cell. Every write clips to the grid and
/// to an optional `clip` rectangle, so a widget given a `Rect` can never draw outside it.
/// Wide glyphs are never split: a write that would leave half of one behind blanks the
/// other half, and a wide glyph that would straddle the clip edge becomes a space.
public struct Grid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        let filler = fill.width == 1 ? fill : Cell.blank
        cells = Array(repeating: filler, count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes one cell (narrow or wide lead) at (x, y), keeping wide glyphs whole. A wide
    /// cell whose right half falls outside `clip` (or the grid) is written as a space.
    public mutating func set(_ cell: Cell, x: Int, y: Int, clip: Rect? = nil) {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard area.contains(x: x, y: y) else { return }
        var cell = cell
        if cell.width <= 0 { return }  // continuation cells are written only with their lead
        if cell.width >= 2 && !area.contains(x: x + 1, y: y) {
            cell = Cell.blank(cell.style)
        }
        breakWide(x: x, y: y)
        if cell.width >= 2 {
            breakWide(x: x + 1, y: y)
            cells[y * width + x] = Cell(cell.text, width: 2, style: cell.style)
            cells[y * width + x + 1] = .continuation(cell.style)
        } else {
            cells[y * width + x] = Cell(cell.text, width: 1, style: cell.style)
        }
    }

    /// Writes `text` from (x, y) on one line, clipped to the grid and `clip`. Control
    /// characters (newline included) print as `?`; zero-width graphemes are dropped.
    /// - Returns: the column after the last one written (or that would have been written).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain,
                             clip: Rect? = nil) -> Int {
        var column = x
        if DisplayWidth.isPrintableASCII(text) {   // one cell per byte
            for byte in text.utf8 {
                set(Cell(String(UnicodeScalar(byte)), width: 1, style: style), x: column, y: y, clip: clip)
                column += 1
            }
            return column
        }
        for character in text {
            let safe = DisplayWidth.sanitized(character)
            let w = DisplayWidth.of(safe)
            if w == 0 { continue }
            set(Cell(String(safe), width: w, style: style), x: column, y: y, clip: clip)
            column += w
        }
        return column
    }

    /// Fills `rect` (clipped to the grid) with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let safe = DisplayWidth.sanitized(character)
        let w = max(1, DisplayWidth.of(safe))
        for row in area.y..<area.maxY {
            var column = area.x
            while column < area.maxX {
                set(Cell(String(safe), width: w, style: style), x: column, y: row, clip: area)
                column += w
            }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the text (e.g. to highlight a row).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                change(&cells[row * width + column].style)
            }
        }
    }

    /// Draws `widget` inside `rect` (the widget clips itself to `rect`).
    public mutating func draw(_ widget: some Widget, in rect: Rect) {
        widget.draw(into: &self, in: rect)
    }

    /// If (x, y) is half of a wide glyph, turns the other half into a space.
    private mutating func breakWide(x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(cell.style)
        } else if cell.width == 2, x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
            cells[index] = .blank(cell.style)
        }
    }
}

/// Anything that draws itself into a rectangle of a grid, writing cells only.
public protocol Widget {
    /// Draws into `grid`, never outside `rect`.
    func draw(into grid: inout Grid, in rect: Rect)
}
