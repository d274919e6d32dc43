import Foundation
import RNNCore
import Yams

/// A slide as read from the file, with the nodes needed to check it against the trace later.
struct SlideDraft {
    var slide: Slide
    var atNode: Node?
    var focusNode: Node?
    var askNode: Node?
    var setEdits: [RawEdit]?
    var claims: [(CheckExpression, Node)] = []
    /// False when the slide has a problem: its claims that parse are still checked, so that
    /// one error does not hide the others, but the lesson does not load.
    var complete = true
    /// True when the slide's `set:` has an error: its checks and typed answer are not evaluated
    /// (on the unmodified network they would report the one typo as several false numbers).
    var setFailed = false
}

/// The `script:` section: a list of slides (say, at, show, focus, ask, check).
extension NodeReader {
    static let slideKeys = ["say", "at", "show", "focus", "ask", "check", "set"]

    func readScript(_ node: Node) -> [SlideDraft]? {
        guard let items = list(node, "script") else { return nil }
        if items.isEmpty { error("script needs at least one slide (- say: …)", at: node); return nil }
        return items.enumerated().map { readSlide($1, number: $0 + 1) }
    }

    func readSlide(_ node: Node, number: Int) -> SlideDraft {
        let name = "slide \(number)"
        let location = source.location(node.mark)
        guard let f = fields(node, of: name, known: Self.slideKeys) else {
            return SlideDraft(slide: Slide(say: LocalizedText(en: ""), location: location), complete: false)
        }
        let say = require(f, "say", "what the slide says").flatMap { localized($0, "say") }
        let at = f["at"].map { readAt($0) }
        let show = f["show"].map { readShow($0) }
        let typedAsk = f["ask"].flatMap { Self.isTypedAsk($0) ? readTypedAsk($0) : nil }
        let ask = f["ask"].flatMap { Self.isTypedAsk($0) ? nil : readAsk($0) }
        let setEdits = f["set"].map { readSet($0) }
        var ok = say != nil && at != .some(nil) && show != .some(nil) && setEdits != .some(nil)
            && (f["ask"] == nil || ask != nil || typedAsk != nil)
        var focus: EntryRef?
        if let n = f["focus"] {
            focus = readFocus(n, at: at ?? nil)
            ok = ok && focus != nil
        }
        var claims: [(CheckExpression, Node)] = []
        if let n = f["check"] {
            let checkNodes: [Node] = n.sequence.map(Array.init) ?? [n]
            for (i, c) in checkNodes.enumerated() {
                guard let text = string(c, checkNodes.count > 1 || n.sequence != nil ? "check[\(i)]" : "check") else { ok = false; continue }
                switch CheckExpression.parse(text) {
                case .success(let e): claims.append((e, c))
                case .failure(let e):
                    error("check \"\(Sanitizer.screenLine(text))\": \(e.message)", at: source.location(in: c, offset: e.offset))
                    ok = false
                }
            }
        }
        let slide = Slide(say: say ?? LocalizedText(en: ""), at: at ?? nil, show: show ?? nil, focus: focus, ask: ask,
                          checks: claims.map(\.0.source), location: location)
        var draft = SlideDraft(slide: slide, atNode: f["at"], focusNode: f["focus"], claims: claims, complete: ok && say != nil)
        draft.slide.typed = typedAsk
        draft.askNode = f["ask"]
        draft.setEdits = setEdits ?? nil
        draft.setFailed = setEdits == .some(nil)
        return draft
    }

    /// at: {phase: forward, t: 2}; phase defaults to forward.
    func readAt(_ node: Node) -> StoryPosition? {
        guard let f = fields(node, of: "at", known: ["phase", "t"]) else { return nil }
        let phase = f["phase"].map { choice($0, "phase", Phase.self) } ?? .forward
        // the range 1…T is checked against the lesson's own T (ScriptValidation)
        let t = require(f, "t", "the time step, from 1").flatMap { wholeNumber($0, "t (the time step, from 1)") }
        guard let phase, let t else { return nil }
        return StoryPosition(phase: phase, t: t)
    }

    /// show: [Wa, stacked, a]: panels by their screen or reference names.
    func readShow(_ node: Node) -> Set<Symbol>? {
        let items: [Node] = node.sequence.map(Array.init) ?? [node]
        var symbols = Set<Symbol>()
        var ok = true
        for (i, item) in items.enumerated() {
            guard let name = string(item, node.sequence == nil ? "show" : "show[\(i)]") else { ok = false; continue }
            if let found = PanelNames.symbols(named: name) { symbols.formUnion(found); continue }
            let hint = Suggestions.closest(to: name, in: PanelNames.names).map { "; did you mean \($0)?" } ?? " (known: \(PanelNames.sample))"
            error("show: unknown panel '\(Sanitizer.screenLine(name))'\(hint)", at: item)
            ok = false
        }
        return ok ? symbols : nil
    }

    /// focus: "a<2>[1]" (an entry) or "Wa" (a panel); a bare per-step name such as "a" takes the slide's step.
    func readFocus(_ node: Node, at: StoryPosition?) -> EntryRef? {
        guard let text = string(node, "focus") else { return nil }
        switch EntryRef.parse(text) {
        case .success(let ref): return ref
        case .failure(let e):
            if let at, let symbols = PanelNames.symbols(named: text.trimmingCharacters(in: .whitespaces)),
               symbols.count == 1, let symbol = symbols.first, symbol.isPerStep {
                return EntryRef(symbol: symbol, t: at.t)
            }
            error("focus: \(Suggestions.quantityMessage(e))", at: node)
            return nil
        }
    }

    /// ask: {question, choices, answer, why}; answer is 1-based, the key the student presses.
    func readAsk(_ node: Node) -> Question? {
        guard let f = fields(node, of: "ask", known: ["question", "choices", "answer", "why"]) else { return nil }
        let question = require(f, "question", "what the student predicts").flatMap { localized($0, "question") }
        var choices: [LocalizedText]?
        if let n = require(f, "choices", "a list of 2 to 9 answers"), let items = list(n, "choices") {
            let texts = items.enumerated().map { localized($1, "choices[\($0)]") }
            if !(2...9).contains(items.count) { error("choices must have 2 to 9 answers (keys 1–9), got \(items.count)", at: n) }
            else if !texts.contains(where: { $0 == nil }) { choices = texts.compactMap { $0 } }
        }
        let upper = max(1, choices?.count ?? 9)
        let answer = require(f, "answer", "the number of the right choice, from 1").flatMap {
            int($0, "answer (the number of the right choice)", in: 1...upper)
        }
        let why = f["why"].map { readWhy($0, choices: choices?.count) }
        guard let question, let choices, let answer, why != .some(nil) else { return nil }
        return Question(question: question, choices: choices, answer: answer, why: why ?? nil)
    }

    /// why: [text, …]: one explanation per choice, in the order of the choices.
    func readWhy(_ node: Node, choices: Int?) -> [LocalizedText]? {
        guard let items = list(node, "why (one explanation per choice)") else { return nil }
        let texts = items.enumerated().map { localized($1, "why[\($0)]") }
        guard !texts.contains(where: { $0 == nil }) else { return nil }
        if let choices, items.count != choices {
            error("why must have one explanation per choice (\(choices)), got \(items.count)", at: node)
            return nil
        }
        return texts.compactMap { $0 }
    }
}
