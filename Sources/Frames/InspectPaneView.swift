import Explorer
import TextGrid

/// Where the inspected number comes from: a pane in place of the lesson pane, so the
/// panel above (scrolled to the cursor) stays in view. Lines are wrapped to the width and
/// keep their leading spaces (aligned continuation lines); overflow ends with `…`.
struct InspectPaneView {
    let box: InspectBox
    let title: String

    func lines(width: Int) -> [String] {
        box.lines.flatMap { line in line.isEmpty ? [""] : TextBlock.wrap(line, width: max(1, width - 2)) }
    }

    func height(width: Int, maxHeight: Int) -> Int { min(1 + lines(width: width).count, maxHeight) }

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        TextFit.rule(&grid, label: title + " " + box.title, x: rect.x, y: rect.y, width: rect.width)
        let all = lines(width: rect.width)
        let room = rect.height - 1
        for (i, line) in all.prefix(room).enumerated() {
            var text = line
            if i == room - 1, all.count > room { text = TextFit.truncate(text + " …", to: rect.width - 2) }
            grid.put(text, x: rect.x + 1, y: rect.y + 1 + i, style: i == 0 ? Style(.accent) : .plain, clip: rect)
        }
    }
}
