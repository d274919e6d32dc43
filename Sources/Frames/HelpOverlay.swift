import Explorer
import TextGrid
import TextBasics

/// The help box: every key, centred over the screen. Keys in a bold column, what they do
/// beside them, wrapped. One column when it fits the height, else two side by side, so it
/// fits at 80×24.
struct HelpOverlay {
    let help: HelpBox

    struct Plan {
        var columns: Int
        var keyWidth: Int
        var textWidth: Int
        var rows: [[(keys: String, text: [String])]]
        var size: Size
    }

    func plan(for screen: Size) -> Plan {
        let keyWidth = help.rows.map { DisplayWidth.of($0.keys) }.max() ?? 1
        let natural = help.rows.map { DisplayWidth.of($0.text) }.max() ?? 1
        var result: Plan?
        for columns in [1, 2] {
            let available = (screen.width - 4 - (columns - 1) * 3) / columns - keyWidth - 2
            let textWidth = max(8, min(natural, available))
            let perColumn = (help.rows.count + columns - 1) / columns
            let rows = (0..<columns).map { c in
                help.rows.dropFirst(c * perColumn).prefix(perColumn).map { row in
                    (keys: row.keys, text: TextBlock.wrap(row.text, width: textWidth))
                }
            }
            let height = rows.map { $0.reduce(0) { $0 + max(1, $1.text.count) } }.max() ?? 0
            let width = columns * (keyWidth + 2 + textWidth) + (columns - 1) * 3
            let plan = Plan(columns: columns, keyWidth: keyWidth, textWidth: textWidth, rows: rows,
                            size: Box.outerSize(Size(width: width + 2, height: height)))
            result = plan
            if plan.size.height <= screen.height && plan.size.width <= screen.width { break }
        }
        return result ?? Plan(columns: 1, keyWidth: 0, textWidth: 0, rows: [], size: .zero)
    }

    func draw(into grid: inout Grid, in rect: Rect) {
        let p = plan(for: rect.size)
        let outer = rect.centered(p.size)
        Box(title: help.title, borderStyle: Style(.accent)).draw(into: &grid, in: outer)
        let inner = Box.inner(outer)
        for (c, column) in p.rows.enumerated() {
            let x = inner.x + 1 + c * (p.keyWidth + 2 + p.textWidth + 3)
            var y = inner.y
            for row in column {
                grid.put(row.keys, x: x, y: y, style: Style(.accent, attributes: [.bold]), clip: inner)
                for line in row.text {
                    grid.put(line, x: x + p.keyWidth + 2, y: y, clip: inner)
                    y += 1
                }
                if row.text.isEmpty { y += 1 }
            }
        }
    }
}
