import Explorer
import Lessons
import TextBasics
import TextGrid

/// Draws the lesson picker (`unroll` with no lesson): a numbered list of lessons with their
/// languages and one-line summaries, the selection marked with `▸` and reverse video, a
/// window that follows the selection when the list is longer than the screen.
public enum PickerRenderer {
    public static func render(_ picker: PickerState, size: Size) -> Grid {
        var grid = Grid(size: size)
        guard size.width >= FrameRenderer.minimumSize.width, size.height >= FrameRenderer.minimumSize.height else {
            FrameRenderer.drawTooSmall(into: &grid)
            return grid
        }
        let words = PickerState.words(picker.language)
        let lang = picker.language
        grid.put(" " + words.heading, x: 0, y: 0, style: Style(.header, attributes: .bold))
        grid.fill(Rect(x: 0, y: 1, width: size.width, height: 1), with: "─", style: Style(.border))
        let footerY = size.height - 1
        grid.put(" " + words.keys, x: 0, y: footerY, style: Style(.muted))
        if let status = picker.status {
            grid.put(" " + status, x: 0, y: footerY - 1, style: Style(.warning), clip: Rect(x: 0, y: footerY - 1, width: size.width, height: 1))
        }
        let listTop = 2, listHeight = footerY - 1 - listTop
        guard !picker.entries.isEmpty else {
            grid.put(" " + words.empty, x: 0, y: listTop + 1, style: Style(.warning))
            return grid
        }
        let perEntry = 3
        let visible = max(1, listHeight / perEntry)
        let first = min(max(0, picker.selected - visible / 2), max(0, picker.entries.count - visible))
        let numberWidth = max(2, picker.entries.map { $0.number.count }.max() ?? 2)
        for (row, i) in (first..<min(picker.entries.count, first + visible)).enumerated() {
            let e = picker.entries[i]
            let y = listTop + row * perEntry
            let selected = i == picker.selected
            let line = Rect(x: 0, y: y, width: size.width, height: 1)
            let number = e.number + String(repeating: " ", count: numberWidth - e.number.count)
            let tags = e.error != nil ? "!" : (e.progress.map { [$0] } ?? []).joined() + (e.progress == nil ? "" : "  ")
                + e.languages.map(\.rawValue).joined(separator: " ")
            let titleStyle = selected ? Style(.focus, attributes: [.bold, .reverse]) : Style(.normal, attributes: .bold)
            grid.put(selected ? " ▸ " : "   ", x: 0, y: y, style: Style(.focus, attributes: .bold))
            let titleRoom = size.width - DisplayWidth.of(tags) - 2 - 3 - DisplayWidth.of(number) - 2
            grid.put("\(number)  \(TextFit.truncateMiddle(e.title.text(lang), to: titleRoom))", x: 3, y: y, style: titleStyle,
                               clip: Rect(x: 0, y: y, width: size.width - DisplayWidth.of(tags) - 2, height: 1))
            grid.put(tags, x: size.width - DisplayWidth.of(tags) - 1, y: y, style: Style(e.error != nil ? .error : .muted), clip: line)
            let detail = e.detail(lang)   // a lab run says so, with its file name
            let indent = 5 + numberWidth
            // one line: a longer summary ends at a word with `…`
            let wrapped = TextBlock.wrap(detail, width: max(10, size.width - indent - 2))
            let shown = (wrapped.first ?? "") + (wrapped.count > 1 ? "…" : "")
            grid.put(shown, x: indent, y: y + 1, style: Style(e.error != nil ? .error : .muted), clip: line.offsetBy(dy: 1))
        }
        if first > 0 { grid.put("↑ \(first)", x: size.width - 6, y: 1, style: Style(.muted)) }
        let below = picker.entries.count - (first + visible)
        if below > 0 { grid.put("↓ \(below)", x: size.width - 6, y: footerY - 1, style: Style(.muted)) }
        return grid
    }
}

extension Rect {
    func offsetBy(dy: Int) -> Rect { Rect(x: x, y: y + dy, width: width, height: height) }
}
