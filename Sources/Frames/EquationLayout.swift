import Explorer
import TextGrid
import TextBasics

/// One equation row laid out left to right in `width` columns.
///
/// Each term travels with the operators before it (`· [a<1>; x<2>]`), so a wrap never leaves
/// an operator dangling at a line's end; continuation lines are indented by two columns.
/// Within a line the terms are top-aligned and share one header height, so every body starts
/// on the same line, and the operators sit on that first value line. A term wider than the
/// line shrinks (numbers → blocks → truncation, as `Heatmap` does). The row's note follows
/// on its own muted line.
struct EquationLayout {
    static let indent = 2

    struct Placed {
        var view: TermView
        var measured: TermView.Measured
        var operators: String
        var x: Int
        var line: Int
    }

    struct Line {
        var y: Int
        var headerHeight: Int
        var bodyHeight: Int
        var height: Int { headerHeight + bodyHeight }
    }

    var placed: [Placed] = []
    var lines: [Line] = []
    var note: [String] = []
    var size = Size.zero

    /// A term with the operators before it: the unit that never breaks across lines. Its
    /// measurements are kept, so trying several densities measures each term once per kind.
    final class Group {
        let operators: String
        let view: TermView
        let room: Int
        private var measured: [Bool: TermView.Measured] = [:]

        init(operators: String, view: TermView, room: Int) {
            self.operators = operators
            self.view = view
            self.room = room
        }

        func measure(showScale: Bool) -> TermView.Measured {
            if let m = measured[showScale] { return m }
            let m = view.measure(maxWidth: room, showScale: showScale)
            measured[showScale] = m
            return m
        }
    }

    /// The groups of `row`, each term fitted to `width` less the indent and its operators;
    /// `lying`: stacked inputs drawn as rows (`TermView.lying`).
    static func groups(_ row: EquationRow, width: Int, maxBodyHeight: Int, digits: Int,
                       depth: ColorDepth, lying: Bool = false) -> [Group] {
        var groups: [Group] = []
        var pending = ""
        for item in row.items {
            switch item {
            case .op(let op): pending += " \(op.text) "
            case .term(let term):
                let room = width - indent - DisplayWidth.of(pending)
                let view = TermView(term, digits: digits, depth: depth, maxWidth: room, maxBodyHeight: maxBodyHeight, lying: lying)
                groups.append(Group(operators: pending, view: view, room: room))
                pending = ""
            }
        }
        return groups
    }

    /// Lays out `row` in `width` columns; bodies taller than `maxBodyHeight` lines are cut.
    init(_ row: EquationRow, width: Int, maxBodyHeight: Int, digits: Int, depth: ColorDepth, showScale: Bool) {
        self.init(Self.groups(row, width: width, maxBodyHeight: maxBodyHeight, digits: digits, depth: depth),
                  note: row.note, width: width, showScale: showScale)
    }

    /// Lays out groups made by `groups(_:…)` (so that several densities share one fitting).
    init(_ groups: [Group], note rowNote: String?, width: Int, showScale: Bool) {
        var x = 0
        var line = -1
        var used = 0
        for group in groups {
            var opWidth = DisplayWidth.of(group.operators)
            let view = group.view
            let m = group.measure(showScale: showScale)
            let lineStart = line <= 0 ? 0 : Self.indent
            if line < 0 || (x > lineStart && x + opWidth + Self.space(after: placed.last, operators: group.operators) + m.width > width) {
                line += 1
                x = line == 0 ? 0 : Self.indent
            }
            if placed.last?.line == line { opWidth += Self.space(after: placed.last, operators: group.operators) }
            placed.append(Placed(view: view, measured: m, operators: group.operators, x: x + opWidth, line: line))
            x += opWidth + m.width
            used = max(used, x)
        }
        var y = 0
        for index in 0..<(line + 1) {
            let members = placed.filter { $0.line == index }
            let header = members.map { $0.measured.header.count }.max() ?? 1
            let body = members.map { $0.measured.bodyHeight }.max() ?? 1
            lines.append(Line(y: y, headerHeight: header, bodyHeight: body))
            y += header + body
        }
        if let text = rowNote {
            let noteWidth = max(used, min(DisplayWidth.of(text) + 2, width))
            note = TextBlock.wrap("(" + text + ")", width: noteWidth)
            used = max(used, note.map { DisplayWidth.of($0) }.max() ?? 0)
            y += note.count
        }
        size = Size(width: used, height: y)
    }

    /// A column between two terms with no operator between them (`dWr, sum of steps 30…1 2×4`
    /// then `Δdbr<1> 2`) when the first one's label or caption reaches its right edge, so two
    /// labels never touch.
    static func space(after previous: Placed?, operators: String) -> Int {
        guard operators.isEmpty, let p = previous else { return 0 }
        return (p.measured.header.map { DisplayWidth.of($0) }.max() ?? 0) >= p.measured.width ? 1 : 0
    }

    /// The first line's header made `height` lines tall (labels on top, blank lines under them),
    /// so the row's first values line up with a taller row's beside it.
    mutating func raiseFirstHeader(to height: Int) {
        guard let first = lines.first, height > first.headerHeight else { return }
        let d = height - first.headerHeight
        lines[0].headerHeight = height
        for i in lines.indices.dropFirst() { lines[i].y += d }
        size.height += d
    }

    /// The rectangle of each placed term (header and body), relative to the row's origin.
    func rect(of p: Placed) -> Rect {
        let l = lines[p.line]
        return Rect(x: p.x, y: l.y, width: p.measured.width, height: l.headerHeight + p.measured.bodyHeight)
    }

    func draw(into grid: inout Grid, x: Int, y: Int) {
        for p in placed {
            let l = lines[p.line]
            let bodyY = y + l.y + l.headerHeight
            let opWidth = DisplayWidth.of(p.operators)
            grid.put(p.operators, x: x + p.x - opWidth, y: bodyY, style: Style(.accent, attributes: [.bold]))
            p.view.draw(into: &grid, x: x + p.x, y: y + l.y, bodyY: bodyY, measured: p.measured)
        }
        let noteY = y + (lines.last.map { $0.y + $0.height } ?? 0)
        for (i, text) in note.enumerated() {
            grid.put(text, x: x, y: noteY + i, style: Style(.muted))
        }
    }
}
