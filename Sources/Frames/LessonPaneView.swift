import Explorer
import TextGrid

/// The slide: a rule with `slide 3 / 9`, the text wrapped by display width, the question,
/// the numbered choices (on one line when they fit, else one per line; `✓`/`✗` once
/// answered) and the feedback. Drawn below the panels.
struct LessonPaneView {
    let pane: LessonPane
    let title: String

    /// A line of the pane with its style.
    typealias Line = (text: String, style: Style)

    func lines(width: Int) -> [Line] {
        let inner = max(1, width - 2)
        var out: [Line] = TextBlock.wrap(pane.text, width: inner).map { ($0, .plain) }
        if let question = pane.question {
            out += TextBlock.wrap(question, width: inner).map { ($0, Style(.accent, attributes: [.bold])) }
            let choices = pane.choices.map(choiceText)
            let inline = choices.joined(separator: "    ")
            if DisplayWidth.of(inline) <= inner {
                out.append((inline, .plain))
            } else {
                for choice in choices {
                    out += TextBlock.wrap(choice, width: inner).map { ($0, .plain) }
                }
            }
        }
        if let feedback = pane.feedback {
            let right = pane.choices.contains { $0.mark == .chosenRight }
            out.append((feedback, Style(right ? .positive : .warning, attributes: [.bold])))
        }
        return out
    }

    func choiceText(_ c: Choice) -> String {
        let mark: String
        switch c.mark {
        case .none: mark = ""
        case .chosenRight, .right: mark = " ✓"
        case .chosenWrong: mark = " ✗"
        }
        return "\(c.number)) \(c.text)\(mark)"
    }

    /// Rule plus lines, at most `maxHeight`.
    func height(width: Int, maxHeight: Int) -> Int { min(1 + lines(width: width).count, maxHeight) }

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        TextFit.rule(&grid, label: title, x: rect.x, y: rect.y, width: rect.width)
        let all = lines(width: rect.width)
        let room = rect.height - 1
        for (i, line) in all.prefix(room).enumerated() {
            var text = line.text
            if i == room - 1, all.count > room { text = TextFit.truncate(text + " …", to: rect.width - 2) }
            grid.put(text, x: rect.x + 1, y: rect.y + 1 + i, style: line.style, clip: rect)
        }
    }
}
