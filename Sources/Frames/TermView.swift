import Explorer
import TextGrid
import TextBasics

/// One quantity of an equation: a label line (`Wa 2×3`, `z<2> 3` for a vector), caption lines (`[Waa | Wax]`,
/// and `±0.90`, the colour range, when `showScale`), then the heatmap body.
///
/// Marks visible without colour: the slide's focus entry has `•` in its first column, the
/// inspect cursor `▸` (the cursor wins when both fall on one entry), an entry the student
/// edited `✎` (under the other two); a focused term's label
/// starts with `•`. A hidden term (`revealed == false`) keeps its size and shows `?` in
/// every entry, so the equation keeps its shape.
struct TermView {
    static let focusMark = "•"
    static let cursorMark = "▸"
    static let editMark = "✎"

    let term: Term
    let heatmap: Heatmap
    /// How the heatmap fits its room (computed once: it formats every number).
    let fit: Heatmap.Layout
    /// Columns per entry in `fit.mode`.
    let entryWidth: Int

    /// A stacked input (`[a<t-1>; x<t>]`) drawn lying, as one line of numbers (numpy prints a
    /// vector so), to make a gate's row as short as its W (`PanelView`'s densest layout).
    let lying: Bool

    /// Whether `term` can be drawn lying: a stacked input, a column vector with a divider.
    static func canLie(_ term: Term) -> Bool { term.values.cols == 1 && term.rowDivider != nil && term.kind != .transposed }

    /// A term given `maxWidth` columns and `maxBodyHeight` value lines; bodies that do not
    /// fit shrink (numbers → blocks → truncation, rows cut with `…+N rows`). `lying`: a stacked
    /// input is drawn as a row (its entry i in column i, the divider after n_a columns).
    init(_ term: Term, digits: Int, depth: ColorDepth, maxWidth: Int, maxBodyHeight: Int, lying: Bool = false) {
        self.term = term
        let lie = lying && Self.canLie(term)
        self.lying = lie
        func index(_ i: MatrixIndex) -> Heatmap.Index { lie ? Heatmap.Index(row: i.col, col: i.row) : Heatmap.Index(row: i.row, col: i.col) }
        var map = Heatmap(title: "", rows: lie ? 1 : term.values.rows, cols: lie ? term.values.rows : term.values.cols,
                          values: term.values.values,
                          digits: digits, columnDivider: lie ? term.rowDivider : term.colDivider, rowDivider: lie ? nil : term.rowDivider,
                          focus: term.focusEntry.map(index),
                          cursor: term.cursor.map(index),
                          scale: HeatScale(maxAbs: term.scale), depth: depth)
        map.rowLabels = term.rowLabels
        map.showShape = false
        map.showLegend = false
        heatmap = map
        fit = map.layout(fitting: Size(width: max(1, maxWidth), height: max(2, maxBodyHeight + 1)))
        entryWidth = map.entryWidth(fit.mode)
    }

    /// Where the term goes and how much of it shows.
    struct Measured {
        var layout: Heatmap.Layout
        var width: Int
        var header: [String]
        var inline: Bool
        var bodyHeight: Int { max(1, layout.size.height - 1) }
    }

    /// `7` for a column vector (as in the notes' table), else `rows×cols`.
    var shape: String { term.sizeHidden ? "?" : term.values.cols == 1 ? "\(term.values.rows)" : term.shape }

    /// The label with its caption when they read as one line: `Wa = [Waa | Wax]`,
    /// `Δdba<3> = dz<3>`, `dba, sum of steps 4…3`.
    var inlineLabel: String {
        guard let caption = term.caption else { return term.label }
        let joint = caption.hasPrefix("=") ? " " : caption.hasPrefix("[") ? " = " : ", "
        return term.label + joint + caption
    }

    func labelLine(inline: Bool) -> String {
        (term.focused ? Self.focusMark : "") + (inline ? inlineLabel : term.label) + " " + shape
    }

    var scaleText: String? {
        term.revealed ? heatmap.effectiveScale.legend(digits: heatmap.digits) : nil
    }

    /// The term's size within `maxWidth` columns, with a `±range` line when `showScale`. The
    /// caption joins the label line when that does not widen the term, else it gets lines
    /// of its own.
    func measure(maxWidth: Int, showScale: Bool) -> Measured {
        let layout = fit
        let inline = term.caption != nil && DisplayWidth.of(labelLine(inline: true)) <= layout.size.width
        let label = labelLine(inline: inline)
        var width = max(layout.size.width, DisplayWidth.of(label))
        var header = [TextFit.truncate(label, to: maxWidth)]
        let rest = [inline ? nil : term.caption, showScale ? scaleText : nil].compactMap { $0 }
        if !rest.isEmpty {
            let caption = rest.joined(separator: "  ")
            width = max(width, min(DisplayWidth.of(caption), 24))
            width = min(width, max(1, maxWidth))
            header += Self.numbersKeptWithTheirWord(TextBlock.wrap(caption, width: width), width: width)
        }
        return Measured(layout: layout, width: min(width, max(1, maxWidth)), header: header, inline: inline)
    }

    /// Wrapped caption lines where no line is a number alone: `after step` / `1` becomes
    /// `after` / `step 1` (the word before moves down when the line has room).
    static func numbersKeptWithTheirWord(_ lines: [String], width: Int) -> [String] {
        var lines = lines
        for i in lines.indices.dropFirst() {
            let line = lines[i]
            guard !line.contains(" "), line.first?.isNumber == true,
                  let space = lines[i - 1].lastIndex(of: " ") else { continue }
            let word = lines[i - 1][lines[i - 1].index(after: space)...]
            guard DisplayWidth.of(word + " " + line) <= width else { continue }
            lines[i] = word + " " + line
            lines[i - 1] = String(lines[i - 1][..<space])
        }
        return lines
    }

    /// Draws the label and caption from `y`, and the body from `bodyY`.
    func draw(into grid: inout Grid, x: Int, y: Int, bodyY: Int, measured m: Measured) {
        let labelStyle = term.focused ? Style(.focus, attributes: [.bold, .underline]) : Style(.header, attributes: [.bold])
        let clip = Rect(x: x, y: y, width: m.width, height: 1)
        let label = (term.focused ? Self.focusMark : "") + (m.inline ? inlineLabel : term.label)
        let end = grid.put(label, x: x, y: y, style: labelStyle, clip: clip)
        grid.put(" " + shape, x: end, y: y, style: Style(.muted), clip: clip)
        for (i, line) in m.header.dropFirst().enumerated() {
            grid.put(line, x: x, y: y + 1 + i, style: Style(.muted))
        }
        let body = Rect(x: x, y: bodyY - 1, width: m.width, height: m.layout.size.height)
        if term.revealed {
            heatmap.draw(into: &grid, in: body)
            drawMasks(into: &grid, x: x, y: bodyY, layout: m.layout)
            drawMarks(into: &grid, x: x, y: bodyY, layout: m.layout)
        } else {
            drawPlaceholder(into: &grid, x: x, y: bodyY, layout: m.layout)
        }
    }

    /// The offset of entry (r, c) from the body's top-left, or nil when it is not shown.
    func offset(row: Int, col c: Int, layout: Heatmap.Layout) -> (x: Int, y: Int)? {
        let r = row - layout.firstRow   // rows above a window are not shown
        guard r >= 0, c >= 0, r < layout.visibleRows, c < layout.visibleColumns else { return nil }
        var dx = heatmap.gutter + c * entryWidth
        if let k = heatmap.columnDivider, k > 0, k < heatmap.cols, k < layout.visibleColumns, c >= k {
            dx += layout.mode == .numbers ? 2 : 1
        }
        var dy = r
        if let k = heatmap.rowDivider, k > 0, k < heatmap.rows, k < layout.visibleRows, r >= k { dy += 1 }
        return (dx, dy)
    }

    private func drawMarks(into grid: inout Grid, x: Int, y: Int, layout: Heatmap.Layout) {
        for i in term.edited {   // the student's edits; the focus and the cursor are drawn over them
            guard let o = lying ? offset(row: i.col, col: i.row, layout: layout) : offset(row: i.row, col: i.col, layout: layout) else { continue }
            var style = grid[x + o.x, y + o.y].style
            style.attributes.insert(.bold)
            grid.set(Cell(Self.editMark, style: style), x: x + o.x, y: y + o.y)
        }
        for (index, mark, role) in [(heatmap.focus, Self.focusMark, ColorRole.focus),
                                    (heatmap.cursor, Self.cursorMark, ColorRole.cursor)] {
            guard let i = index, let o = offset(row: i.row, col: i.col, layout: layout) else { continue }
            var style = grid[x + o.x, y + o.y].style
            if role == .focus { style.foreground = .focus }
            style.attributes.insert(.bold)
            grid.set(Cell(mark, style: style), x: x + o.x, y: y + o.y)
        }
    }

    /// The open question's entry where another term draws it: blank, with `?` where its number ends.
    private func drawMasks(into grid: inout Grid, x: Int, y: Int, layout: Heatmap.Layout) {
        for i in term.masked {
            guard let o = lying ? offset(row: i.col, col: i.row, layout: layout) : offset(row: i.row, col: i.col, layout: layout) else { continue }
            for dx in 0..<entryWidth { grid.set(Cell(" "), x: x + o.x + dx, y: y + o.y) }
            grid.put("?", x: x + o.x + entryWidth - 1, y: y + o.y, style: Style(.muted, attributes: [.bold]))
        }
    }

    private func drawPlaceholder(into grid: inout Grid, x: Int, y: Int, layout: Heatmap.Layout) {
        let entry = entryWidth
        let muted = Style(.muted)
        for r in layout.firstRow..<(layout.firstRow + layout.visibleRows) {
            for c in 0..<layout.visibleColumns {
                guard let o = offset(row: r, col: c, layout: layout) else { continue }
                grid.put("?", x: x + o.x + entry - 1, y: y + o.y, style: muted)
                if let k = heatmap.columnDivider, c == k, o.x > 0 {
                    grid.put("│", x: x + o.x - 1, y: y + o.y, style: Style(.border))
                }
            }
            if let k = heatmap.rowDivider, r + 1 == k, k < layout.visibleRows,
               let o = offset(row: r, col: 0, layout: layout) {
                let width = heatmap.bodyWidth(layout.mode, columns: layout.visibleColumns)
                grid.put(String(repeating: "─", count: width), x: x, y: y + o.y + 1, style: Style(.border))
            }
        }
        if layout.visibleColumns < heatmap.cols, let o = offset(row: layout.firstRow, col: layout.visibleColumns - 1, layout: layout) {
            grid.put("…+\(heatmap.cols - layout.visibleColumns)", x: x + o.x + entry, y: y, style: muted)
        }
    }
}
