import TextBasics

/// A matrix drawn as a heatmap: a title line, then one line per row, each entry on a
/// heat background (blue < 0 < orange), optionally with its number.
///
/// ```
/// Wa = [Waa | Wax]  2×3  ±0.90
///   0.12 -0.50 │  0.90
///  -0.90  0.00 │   NaN
/// ```
/// Title line: `title`, then (if `showShape`) `rows×cols`, then (if `showLegend`) the
/// range `±maxAbs`, separated by two spaces. A column divider is ` │` (`│` in block
/// modes); a row divider is a line of `─` with `┼` where it crosses the column divider.
///
/// **Modes**, tried in order until the body fits the width of the rect (see `layout`):
/// 1. `.numbers`: each entry is one separator column plus its number right-aligned to the
///    widest number (`digits` decimals, `-` sign, `NaN`, `+Inf`, `-Inf`).
/// 2. `.blocks2`: two columns per entry, colour only, no numbers.
/// 3. `.blocks1`: one column per entry (skipped at `ColorDepth.none`, where a sign needs
///    a column of its own).
/// If the last mode is still too wide, the columns that fit are shown followed by `…+N`
/// on the first row (N hidden columns). If the rect is too short, the rows that fit are
/// shown and the last line says `…+N rows`.
///
/// **Colour depth** (`depth`) is the widget's concern, not the printer's: at `.none`
/// there are no backgrounds, so magnitude is drawn with shade glyphs ` ░▒▓█`
/// (`HeatScale.shade`): in `.numbers` the separator column shows the shade, in `.blocks2`
/// an entry is its sign (`-` or space) and a shade glyph. Draw with the depth you print.
///
/// **Marks:** `focus` (the highlighted entry) is bold + underlined; `cursor` is reversed +
/// bold; in block modes with colour they also show `•` and `◆`. NaN and ±Inf use the
/// `.nonFinite` background. Missing values (fewer than rows·cols) count as NaN.
public struct Heatmap: Widget, Sendable {
    public enum Mode: CaseIterable, Hashable, Sendable { case numbers, blocks2, blocks1 }

    /// A (row, column) position in the matrix, 0-based.
    public struct Index: Hashable, Sendable {
        public var row: Int
        public var col: Int
        public init(row: Int, col: Int) {
            self.row = row
            self.col = col
        }
    }

    /// What `layout(fitting:)` decided.
    public struct Layout: Hashable, Sendable {
        public var mode: Mode
        /// Matrix columns drawn (the rest are summarised by `…+N`).
        public var visibleColumns: Int
        /// Matrix rows drawn (the rest are summarised by `…+N rows`).
        public var visibleRows: Int
        /// The first row drawn: 0, or later so the cursor (else the focus) is in view when
        /// not every row fits (only without a row divider).
        public var firstRow: Int = 0
        /// The cells the widget will use (title line included).
        public var size: Size
    }

    public var title: String
    public var rows: Int
    public var cols: Int
    /// Row-major values: entry (r, c) is `values[r * cols + c]`.
    public var values: [Double]
    public var digits: Int = 2
    /// Draw a vertical divider after this many columns (e.g. `n_a` for `[Waa | Wax]`).
    public var columnDivider: Int?
    /// Draw a horizontal divider after this many rows.
    public var rowDivider: Int?
    public var focus: Index?
    public var cursor: Index?
    /// The colour range; nil means "cover this matrix's finite values".
    public var scale: HeatScale?
    public var depth: ColorDepth = .ansi256
    /// A label before each row (a vector over a vocabulary: `a`, `b`, … `⏎`), or nil.
    public var rowLabels: [String]?
    /// Columns taken by the row labels (the widest label and a space), 0 without labels.
    public var gutter: Int { rowLabels.map { ($0.map { DisplayWidth.of($0) }.max() ?? 0) + 1 } ?? 0 }
    public var showShape = true
    /// The shape shown on the title line; nil means `rows×cols` (vectors show `n`).
    public var shapeLabel: String?
    public var showLegend = true
    public var titleStyle = Style(.header, attributes: [.bold])

    public init(title: String, rows: Int, cols: Int, values: [Double], digits: Int = 2,
                columnDivider: Int? = nil, rowDivider: Int? = nil,
                focus: Index? = nil, cursor: Index? = nil, scale: HeatScale? = nil,
                depth: ColorDepth = .ansi256) {
        self.title = title
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        self.values = values
        self.digits = digits
        self.columnDivider = columnDivider
        self.rowDivider = rowDivider
        self.focus = focus
        self.cursor = cursor
        self.scale = scale
        self.depth = depth
    }

    /// A vector as a vertical column (n×1, shape shown as `n`), e.g. `Heatmap.vector("a<t>", a)`.
    public static func vector(_ label: String, _ values: [Double], digits: Int = 2,
                              focus: Int? = nil, cursor: Int? = nil, scale: HeatScale? = nil,
                              depth: ColorDepth = .ansi256) -> Heatmap {
        var map = Heatmap(title: label, rows: values.count, cols: 1, values: values, digits: digits,
                          focus: focus.map { Index(row: $0, col: 0) },
                          cursor: cursor.map { Index(row: $0, col: 0) }, scale: scale, depth: depth)
        map.shapeLabel = "\(values.count)"
        return map
    }

    // MARK: Measuring

    /// The effective colour range.
    public var effectiveScale: HeatScale { scale ?? HeatScale(covering: values) }

    /// The title line text.
    public var titleLine: String {
        var parts = [title]
        if showShape { parts.append(shapeLabel ?? "\(rows)×\(cols)") }
        if showLegend { parts.append(effectiveScale.legend(digits: digits)) }
        return parts.filter { !$0.isEmpty }.joined(separator: "  ")
    }

    /// The value at (row, col); NaN when missing.
    public func value(row: Int, col: Int) -> Double {
        let i = row * cols + col
        return i >= 0 && i < values.count ? values[i] : .nan
    }

    /// The modes this widget may use at its depth, widest first.
    public var modes: [Mode] { depth == .none ? [.numbers, .blocks2] : Mode.allCases }

    /// Columns taken by one entry in `mode`.
    public func entryWidth(_ mode: Mode) -> Int {
        switch mode {
        case .numbers:
            return Self.widestNumber(values, count: rows * cols, digits: digits) + 1
        case .blocks2: return 2
        case .blocks1: return 1
        }
    }

    /// The widest `NumberFormat.format` text among the first `count` values (missing ones
    /// count as NaN). A fixed-point number's text grows with its magnitude, so only the
    /// largest value of each sign is formatted; so is the largest huge one (`7.40e+307`: its
    /// exponent grows with it) and the smallest tiny one (`3.0e-11`: its exponent's digits
    /// grow as it shrinks) of each sign: layout stays cheap for big matrices.
    static func widestNumber(_ values: [Double], count: Int, digits: Int) -> Int {
        var widest = count > values.count ? 3 : 1
        var largestPositive = -1.0
        var largestNegative = -1.0
        var tiny = 0.5
        for _ in 0..<min(max(digits, 0), 9) { tiny /= 10 }
        // magnitudes by sign (index 0 positive, 1 negative): largest huge, smallest tiny
        var huge = [-1.0, -1.0], smallest = [Double.infinity, .infinity]
        for v in values.prefix(max(0, count)) {
            if !v.isFinite {
                widest = max(widest, v.isNaN ? 3 : 4)   // NaN, +Inf, -Inf
            } else if abs(v) >= 1e15 {
                huge[v < 0 ? 1 : 0] = max(huge[v < 0 ? 1 : 0], abs(v))
            } else if v != 0 && abs(v) < tiny {
                smallest[v < 0 ? 1 : 0] = min(smallest[v < 0 ? 1 : 0], abs(v))
            } else if v < 0 {
                largestNegative = max(largestNegative, -v)
            } else {
                largestPositive = max(largestPositive, v)
            }
        }
        if largestPositive >= 0 { widest = max(widest, NumberFormat.format(largestPositive, digits: digits).count) }
        if largestNegative >= 0 { widest = max(widest, NumberFormat.format(-largestNegative, digits: digits).count) }
        for (k, sign) in [1.0, -1.0].enumerated() {
            if huge[k] >= 0 { widest = max(widest, NumberFormat.format(sign * huge[k], digits: digits).count) }
            if smallest[k].isFinite { widest = max(widest, NumberFormat.format(sign * smallest[k], digits: digits).count) }
        }
        return widest
    }

    private func dividerWidth(_ mode: Mode) -> Int { mode == .numbers ? 2 : 1 }

    private func hasColumnDivider(within shown: Int) -> Bool {
        guard let k = columnDivider else { return false }
        return k > 0 && k < cols && k < shown
    }

    private func hasRowDivider(within shown: Int) -> Bool {
        guard let k = rowDivider else { return false }
        return k > 0 && k < rows && k < shown
    }

    /// Width of the body (no title) showing `shown` columns in `mode`.
    public func bodyWidth(_ mode: Mode, columns shown: Int) -> Int {
        gutter + shown * entryWidth(mode) + (hasColumnDivider(within: shown) ? dividerWidth(mode) : 0)
    }

    /// The full size (title line included) needed to show everything in `mode`.
    public func measure(_ mode: Mode) -> Size {
        let body = bodyWidth(mode, columns: cols)
        let height = 1 + rows + (hasRowDivider(within: rows) ? 1 : 0)
        return Size(width: max(DisplayWidth.of(titleLine), body), height: height)
    }

    /// Chooses the mode and the visible part for a rect of `size` (see the type's notes).
    public func layout(fitting size: Size) -> Layout {
        let available = modes
        var mode = available[available.count - 1]
        var shown = cols
        if let fitting = available.first(where: { bodyWidth($0, columns: cols) <= size.width }) {
            mode = fitting
        } else {
            shown = 0
            while shown < cols {
                let marker = DisplayWidth.of(Self.moreMarker(cols - shown - 1))
                if bodyWidth(mode, columns: shown + 1) + marker > size.width { break }
                shown += 1
            }
        }
        let bodyLines = max(0, size.height - 1)
        let allLines = rows + (hasRowDivider(within: rows) ? 1 : 0)
        var shownRows = rows
        if allLines > bodyLines {
            shownRows = 0
            // keep one line for the `…+N rows` marker
            while shownRows < rows {
                let next = shownRows + 1
                let lines = next + (hasRowDivider(within: next) ? 1 : 0)
                if lines > bodyLines - 1 { break }
                shownRows = next
            }
        }
        var width = bodyWidth(mode, columns: shown)
        if shown < cols { width += DisplayWidth.of(Self.moreMarker(cols - shown)) }
        width = min(size.width, max(width, DisplayWidth.of(titleLine)))
        var height = 1 + shownRows + (hasRowDivider(within: shownRows) ? 1 : 0)
        if shownRows < rows { height += 1 }
        var first = 0
        if shownRows < rows, rowDivider == nil, let wanted = (cursor ?? focus)?.row, wanted >= shownRows {
            first = min(wanted - shownRows / 2, rows - shownRows)
        }
        return Layout(mode: mode, visibleColumns: shown, visibleRows: shownRows, firstRow: max(0, first),
                      size: Size(width: width, height: min(height, size.height)))
    }

    /// The marker under a cut column of rows, the longest that fits `width`: `…+N rows` or
    /// `…+N`; with a window, `rows a–b of n` or `↑a ↓b` (rows hidden above and below).
    static func rowsMarker(_ plan: Layout, rows: Int, width: Int) -> String {
        let below = rows - plan.firstRow - plan.visibleRows
        let candidates = plan.firstRow == 0
            ? [moreMarker(below) + " rows", moreMarker(below)]
            : ["rows \(plan.firstRow)–\(plan.firstRow + plan.visibleRows - 1) of \(rows)", "↑\(plan.firstRow) ↓\(below)"]
        return candidates.first { DisplayWidth.of($0) <= width } ?? candidates[candidates.count - 1]
    }

    static func moreMarker(_ hidden: Int) -> String { "…+\(hidden)" }

    // MARK: Drawing

    public func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let plan = layout(fitting: rect.size)
        grid.put(title, x: rect.x, y: rect.y, style: titleStyle, clip: rect)
        var x = rect.x + DisplayWidth.of(title)
        let extras = titleLine.dropFirst(title.count)
        grid.put(String(extras), x: x, y: rect.y, style: Style(.muted), clip: rect)

        let entry = entryWidth(plan.mode)
        let scale = effectiveScale
        let border = Style(.border)
        var y = rect.y + 1
        for r in plan.firstRow..<(plan.firstRow + plan.visibleRows) {
            x = rect.x
            if let labels = rowLabels {
                grid.put(r < labels.count ? labels[r] : "", x: x, y: y, style: Style(.muted), clip: rect)
                x += gutter
            }
            for c in 0..<plan.visibleColumns {
                if hasColumnDivider(within: plan.visibleColumns), c == columnDivider {
                    let bar = plan.mode == .numbers ? " │" : "│"
                    x = grid.put(bar, x: x, y: y, style: border, clip: rect)
                }
                drawEntry(row: r, col: c, mode: plan.mode, width: entry, scale: scale,
                          x: x, y: y, grid: &grid, clip: rect)
                x += entry
            }
            if r == 0, plan.visibleColumns < cols {
                grid.put(Self.moreMarker(cols - plan.visibleColumns), x: x, y: y,
                         style: Style(.muted), clip: rect)
            }
            y += 1
            if hasRowDivider(within: plan.visibleRows), r + 1 == rowDivider {
                drawRowDivider(plan: plan, entry: entry, x: rect.x + gutter, y: y, grid: &grid, clip: rect)
                y += 1
            }
        }
        if plan.visibleRows < rows {
            grid.put(Self.rowsMarker(plan, rows: rows, width: rect.width), x: rect.x, y: y, style: Style(.muted), clip: rect)
        }
    }

    private func drawRowDivider(plan: Layout, entry: Int, x: Int, y: Int,
                                grid: inout Grid, clip: Rect) {
        var line = ""
        for c in 0..<plan.visibleColumns {
            if hasColumnDivider(within: plan.visibleColumns), c == columnDivider {
                line += plan.mode == .numbers ? "─┼" : "┼"
            }
            line += String(repeating: "─", count: entry)
        }
        grid.put(line, x: x, y: y, style: Style(.border), clip: clip)
    }

    private func drawEntry(row: Int, col: Int, mode: Mode, width: Int, scale: HeatScale,
                           x: Int, y: Int, grid: inout Grid, clip: Rect) {
        let v = value(row: row, col: col)
        let index = Index(row: row, col: col)
        let level = scale.level(v)
        var style = Style(.normal, background: depth == .none ? .normal : scale.role(v))
        if level == nil { style.attributes.insert(.bold) }
        if focus == index { style.attributes.formUnion([.bold, .underline]) }
        if cursor == index { style.attributes.formUnion([.reverse, .bold]) }
        let shade = String(HeatScale.shade(level: level ?? 0))
        let text: String
        switch mode {
        case .numbers:
            let number = NumberFormat.format(v, digits: digits)
            let pad = String(repeating: " ", count: max(0, width - 1 - number.count))
            let lead = depth == .none && level != nil ? shade : " "
            text = lead + pad + number
        case .blocks2, .blocks1:
            var glyphs: String
            if level == nil {
                glyphs = width == 1 ? (v.isNaN ? "?" : "∞") : (v.isNaN ? "??" : (v < 0 ? "-∞" : "+∞"))
            } else if depth == .none {
                glyphs = (v < 0 ? "-" : " ") + shade
            } else {
                glyphs = String(repeating: " ", count: width)
            }
            let rest = String(repeating: " ", count: width - 1)
            if depth != .none, level != nil {
                if cursor == index {
                    glyphs = "◆" + rest
                } else if focus == index {
                    glyphs = "•" + rest
                }
            }
            text = glyphs
        }
        grid.put(text, x: x, y: y, style: style, clip: clip)
    }
}
