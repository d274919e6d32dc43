import Explorer
import Lessons
import RNNCore

extension QuestionAudit {
    /// What one step hands to the next (forward t → t+1, backward t → t−1) and the terms the
    /// next step draws it in: a<t> as a<t-1> and in [a<t-1>; x<t>], c<t> as c<t-1>, da_prev<t>
    /// as da_next<t-1>, dc_prev<t> as dc_next<t-1>.
    static let carried: [(symbol: Symbol, step: Int, readers: Set<Symbol>)] = [
        (.a, 1, [.aPrev, .stacked]), (.c, 1, [.cPrev]), (.daPrev, -1, [.daNext]), (.dcPrev, -1, [.dcNext]),
    ]

    /// The leak rule at the neighbouring step: while a question is open the student may step on,
    /// so a quantity its own step hides (a<2> when a<2>[2] is asked) must stay hidden where the
    /// next step draws it again ([a<2>; x<3>] at t = 3, forward and backward panels): the whole
    /// term, or (what the explorer does) the asked entry masked `?`.
    public static func stepLeaks(in lesson: Lesson) -> [QuestionFinding] {
        var found: [QuestionFinding] = []
        for (i, slide) in lesson.script.enumerated() where slide.ask != nil || slide.typed != nil {
            var state = ExplorerState(lesson: lesson, language: .en)
            _ = state.open(slide: i + 1)
            guard state.questionPending, let focus = slide.focus, focus.symbol.isPerStep, let ft = focus.t else { continue }
            for c in carried where state.isWithheld(c.symbol, at: ft) {   // rule 2: hidden by the question
                let t = ft + c.step
                guard t >= 1, t <= state.T else { continue }
                let panels = [state.forwardPanel(t)] + (state.trace.hasBackward ? [state.backwardPanel(t)] : [])
                for term in panels.flatMap(\.terms) where term.revealed && c.readers.contains(term.symbol) && term.ref.t == t {
                    // drawn with the asked entry masked (`?`): only that entry was the answer
                    if let i = focus.row, term.masked.contains(Term.drawnIndex(row: i, in: term.values)) { continue }
                    let step = c.step > 0 ? "t = \(t)" : "backward t = \(t)"
                    let message = "at \(step) \(term.label) shows \(EntryRef(symbol: c.symbol, t: ft)), hidden while the question is open"
                    if !found.contains(where: { $0.slide == i + 1 && $0.message == message }) {
                        found.append(QuestionFinding(slide: i + 1, language: .en, size: nil, message: message))
                    }
                }
            }
        }
        return found
    }
}
