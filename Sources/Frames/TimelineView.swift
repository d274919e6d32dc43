import Explorer
import Lessons
import TextGrid
import TextBasics

/// The unrolled network: one box per step, arrows between them (`──▶` forward, `◀──`
/// backward). A box shows its input (`x h`, or `x —` when the step has none), its output
/// and target (`ŷ e  y l`, `ŷ —`), and `L<t>` as a bar (backward: `‖da‖`; after a nudge of an
/// input x<t0>, `‖Δa‖` from t0 on, how far the change travelled forward). The current step
/// has a double border. When the boxes do not fit, a window around the current step is
/// shown with `…` at the cut ends. `lines` is 3 (roomy) or 2 (compact: lines are merged).
struct TimelineView {
    static let gap = 3
    static let barWidth = 4

    let timeline: Timeline
    let digits: Int
    let lines: Int

    var height: Int { lines + 2 }

    /// One line of a box: its parts (`x Hermione`, `ŷ 0.69`) and what goes between them.
    struct Line {
        var parts: [String]
        var separator: String
        var text: String { parts.filter { !$0.isEmpty }.joined(separator: separator) }

        /// The line in `width` columns: the separator narrows to one space, then the words
        /// (`x Hermione`, `y name`) are shortened with `…`, longest first, before any number
        /// (`ŷ 0.69`, the bar's value) is cut.
        func fitted(to width: Int) -> String {
            var line = self
            if DisplayWidth.of(line.text) <= width { return line.text }
            if line.separator.count > 1 { line.separator = " " }
            while DisplayWidth.of(line.text) > width {
                let words = line.parts.indices.filter { i in !line.parts[i].contains { $0.isNumber } && DisplayWidth.of(line.parts[i]) > 4 }
                guard let i = words.max(by: { DisplayWidth.of(line.parts[$0]) < DisplayWidth.of(line.parts[$1]) }) else { break }
                let excess = DisplayWidth.of(line.text) - width
                line.parts[i] = TextFit.truncate(line.parts[i], to: max(4, DisplayWidth.of(line.parts[i]) - excess))
            }
            return TextFit.truncate(line.text, to: width)
        }
    }

    func content(_ item: TimelineItem) -> [Line] {
        let input = item.hasInput ? (item.inputLabel.hasPrefix("x<") ? item.inputLabel : "x " + item.inputLabel) : "x —"
        let output = item.hasOutput ? "ŷ " + (item.outputLabel ?? "?") : "ŷ —"
        let target = item.hasTarget ? "y " + (item.targetLabel ?? "?") : ""
        let bar = barText(item)
        if item.gate != nil || item.dcNorm != nil || timeline.isGated {
            return gatedLines(item, input: input, output: output, target: target, bar: bar)
        }
        if lines >= 3 {
            return [Line(parts: [input], separator: ""), Line(parts: [output, target], separator: "  "), Line(parts: [bar], separator: "")]
        }
        if timeline.phase == .backward {  // ‖da‖ needs the room of a whole line
            return [Line(parts: [input, output, target], separator: " "), Line(parts: [bar], separator: "")]
        }
        return [Line(parts: [input, output], separator: "  "), Line(parts: [target, bar], separator: "  ")]
    }

    func contentLines(_ item: TimelineItem) -> [String] { content(item).map(\.text) }

    func barText(_ item: TimelineItem) -> String {
        if timeline.phase == .backward {
            guard let n = item.daNorm else { return "‖da‖ ?" }
            return barLine("‖da‖", n, max: timeline.maxDaNorm)
        }
        if let n = item.shift {   // after a nudge of an input: how far it travelled forward
            return barLine("‖Δa‖", n, max: timeline.maxShift)
        }
        guard item.hasTarget else { return "L —" }
        guard let loss = item.loss else { return "L ?" }
        return barLine("L", loss, max: timeline.maxLoss)
    }

    /// `L ████ 0.52`: a label, a bar scaled to `max` and the number. A long number (9.4e-8)
    /// takes half the bar, so the box keeps its width and the number is never cut.
    func barLine(_ label: String, _ value: Double, max: Double) -> String {
        let number = NumberFormat.format(value, digits: digits)
        let columns = number.count > 5 ? Self.barWidth / 2 : Self.barWidth
        let glyphs = Bar(value: value, max: max).glyphs(columns: columns) ?? "?"
        return label + " " + glyphs + " " + number
    }

    /// Inner width of every box: the widest content of the steps near the current one
    /// (at most 16 each side, so a long sequence costs no more), between 8 and 16 columns.
    var innerWidth: Int { innerWidth(timeline.items[near].map(contentLines)) }

    /// The steps within 16 of the current one.
    var near: Range<Int> {
        let current = timeline.items.firstIndex { $0.isCurrent } ?? 0
        return max(0, current - 16)..<min(timeline.items.count, current + 17)
    }

    func innerWidth(_ lines: [[String]]) -> Int {
        let widest = lines.joined().map { DisplayWidth.of($0) }.max() ?? 8
        return min(max(widest, 8), 16)
    }

    /// The steps shown in `width` columns: all of them, or a window around the current one.
    func window(width: Int) -> Range<Int> { window(width: width, inner: innerWidth) }

    func window(width: Int, inner: Int) -> Range<Int> {
        let items = timeline.items
        let step = inner + 2 + Self.gap
        if items.count * step - Self.gap <= width { return 0..<items.count }
        let n = max(1, (width - 4 + Self.gap) / step)
        let current = items.firstIndex { $0.isCurrent } ?? 0
        let start = max(0, min(current - n / 2, items.count - n))
        return start..<min(items.count, start + n)
    }

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty, !timeline.items.isEmpty else { return }
        let near = self.near
        let boxes = near.map { content(timeline.items[$0]) }
        let lines = boxes.map { $0.map(\.text) }
        var inner = innerWidth(lines)
        // When every box fits, let them widen (up to 24 columns) rather than cut their text.
        let widest = lines.joined().map { DisplayWidth.of($0) }.max() ?? inner
        let count = timeline.items.count
        if widest > inner, count * (inner + 2 + Self.gap) - Self.gap <= rect.width {
            let room = (rect.width + Self.gap) / count - 2 - Self.gap
            inner = max(inner, min(widest, room, 24))
        }
        let shown = window(width: rect.width, inner: inner)
        let muted = Style(.muted)
        var x = rect.x
        if shown.lowerBound > 0 {
            grid.put("…", x: x, y: rect.y + 2, style: muted, clip: rect)
            x += 2
        }
        for i in shown {
            let item = timeline.items[i]
            let content = near.contains(i) ? boxes[i - near.lowerBound] : self.content(item)
            drawBox(item, content: content, into: &grid, x: x, y: rect.y, inner: inner, clip: rect)
            x += inner + 2
            if i + 1 < shown.upperBound || shown.upperBound < timeline.items.count {
                let arrow = timeline.phase == .forward ? "──▶" : "◀──"
                grid.put(i + 1 < shown.upperBound ? arrow : " …", x: x, y: rect.y + 2,
                         style: i + 1 < shown.upperBound ? Style(.accent) : muted, clip: rect)
                x += Self.gap
            }
        }
    }

    private func drawBox(_ item: TimelineItem, content: [Line], into grid: inout Grid, x: Int, y: Int, inner: Int,
                         clip: Rect) {
        let current = item.isCurrent
        let style = current ? Style(.focus, attributes: [.bold]) : Style(.border)
        let (h, v, corners) = current ? ("═", "║", ["╔", "╗", "╚", "╝"]) : ("─", "│", ["┌", "┐", "└", "┘"])
        let title = "t=\(item.t)"
        let top = corners[0] + h + title + String(repeating: h, count: max(0, inner - 1 - title.count)) + corners[1]
        grid.put(top, x: x, y: y, style: style, clip: clip)
        for row in 0..<lines {
            grid.put(v, x: x, y: y + 1 + row, style: style, clip: clip)
            grid.put(v, x: x + inner + 1, y: y + 1 + row, style: style, clip: clip)
            let text = row < content.count ? content[row].fitted(to: inner) : ""
            let dim = text.contains { $0 == "—" || $0 == "?" }
            let textStyle = dim ? Style(.muted) : current ? Style(.normal, attributes: [.bold]) : Style.plain
            grid.put(text, x: x + 1, y: y + 1 + row, style: textStyle, clip: clip)
        }
        let bottom = corners[2] + String(repeating: h, count: inner) + corners[3]
        grid.put(bottom, x: x, y: y + lines + 1, style: style, clip: clip)
    }
}
