import Explorer
import TextGrid
import TextBasics

/// `--watch`: the box over the last good version of the lesson saying why the changed file
/// does not load. Its lines are diagnostics (`FILE:L:C: error: …`, the source line, a caret):
/// a message line is wrapped to the box, so what it says is never cut (a numpy shape, the
/// value of a false check); the source line and the caret are kept as they are, so the caret
/// stays under its place. The sentence after them (after the empty line: what the box shows,
/// Esc) is prose, wrapped too (80×24: "…Esc hides this.").
struct LoadErrorView {
    let box: InspectBox

    func draw(into grid: inout Grid, in rect: Rect) {
        let widest = box.lines.map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(rect.width - 2, max(widest, DisplayWidth.of(box.title) + 4) + 4)
        guard width > 4 else { return }
        let lines = Self.lines(box.lines, textWidth: width - 4)
        let height = min(rect.height - 2, lines.count + 2)
        guard height > 2 else { return }
        let outer = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + 2, width: width, height: height)
        Box(title: box.title, borderStyle: Style(.error)).draw(into: &grid, in: outer)
        let inner = Box.inner(outer)
        for (k, line) in lines.prefix(inner.height).enumerated() {
            grid.put(line, x: inner.x + 1, y: inner.y + k, clip: inner)
        }
    }

    /// The diagnostics, each message line wrapped to `textWidth` (source lines and carets as
    /// they are), then the lines after the last empty one wrapped to `textWidth`.
    static func lines(_ lines: [String], textWidth: Int) -> [String] {
        let width = max(1, textWidth)
        let blank = lines.lastIndex(of: "")
        let diagnostics = lines[..<(blank.map { $0 + 1 } ?? lines.endIndex)].flatMap { line -> [String] in
            isMessage(line) ? TextBlock.wrap(line, width: width) : [line]
        }
        guard let blank else { return diagnostics }
        let prose = lines[(blank + 1)...].flatMap { TextBlock.wrap($0, width: width) }
        return diagnostics + prose
    }

    /// Whether `line` is a diagnostic's message (`FILE:L:C: error: …`, `error: …`), not the
    /// quoted source line or its caret.
    static func isMessage(_ line: String) -> Bool {
        [": error: ", ": warning: ", ": note: "].contains { line.contains($0) } || line.hasPrefix("error: ")
    }
}
