import TextGrid
import TextBasics

/// Fitting one line of text into a number of display columns.
enum TextFit {
    /// `text` cut to `width` display columns, ending with `…` when something was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Writes `text` from (x, y) and pads the rest of `width` with `fill` (rules: `─`).
    static func rule(_ grid: inout Grid, label: String, right: String = "", x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        grid.put(String(repeating: "─", count: width), x: x, y: y, style: Style(.border))
        var column = x
        if !label.isEmpty {
            let text = " " + truncate(label, to: max(0, width - 4)) + " "
            column = grid.put(text, x: x + 2, y: y, style: Style(.header, attributes: [.bold]),
                              clip: Rect(x: x, y: y, width: width, height: 1))
        }
        let rightWidth = DisplayWidth.of(right) + 2
        if !right.isEmpty, column + rightWidth + 2 <= x + width {
            grid.put(" " + right + " ", x: x + width - rightWidth - 2, y: y, style: Style(.muted))
        }
    }
}
