import Foundation
import RNNCore
import Yams

extension NodeReader {
    static let typedAskKeys = ["question", "value", "digits", "tolerance", "tries"]

    /// Whether an `ask:` asks for a number (it has `value`) rather than a choice.
    static func isTypedAsk(_ node: Node) -> Bool { node.mapping?["value"] != nil }

    /// ask: {question, value: "z<2>[2]" | 0.75, digits, tolerance, tries}: a number to type.
    func readTypedAsk(_ node: Node) -> TypedQuestion? {
        if let m = node.mapping, let c = m["choices"] ?? m["answer"] {
            error("ask takes choices and answer, or a value to type, not both", at: c)
            return nil
        }
        guard let f = fields(node, of: "ask", known: Self.typedAskKeys) else { return nil }
        let question = require(f, "question", "what the student computes").flatMap { localized($0, "question") }
        var value: CheckExpression?
        if let n = f["value"] {
            if case .scalar(let s) = n {
                switch CheckExpression.parse(s.string) {
                case .success(let e): value = e
                case .failure(let e):
                    error("value \"\(Sanitizer.screenLine(s.string))\": \(e.message)", at: source.location(in: n, offset: e.offset))
                }
            } else {
                error("value must be an entry such as \"z<2>[2]\" or a number, got \(describe(n))", at: n)
            }
        }
        let digits = f["digits"].map { int($0, "digits", in: 0...6) }
        var tolerance: Double??
        if let n = f["tolerance"] {
            let v = number(n, "tolerance")
            if let v, v <= 0 { error("tolerance must be greater than 0, got \(CheckEvaluator.format(v))", at: n); tolerance = .some(nil) }
            else { tolerance = .some(v) }
        }
        let tries = f["tries"].map { int($0, "tries", in: 1...9) }
        guard let question, let value, digits != .some(nil), tolerance != .some(nil), tries != .some(nil) else { return nil }
        return TypedQuestion(question: question, value: value, digits: digits ?? nil, tolerance: tolerance ?? nil,
                             tries: (tries ?? nil) ?? TypedQuestion.defaultTries)
    }
}

extension ScriptValidation {
    /// A typed question's value must be one finite number on the slide's network; a bare number
    /// is verified against the slide's focus entry as a check `focus ≈ number` would be.
    func validateTyped(_ draft: SlideDraft, on trace: Trace) -> Diagnostic? {
        guard let q = draft.slide.typed, let node = draft.askNode else { return nil }
        let valueNode = node.mapping?["value"] ?? node
        switch q.answer(on: trace) {
        case .failure(let e):
            reader.error("ask: value \"\(Sanitizer.screenLine(q.value.source))\": \(e.message)",
                         at: reader.source.location(in: valueNode, offset: e.offset))
        case .success:
            guard let (written, halfUnit) = q.value.literal,
                  let (asked, actual) = q.askedNumber(focus: draft.slide.focus, on: trace) else { return nil }
            if abs(actual - written) > halfUnit * (1 + 1e-9) {
                return reader.source.diagnostic(
                    "ask: value \(q.value.source) is not \(asked) as written: \(asked) = \(CheckEvaluator.format(actual))",
                    at: reader.source.location(in: valueNode, offset: 0))
            }
        }
        return nil
    }
}

extension TypedQuestion {
    /// The one number a question with a literal `value` is about, to verify the literal against:
    /// a reference its question names (`What is L<4>?`), else the slide's focus when that is one
    /// number; nil when neither is (`unroll check` then warns that nothing verifies the literal).
    public func askedNumber(focus: EntryRef?, on trace: Trace) -> (EntryRef, Double)? {
        let named = [question.en, question.zh].compactMap { $0 }.flatMap(Self.references)
        for ref in named + [focus].compactMap({ $0 }) {
            guard ref.isEntry || ref.symbol == .loss || ref.symbol == .totalLoss,
                  case .success(let v) = trace.number(ref) else { continue }
            return (ref, v)
        }
        return nil
    }

    /// The references a text names (`L<4>`, `z<2>[0]`), in order: words with `<…>` or `[…]` that parse.
    static func references(in text: String) -> [EntryRef] {
        let ends = CharacterSet(charactersIn: "?？.,，。:：;；!！()（）\"'“”`")
        return text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).compactMap { word in
            let w = word.trimmingCharacters(in: ends)
            guard w.contains("<") || w.contains("["), case .success(let ref) = EntryRef.parse(w) else { return nil }
            return ref
        }
    }
}
