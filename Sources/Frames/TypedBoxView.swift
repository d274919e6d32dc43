import Explorer
import TextGrid

extension LessonPaneView {
    /// The answer box of a typed question: `answer: 0.75▏` while typing, then the feedback
    /// (right in the positive colour, wrong in the warning colour, the revealed explanation plain).
    func typedLines(_ box: TypedBox, width: Int) -> [Line] {
        var out: [Line] = []
        let done = box.solved || box.revealed
        if !done {
            let prompt = box.prompt + box.text + (box.active ? "▏" : "")
            out.append((prompt, Style(.accent, attributes: box.active ? [.bold, .underline] : [.bold])))
        }
        if let note = box.note { out += TextBlock.wrap(note, width: width).map { ($0, Style(.muted)) } }
        for (i, line) in box.lines.enumerated() {
            let style: Style = i == 0 ? Style(box.solved ? .positive : .warning, attributes: [.bold]) : .plain
            out += TextBlock.wrap(line, width: width).map { ($0, style) }
        }
        return out
    }
}
