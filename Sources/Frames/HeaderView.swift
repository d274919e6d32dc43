import Explorer
import TextGrid
import TextBasics

/// The top line: lesson title, `forward t = 2 / 4`, `slide 3 / 9`, the what-if marker, the play
/// state, and the help key at the right (none on a page: `PageLayout`). When the line is too narrow the play state goes first,
/// then the title is shortened with `…` in the middle, keeping its end (to 16 columns at least),
/// then the marker shortens to `what if ✎`, and only then the slide number goes. The marker
/// never goes: a handout must not show changed numbers as the lesson's own.
struct HeaderView {
    let header: Header

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Style(.normal, attributes: [.reverse]))
        let bar = Style(.normal, attributes: [.reverse])
        let hint = header.helpHint
        // a page (export) has no help key: its header takes the whole line
        let room = hint.isEmpty ? rect.width - 1 : rect.width - DisplayWidth.of(hint) - 3
        var slide = header.slide, marker = header.modified, play: String? = header.play
        var parts: [String] { [header.step] + [slide, marker, play].compactMap { $0 } }
        let separator = "  │  "
        func width(_ title: String) -> Int {
            DisplayWidth.of(" " + title + separator + parts.joined(separator: separator))
        }
        func tooWide() -> Bool { width(String(header.title.prefix(16))) > room }
        if slide != nil || marker != nil, width(header.title) > room { play = nil }
        if tooWide(), marker != nil, let short = header.modifiedShort { marker = short }
        if tooWide() { slide = nil }
        if tooWide() { play = nil }
        let titleRoom = room - width("")
        let title = TextFit.truncateMiddle(header.title, to: max(4, titleRoom))
        var x = grid.put(" " + title, x: rect.x, y: rect.y, style: bar.adding(.bold), clip: rect)
        for (i, part) in parts.enumerated() {
            x = grid.put(separator, x: x, y: rect.y, style: bar, clip: rect)
            x = grid.put(part, x: x, y: rect.y, style: i == 0 ? bar.adding(.bold) : bar, clip: rect)
        }
        if !hint.isEmpty { grid.put(hint, x: rect.maxX - DisplayWidth.of(hint) - 1, y: rect.y, style: bar.adding(.bold), clip: rect) }
    }
}
