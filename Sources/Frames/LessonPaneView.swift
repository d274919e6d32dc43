import Explorer
import TextGrid
import TextBasics

/// The slide: a rule with `slide 3 / 9`, the text wrapped by display width, the question,
/// the numbered choices (on one line when they fit, else one per line; `✓`/`✗` once
/// answered) and the feedback. Drawn below the panels.
struct LessonPaneView {
    let pane: LessonPane
    let title: String

    /// A line of the pane with its style.
    typealias Line = (text: String, style: Style)

    func lines(width: Int) -> [Line] { textLines(width: width) + questionLines(width: width) }

    /// The slide's text.
    func textLines(width: Int) -> [Line] {
        TextBlock.wrap(pane.text, width: max(1, width - 2)).map { ($0, .plain) }
    }

    /// The question, its choices and the feedback: never cut, the text gives way first.
    func questionLines(width: Int) -> [Line] {
        let inner = max(1, width - 2)
        var out: [Line] = []
        if let question = pane.question {
            out += TextBlock.wrap(question, width: inner).map { ($0, Style(.accent, attributes: [.bold])) }
            let choices = pane.choices.map(choiceText)
            let inline = choices.joined(separator: "    ")
            if choices.isEmpty {
                // a typed question: its answer box follows right under it
            } else if DisplayWidth.of(inline) <= inner {
                out.append((inline, .plain))
            } else {
                for choice in choices {
                    out += TextBlock.wrap(choice, width: inner).map { ($0, .plain) }
                }
            }
        }
        if let feedback = pane.feedback {
            let right = pane.choices.contains { $0.mark == .chosenRight }
            out += TextBlock.wrap(feedback, width: inner).map { ($0, Style(right ? .positive : .warning, attributes: [.bold])) }
        }
        if let box = pane.typed { out += typedLines(box, width: inner) }
        for line in pane.summary { out += TextBlock.wrap(line, width: inner).map { ($0, Style(.accent, attributes: [.bold])) } }
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
        let text = textLines(width: rect.width), question = questionLines(width: rect.width)
        let room = rect.height - 1
        // when it does not all fit, the question and its choices stay whole and the text is cut
        let textRoom = max(0, room - question.count)
        var shown = Array(text.prefix(textRoom))
        if text.count > textRoom, let last = shown.indices.last {
            shown[last].text = TextFit.truncate(shown[last].text + " …", to: rect.width - 2)
        }
        for (i, line) in (shown + question).prefix(room).enumerated() {
            grid.put(line.text, x: rect.x + 1, y: rect.y + 1 + i, style: line.style, clip: rect)
        }
    }
}
