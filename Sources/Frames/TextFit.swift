import Foundation
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

    /// `text` cut from the right to `width` display columns, ending with `…`: after its last whole
    /// word when that keeps at least half of the room (`Forward propagation…`), else inside a word
    /// (`Forward prop…`).
    static func truncateAtWord(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        guard cut.hasSuffix("…") else { return cut }
        let kept = cut.dropLast()
        if text.dropFirst(kept.count).first == " " { return kept.trimmingCharacters(in: CharacterSet(charactersIn: " ,:;·—-")) + "…" }
        guard let space = kept.lastIndex(of: " ") else { return cut }
        let words = String(cut[..<space]).trimmingCharacters(in: CharacterSet(charactersIn: " ,:;·—-"))
        return DisplayWidth.of(words) * 2 >= width ? words + "…" : cut
    }

    /// `text` cut to `width` display columns in the middle: its beginning and its end stay, with
    /// `…` between, so titles that differ only at the end (`Tx = Ty (tagging)` / `Tx ≠ Ty
    /// (translation)`) still look different. The end gets about three fifths of the room and
    /// starts at a word when it can.
    static func truncateMiddle(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        guard width >= 8 else { return truncate(text, to: width) }
        let chars = Array(text)
        let tailRoom = (width - 1) * 3 / 5
        var start = chars.count, used = 0
        while start > 0, used + DisplayWidth.of(chars[start - 1]) <= tailRoom {
            start -= 1
            used += DisplayWidth.of(chars[start])
        }
        // start the end at a word when that keeps at least half of its room
        if start > 0, chars[start - 1] != " ", let space = chars[start...].firstIndex(of: " "),
           DisplayWidth.of(String(chars[(space + 1)...])) >= tailRoom / 2 {
            start = space + 1
        }
        // an end that would start mid-word ("Forward…opagation") is no end: cut from the right instead
        if start > 0, chars[start - 1] != " " { return truncateAtWord(text, to: width) }
        let tail = String(chars[start...])
        var head = truncate(String(chars[..<start]), to: width - DisplayWidth.of(tail))
        // the beginning ends at a word too, when that keeps at least half of it
        if head.hasSuffix("…"), let space = head.dropLast().lastIndex(of: " "),
           DisplayWidth.of(String(head[..<space])) * 2 >= DisplayWidth.of(head) {
            head = String(head[..<space]) + "…"
        }
        return head.hasSuffix("…") ? head + tail : head + "…" + tail
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
