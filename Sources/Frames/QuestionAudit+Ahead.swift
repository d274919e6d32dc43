import Explorer
import Foundation
import Lessons
import RNNCore

extension QuestionAudit {
    /// Rule 4's reach for numbers: while a later typed question is unanswered, no EARLIER slide
    /// (its own question answered, as the student leaves it) shows a number the question would grade
    /// right where it stands for a look-alike of the asked entry: the same entry (row, column) of
    /// any quantity at the asked step or a neighbouring one, at every step of the story that draws
    /// it (09b: dz<29>[1] prints -3.16 = da<29>[1], since tanh' ≈ 1 there); for a scalar question
    /// (L<3>) the scalars and the timeline's ŷ and L<t> at those steps. Rule 4 masks the asked entry
    /// itself; this finds what equals it. Every number in the slide's text counts too. A number
    /// elsewhere (another row, another step, a weight) that happens to print the same is chance, not
    /// a leak; a whole-number answer (0, a one-hot 1) is left alone. Reported on the earlier slide,
    /// once per quantity.
    public static func aheadLeaks(in lesson: Lesson) -> [QuestionFinding] {
        var found: [QuestionFinding] = []
        for (j, later) in lesson.script.enumerated() {
            guard let typed = later.typed, j > 0 else { continue }
            let base = ExplorerState(lesson: lesson, language: .en)
            guard case .success(let answer) = typed.answer(on: base.trace), answer.isFinite else { continue }
            let unit = typed.allowedError(screenDigits: lesson.display.digits ?? 2)
            if abs(answer - answer.rounded()) <= unit { continue }   // 0.00, 1.00: everywhere by chance
            let right: (String) -> Bool = { token in
                guard let v = Double(token.replacingOccurrences(of: "−", with: "-")) else { return false }
                return typed.accepts(v, answer: answer, screenDigits: lesson.display.digits ?? 2)
            }
            let focus = typed.reference ?? later.focus
            let window = focus?.t.map { max(1, $0 - 1)...min(base.T, $0 + 1) }
            // the asked entry as drawn (ΔdWaa<2>[0,1] in ΔdWa<2>), and how many entries its quantity has
            let drawn = focus.map { ExplorerState.displayed($0, na: lesson.rnn.shape.na) }
            let count = drawn.flatMap { d in d.t.flatMap { base.trace.tensor(d.symbol, t: $0) } }.map { $0.values.count }
            let cell = drawn.flatMap { d in d.row.map { r in { (v: Matrix) in d.col.map { MatrixIndex(row: r, col: $0) } ?? Term.drawnIndex(row: r, in: v) } } }
            let asked = "slide \(j + 1)'s answer (\(typed.reference.map { "\($0)" } ?? typed.value.source))"
            for i in 0..<j {
                var report: [String] = []
                func note(_ what: String) { if !report.contains(what) { report.append(what) } }
                for language in Language.allCases {
                    for token in numberTokens(lesson.script[i].say.text(language)) where right(token) {
                        note("the text says \(token), \(asked)")
                    }
                }
                var s = ExplorerState(lesson: lesson, language: .en)
                _ = s.open(slide: i + 1)
                answerOwnQuestion(&s, slide: lesson.script[i])
                for p in s.story where window?.contains(p.t) ?? false {
                    _ = s.go(phase: p.phase, t: p.t)
                    let step = p.phase == .forward ? "t = \(p.t)" : "backward t = \(p.t)"
                    var panels = [s.forwardPanel(p.t)]
                    if p.phase == .backward, s.trace.hasBackward { panels.append(s.backwardPanel(p.t)) }
                    for term in panels.flatMap(\.terms) where term.revealed && !term.sizeHidden {
                        // a weight is given; a<t-1>, c<t-1> and [a<t-1>; x<t>] draw a step before their own
                        let before: Set<Symbol> = [.stacked, .aPrev, .cPrev]
                        guard let t = term.ref.t.map({ before.contains(term.symbol) ? $0 - 1 : $0 }), window?.contains(t) ?? false else { continue }
                        let v = term.values
                        // the same entry of a quantity of the same size, or of a<t-1> in [a<t-1>; x<t>]
                        guard v.values.count == count || term.symbol == .stacked && drawn?.col == nil else { continue }
                        let index = cell.map { $0(v) } ?? MatrixIndex(row: 0, col: 0)
                        guard cell != nil || v.values.count == 1, index.row < v.rows, index.col < v.cols,
                              !term.masked.contains(index) else { continue }
                        let token = s.numbers.format(v[index.row, index.col])
                        if right(token) { note("at \(step) \(term.label) shows \(token), \(asked)") }
                    }
                    for item in s.timeline.items where cell == nil && window?.contains(item.t) ?? false {
                        let shown = [("ŷ<\(item.t)>", item.outputLabel), ("L<\(item.t)>", item.loss.map(s.numbers.format))]
                        for (name, token) in shown { if let token, right(token) { note("at \(step) the timeline's \(name) shows \(token), \(asked)") } }
                    }
                }
                // one finding per quantity: the first step that shows it
                var named: Set<String> = []
                for what in report {
                    let key = what.replacingOccurrences(of: #"^at (backward )?t = \d+ "#, with: "", options: .regularExpression)
                    if named.insert(key).inserted { found.append(QuestionFinding(slide: i + 1, language: .en, size: nil, message: what + ", before it is asked")) }
                }
            }
        }
        return found
    }

    /// Answers `slide`'s own question right in `s`, as a student leaving it would have.
    static func answerOwnQuestion(_ s: inout ExplorerState, slide: Slide) {
        guard s.questionPending else { return }
        if let a = slide.ask?.answer { s.update(.answer(a)); return }
        if let typed = slide.typed, case .success(let x) = typed.answer(on: s.trace) {
            for c in s.numbers.format(x) { s.update(.typeAnswer(c)) }
            s.update(.submitAnswer)
        }
    }

    /// The decimal numbers a text writes (`0.64`, `-3.16`, `−0.55`), as written.
    static func numberTokens(_ text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: #"[-−]?\d+\.\d+"#) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }
}
