import Explorer
import TextGrid
import TextBasics

/// The bottom line: the keys that matter now (`→ l next step`), as many as fit, in order;
/// the help key is kept even when others are dropped. The status message, when there is
/// one, gets its own line above (see `FrameRenderer`).
struct FooterView {
    let hints: [KeyHint]

    /// The hints that fit: all of them, else with short keys (`n` for `n PgDn Enter`),
    /// else the first ones that fit, in order.
    func chosen(width: Int) -> [KeyHint] {
        let full = fitting(hints, width: width)
        if full.count == hints.count { return full }
        return fitting(hints.map(Self.short), width: width)
    }

    /// Pairs of keys that are two actions, not two ways to one (`< >`, `n p`: next and previous
    /// slide, `t T`: train 100 steps and the training lab): a short footer keeps them whole.
    static let twoActionPairs: Set<[String]> = [["<", ">"], ["+", "-"], ["n", "p"], ["t", "T"]]

    /// `n PgDn Enter` → `n`, `→ l` → `→`; long key lists (`Home End f b n p`) and pairs of
    /// keys that are two actions (`twoActionPairs`) stay whole.
    static func short(_ hint: KeyHint) -> KeyHint {
        let keys = hint.keys.split(separator: " ")
        let text = hint.short ?? hint.text
        if twoActionPairs.contains(keys.map(String.init)) { return KeyHint(keys: hint.keys, text: text) }
        guard keys.count > 1, keys.count <= 3, let first = keys.first else { return KeyHint(keys: hint.keys, text: text) }
        return KeyHint(keys: String(first), text: text)
    }

    func fitting(_ hints: [KeyHint], width: Int) -> [KeyHint] {
        var kept: [KeyHint] = []
        var used = 1
        let help = hints.last { $0.keys == "?" }
        let reserve = help.map { DisplayWidth.of(text($0)) + 2 } ?? 0
        for hint in hints where hint.keys != "?" {
            let w = DisplayWidth.of(text(hint)) + 2
            if used + w + reserve > width + 2 { continue }
            kept.append(hint)
            used += w
        }
        if let help { kept.append(help) }
        return kept
    }

    func text(_ hint: KeyHint) -> String { hint.keys + " " + hint.text }

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        var x = rect.x + 1
        for hint in chosen(width: rect.width - 1) {
            x = grid.put(hint.keys, x: x, y: rect.y, style: Style(.accent, attributes: [.bold]), clip: rect)
            x = grid.put(" " + hint.text + "  ", x: x, y: rect.y, style: Style(.muted), clip: rect)
        }
    }
}

/// The status message: one line, shortened with `…` when too long.
struct StatusView {
    let text: String
    /// The most lines the message takes (a long warning wraps; beyond that it is cut with `…`).
    var maxLines = 3

    /// The message wrapped to `width` (one column of margin each side), at most `maxLines`.
    func lines(width: Int) -> [String] {
        if maxLines <= 1 { return [TextFit.truncate(text, to: width - 2)] }
        let all = TextBlock.wrap(text, width: max(1, width - 2))
        guard all.count > maxLines else { return all.isEmpty ? [""] : all }
        var kept = Array(all.prefix(maxLines))
        kept[kept.count - 1] = TextFit.truncate(kept[kept.count - 1] + " …", to: width - 2)
        return kept
    }

    func draw(into grid: inout Grid, in rect: Rect) {
        for (i, line) in lines(width: rect.width).prefix(rect.height).enumerated() {
            grid.put(" " + line, x: rect.x, y: rect.y + i, style: Style(.warning, attributes: [.bold]), clip: rect)
        }
    }
}
