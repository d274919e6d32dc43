import Explorer
import Foundation
import Lessons
import RNNCore
import TextGrid

/// Something a slide's screen gets wrong about its question or its text, found by
/// `QuestionAudit`: the slide (1-based), the language, the screen size (nil when the finding
/// does not depend on it) and a sentence saying what and where.
public struct QuestionFinding: Equatable, Sendable, CustomStringConvertible {
    public let slide: Int
    public let language: Language
    public let size: Size?
    public let message: String

    public var description: String {
        "slide \(slide) (\(language.rawValue)\(size.map { ", \($0.width)×\($0.height)" } ?? "")): \(message)"
    }
}

/// The two promises a question slide makes (lessons/README.md, "What the screen shows"):
///
/// - **leak rule**: before the student answers, nothing on the screen gives the answer away:
///   not the focus value as the screen prints it, not the right choice's label on the
///   timeline, not the size of the quantity asked about, not the loss markers when the
///   question is about the loss; and the slide just before the question (as the student
///   leaves it, its own question answered) shows neither the focus value, nor the answer's
///   label, nor several steps' L<t> when the question compares losses;
/// - **quote rule**: every entry the slide's text quotes (`a<2>[1]`, `x<4> = [1, 1]`,
///   `‖da<30>‖ = 1.75`) is revealed on that slide, while its question is open and after.
///
/// Both take a loaded lesson and return findings with slide numbers, so tests and
/// `unroll check` can run the same rules.
public enum QuestionAudit {
    /// The sizes the leak rule renders at: the smallest supported screen and a large one.
    public static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// The leak rule over every question slide of `lesson`, in both languages, at `sizes`.
    public static func answerLeaks(in lesson: Lesson, sizes: [Size] = sizes) -> [QuestionFinding] {
        var found: [QuestionFinding] = []
        for (i, slide) in lesson.script.enumerated() {
            guard let ask = slide.ask else { continue }
            for language in Language.allCases {
                var state = ExplorerState(lesson: lesson, language: language)
                _ = state.open(slide: i + 1)
                guard state.questionPending else { continue }
                let frame = state.viewModel()
                for message in structuralLeaks(state, frame) {
                    found.append(QuestionFinding(slide: i + 1, language: language, size: nil, message: message))
                }
                let label = answerLabel(ask.choices[ask.answer - 1].text(language))
                let values = focusTokens(state)
                // what the student saw just before: the previous slide, as they leave it (answered)
                var before: (ExplorerState, String)?
                if i > 0 {
                    var previous = ExplorerState(lesson: lesson, language: language)
                    _ = previous.open(slide: i)
                    if let a = lesson.script[i - 1].ask?.answer { previous.update(.answer(a)) }
                    if let typed = lesson.script[i - 1].typed, case .success(let x) = typed.answer(on: previous.trace) {
                        for c in String(x) { previous.update(.typeAnswer(c)) }
                        previous.update(.submitAnswer)
                    }
                    before = (previous, " on slide \(i), before the question")
                    for message in lossShownBefore(question: state, previous: previous) + focusShownBefore(question: state, previous: previous) {
                        found.append(QuestionFinding(slide: i + 1, language: language, size: nil, message: message))
                    }
                }
                for size in sizes {
                    for (shown, when) in [(state, " before the answer")] + (before.map { [$0] } ?? []) {
                        let lines = FrameRenderer.render(shown.viewModel(), size: size, depth: .none).plainText()
                        let paneTop = lines.lastIndex { $0.hasPrefix("─") || $0.hasPrefix("━") } ?? lines.count
                        let screen = Array(lines.prefix(paneTop))   // the lesson pane quotes the slide's text
                        // (on the slide before, a focus value counts through `focusShownBefore`: its
                        // two-digit numbers also turn up in other quantities by chance)
                        for token in values where shown.slide == state.slide && screen.contains(where: { contains($0, number: token) }) {
                            found.append(QuestionFinding(slide: i + 1, language: language, size: size,
                                                         message: "the focus value \(token) is on the screen" + when))
                        }
                        if let label, screen.contains(where: { $0.contains("ŷ \(label) ") || $0.contains("ŷ \(label)│") || $0.hasSuffix("ŷ \(label)") }) {
                            found.append(QuestionFinding(slide: i + 1, language: language, size: size,
                                                         message: "the timeline shows ŷ \(label), the answer's label," + when))
                        }
                    }
                }
            }
        }
        return found
    }

    /// A question about the losses (its focus an L<t>) whose previous slide already shows the
    /// losses of several steps on the timeline, so the student could compare them before.
    static func lossShownBefore(question: ExplorerState, previous: ExplorerState) -> [String] {
        guard let f = question.currentSlide?.focus, f.symbol == .loss || f.symbol == .totalLoss,
              question.currentSlide?.ask != nil else { return [] }
        let shown = previous.timeline.items.filter { $0.loss != nil }.map(\.t)
        guard shown.count > 1 else { return [] }
        return ["the previous slide shows L<t> on the timeline at t = \(shown.map(String.init).joined(separator: ", ")), before the question about the loss"]
    }

    /// The quote rule over every slide of `lesson`: each quoted entry's quantity is shown,
    /// with the slide's question open and answered, in both languages' texts.
    public static func hiddenQuotes(in lesson: Lesson) -> [QuestionFinding] {
        var found: [QuestionFinding] = []
        for (i, slide) in lesson.script.enumerated() {
            for language in Language.allCases {
                let quoted = quotedEntries(slide.say.text(language))
                if quoted.isEmpty { continue }   // nothing to check: no screen to build
                var state = ExplorerState(lesson: lesson, language: language)
                _ = state.open(slide: i + 1)
                var states = [("open", state)]
                if let answer = slide.ask?.answer, state.questionPending {
                    state.update(.answer(answer))
                    states = [("open", states[0].1), ("answered", state)]
                }
                for ref in quoted {
                    if slide.typed != nil, ref == slide.focus { continue }   // a typed question names the number it asks for
                    let shown = ExplorerState.displayed(ref, na: lesson.rnn.shape.na)
                    if let (when, _) = states.first(where: { !$0.1.isShown(shown.symbol, at: shown.t) }) {   // once per quote
                        found.append(QuestionFinding(slide: i + 1, language: language, size: nil,
                                                     message: "the text quotes \(ref) but the screen hides \(shown.symbol.label) (question \(when))"))
                    }
                }
            }
        }
        return found
    }

    /// The question's focus already on screen on the slide before: revealed there, and computed
    /// at the step that slide stands on (forward up to its t; every step going backward).
    static func focusShownBefore(question: ExplorerState, previous: ExplorerState) -> [String] {
        guard let slide = question.currentSlide, let f = slide.focus else { return [] }
        guard previous.isShown(f.symbol, at: f.t) else { return [] }
        // a focus the question's own text quotes (07e: "a<2> = […]. Which steps have a loss?")
        // only points at something; it is not the answer
        let text = slide.say.text(question.language) + " " + (slide.ask?.question.text(question.language) ?? "")
        let name = String(f.description.prefix { $0 != "[" })   // a<2>[2] → a<2>
        if text.contains(name + " =") || quotedEntries(text).contains(where: { $0.symbol == f.symbol && $0.t == f.t }) { return [] }
        if let t = f.t, f.symbol.isPerStep {
            let p = previous.position
            let computed = f.symbol.isBackward ? p.phase == .backward && p.t <= t : p.phase == .backward || p.t >= t
            if !computed { return [] }
        }
        return ["the previous slide shows \(f), the question's focus, before the question"]
    }

    // MARK: - the parts

    /// Leaks the view model shows whatever the size: the asked-about quantity's size label,
    /// and the timeline's loss markers when the question is about the loss.
    public static func structuralLeaks(_ state: ExplorerState, _ frame: ViewModel) -> [String] {
        guard let focus = state.currentSlide?.focus else { return [] }
        var out: [String] = []
        let terms = frame.forward.terms + (frame.backward?.terms ?? [])
        if terms.contains(where: { $0.symbol == focus.symbol && !$0.revealed && !$0.sizeHidden && $0.values.values.count > 1 }) {
            out.append("the label of \(focus.symbol.label) shows its size while the question is open")
        }
        if state.withheld.contains(.loss), frame.timeline.items.contains(where: { !$0.hasTarget }) {
            out.append("the timeline marks the steps without a loss (L —) while the question is about the loss")
        }
        if state.withheld.contains(.yHat), frame.timeline.items.contains(where: { !$0.hasOutput }) {
            out.append("the timeline marks the steps without an output (ŷ —) while the question is about the output")
        }
        if state.withheld.contains(.totalLoss), terms.contains(where: { $0.symbol == .totalLoss && $0.label != "L" }) {
            out.append("the total loss is labelled by the steps that have a loss while the question is open")
        }
        return out
    }

    /// The answer choice's label: its first word when that is short (`o`, `On`, `i`), the
    /// way the timeline would print it; nil for longer answers.
    static func answerLabel(_ choice: String) -> String? {
        let word = choice.prefix { !" ,:;，：、（(".contains($0) }
        return word.isEmpty || word.count > 12 ? nil : String(word)
    }

    /// The focus entries as the screen prints them, when they are distinctive (two non-zero
    /// significant digits): `0.94`, `-5.04`, not `1.00` or `0.00`.
    static func focusTokens(_ state: ExplorerState) -> [String] {
        guard let focus = state.currentSlide?.focus, case .success(let m) = state.trace.resolve(focus) else { return [] }
        return Array(Set(m.values.prefix(256).map { state.numbers.format($0) }.filter { token in
            token.filter { $0.isNumber && $0 != "0" }.count >= 2
        })).sorted()
    }

    /// Whether `line` has `number` as a whole number (not inside a longer one).
    static func contains(_ line: String, number: String) -> Bool {
        var rest = Substring(line)
        while let r = rest.range(of: number) {
            let before = rest[rest.startIndex..<r.lowerBound].last
            let after = rest[r.upperBound...].first
            let digitish: (Character?) -> Bool = { c in c.map { $0.isNumber || $0 == "." } ?? false }
            if !digitish(before) && !digitish(after) && before != "-" { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }

    /// The entries a text quotes: indexed references (`a<2>[1]`, `Waa[0,0]`) and quantities
    /// given a value (`x<4> = x<1> = [1, 1]`, `‖da<30>‖ = 1.75`, `L<2> = 0.51`).
    public static func quotedEntries(_ text: String) -> [EntryRef] {
        let name = #"Δ?[A-Za-zŷ_]+(?:<\d+>)?"#
        let patterns = [
            #"(Δ?[A-Za-zŷ_]+)(<\d+>)?\[\d+(,\s*\d+)?\]"#,
            "(?:‖)?(\(name))(?:‖)?(?=(?:\\s*=\\s*(?:‖)?\(name)(?:‖)?)*\\s*=\\s*[\\[\\-−]?\\d)",
        ]
        let ns = text as NSString
        var refs: [EntryRef] = []
        for (k, pattern) in patterns.enumerated() {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let r = k == 0 ? m.range : m.range(at: 1)
                guard r.location != NSNotFound, case .success(let ref) = EntryRef.parse(ns.substring(with: r)) else { continue }
                if k == 1 && (ref.t == nil && !ref.symbol.isParameterLike) { continue }
                if !refs.contains(ref) { refs.append(ref) }
            }
        }
        return refs
    }
}

extension Symbol {
    /// A shared weight or bias (quoted without a step: `Waa = …`).
    var isParameterLike: Bool { !isPerStep && !isRunningSum }
}
