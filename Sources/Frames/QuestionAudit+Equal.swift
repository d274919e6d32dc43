import Explorer
import Lessons
import RNNCore

extension QuestionAudit {
    /// The leak rule for quantities equal to the answer by definition: while a question is open,
    /// no revealed, unmasked entry of the forward and backward panels at the asked step or its
    /// two neighbours holds exactly the asked number (da_next<t> is da<t> at a step with no
    /// target, Wyaᵀdy<t> = 0; da_prev<t+1> is da_next<t>). The number is the typed question's
    /// answer, else the focus entry's value; a whole-number answer (0, a one-hot 1) is left alone: such
    /// numbers are everywhere by chance.
    public static func equalLeaks(in lesson: Lesson) -> [QuestionFinding] {
        var found: [QuestionFinding] = []
        for (i, slide) in lesson.script.enumerated() where slide.ask != nil || slide.typed != nil {
            var state = ExplorerState(lesson: lesson, language: .en)
            _ = state.open(slide: i + 1)
            guard state.questionPending, let focus = slide.focus, focus.symbol.isPerStep, let ft = focus.t else { continue }
            let asked: Double?
            if let typed = slide.typed, case .success(let x) = typed.answer(on: state.trace) {
                asked = x
            } else if let row = focus.row, let m = state.trace.tensor(focus.symbol, t: ft), row < m.rows, (focus.col ?? 0) < m.cols {
                asked = m[row, focus.col ?? 0]
            } else {
                asked = nil
            }
            guard let answer = asked, answer.isFinite, answer != answer.rounded() else { continue }
            for t in max(1, ft - 1)...min(state.T, ft + 1) {
                let panels = [state.forwardPanel(t)] + (state.trace.hasBackward ? [state.backwardPanel(t)] : [])
                for term in panels.flatMap(\.terms) where term.revealed {
                    let v = term.values
                    let hit = (0..<v.rows).contains { r in
                        (0..<v.cols).contains { c in v[r, c] == answer && !term.masked.contains(MatrixIndex(row: r, col: c)) }
                    }
                    guard hit else { continue }
                    let message = "at t = \(t) \(term.label) shows the asked number \(answer) (equal to it by definition), while the question is open"
                    if !found.contains(where: { $0.slide == i + 1 && $0.message == message }) {
                        found.append(QuestionFinding(slide: i + 1, language: .en, size: nil, message: message))
                    }
                }
            }
        }
        return found
    }
}
