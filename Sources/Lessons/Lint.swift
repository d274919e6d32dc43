import Foundation
import RNNCore
import Yams

/// Warnings: what lessons/README.md says a lesson should not do, though it loads and its
/// checks hold. `unroll check` prints them as `FILE:LINE:COL: warning: …` and exits 0
/// unless `--strict`.
///
/// - a question without `focus` (nothing on screen is withheld until it is answered);
/// - a slide quoting an entry, `a<2>[1] = 0.83`, whose number is not the engine's at the
///   precision written (0.83: the value rounded to 2 decimals);
/// - `==` between two sides that both take the engine's numbers (floats rarely are exactly
///   equal: use `≈`, equal to 1e-9 relative);
/// - a check that is just `true`;
/// - a slide that reveals nothing new (no `show` beyond the slides before, no move, no new
///   focus, no question) and says no number.
struct LessonLint {
    let reader: NodeReader
    let trace: Trace

    func warnings(_ drafts: [SlideDraft]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func warn(_ message: String, _ location: SourceLocation) {
            var d = reader.source.diagnostic(message, at: location)
            d.isWarning = true
            out.append(d)
        }
        var revealed: Set<Symbol>? = []   // nil: everything
        var position = StoryPosition(phase: .forward, t: 1)
        var focus: EntryRef?
        for (i, draft) in drafts.enumerated() {
            let slide = draft.slide
            let number = i + 1
            let asks = slide.ask != nil || slide.typed != nil
            let trace = slide.edits.isEmpty ? trace   // a what-if slide speaks of its own network
                : trace.edited(slide.edits)
            if let q = slide.typed, q.value.literal != nil, q.askedNumber(focus: slide.focus, on: trace) == nil {
                warn("slide \(number) asks for the number \(q.value.source), but nothing verifies it: write the reference it is (value: \"z<2>[0]\") or name it in the question or the focus", slide.location)
            }
            if asks && slide.focus == nil {
                warn("slide \(number) asks a question but has no focus: add focus: the entry the question is about, so the screen hides it until it is answered", slide.location)
            }
            var quoted = Set<String>()   // en and zh quote the same numbers: one warning each
            for text in [slide.say.en, slide.say.zh].compactMap({ $0 }) {
                for quote in Self.quotes(in: text) where quoted.insert("\(quote.ref) = \(quote.written)").inserted {
                    guard case .success(let ref) = EntryRef.parse(quote.ref), case .success(let value) = trace.number(ref) else { continue }
                    let scale = pow(10, Double(quote.decimals))
                    let rounded = (value * scale).rounded() / scale
                    if abs(rounded - quote.value) > 0.5 / scale * 1e-6 + 1e-12 && value.isFinite {
                        warn("slide \(number) says \(quote.ref) = \(quote.written), but it is \(Self.format(value, quote.decimals)) at that precision: correct the text (and add a check: \(quote.ref) ≈ \(Self.format(value, quote.decimals)))", slide.location)
                    }
                }
            }
            for (expression, node) in draft.claims {
                if case .boolean(true, _) = expression.root {
                    warn("check \"true\" proves nothing: state what the slide claims, e.g. a<1>[0] ≈ 0.66", reader.source.location(in: node, offset: 0))
                }
                if let offset = Self.exactFloatEquality(expression.root) {
                    warn("check \"\(Sanitizer.screenLine(expression.source))\": == between computed numbers holds only if they are exactly equal, to the last bit; use ≈ (equal to 1e-9 relative)", reader.source.location(in: node, offset: offset))
                }
            }
            // what is new on this slide
            var new = asks || (slide.focus != nil && slide.focus != focus)
            if let at = slide.at, at != position { new = true; position = at }
            if let show = slide.show {
                if let r = revealed, !show.isSubset(of: r) { new = true; revealed = r.union(show) }
            } else if revealed != nil {
                new = true; revealed = nil
            }
            focus = slide.focus
            let saysNumber = [slide.say.en, slide.say.zh].compactMap { $0 }.contains { $0.contains { $0.isASCII && $0.isNumber } }
            if !new && !saysNumber && i > 0 {
                warn("slide \(number) reveals nothing new and says no number: give it a show, an at, a focus or a question, or merge it into slide \(number - 1)", slide.location)
            }
        }
        return out
    }

    /// The offset of an `==` whose operands are both computed (not literals), if any.
    static func exactFloatEquality(_ node: CheckNode) -> Int? {
        /// Whether the engine's numbers enter it: a reference anywhere inside.
        func computed(_ n: CheckNode) -> Bool {
            switch n {
            case .literal, .boolean, .text: return false   // count('…') counts texts: a whole number
            case .ref: return true
            case .negate(let m, _), .not(let m, _): return computed(m)
            case .arithmetic(let first, let links, _): return computed(first) || links.contains { computed($0.operand) }
            case .and(let parts, _), .or(let parts, _): return parts.contains(where: computed)
            case .comparison(let operands, _, _): return operands.contains(where: computed)
            case .call(_, let args, _): return args.contains(where: computed)
            }
        }
        switch node {
        case .comparison(let operands, let ops, _):
            for (k, op) in ops.enumerated() where op.text == "==" && computed(operands[k]) && computed(operands[k + 1]) {
                return op.offset
            }
            return nil
        case .and(let parts, _), .or(let parts, _): return parts.lazy.compactMap(exactFloatEquality).first
        case .not(let n, _): return exactFloatEquality(n)
        default: return nil
        }
    }

    struct Quote: Equatable { var ref: String; var written: String; var value: Double; var decimals: Int }

    /// `NAME<t>[i] = number` in a slide's text, where the quote stands alone: not after an
    /// operator (`+ by = 2.5 × …` is a piece of a sum) and not followed by one.
    static func quotes(in text: String) -> [Quote] {
        let pattern = #"(?<![\w<>\]\)])([A-Za-zŷ̂]+(?:<\d+>)?(?:\[\d+(?:,\s*\d+)?\])?)\s*=\s*(-?\d+(?:\.\d+)?)(?![\d.]*\s*[×*·/+\-−^(])"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        var quotes: [Quote] = []
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let before = ns.substring(to: m.range.location).trimmingCharacters(in: .whitespaces)
            if let last = before.last, "+-−×*·/=(".contains(last) { continue }
            let ref = ns.substring(with: m.range(at: 1))
            let written = ns.substring(with: m.range(at: 2))
            guard ref.contains("<") || ref.contains("["), let value = Double(written) else { continue }
            let decimals = written.split(separator: ".").dropFirst().first?.count ?? 0
            quotes.append(Quote(ref: ref, written: written, value: value, decimals: decimals))
        }
        return quotes
    }

    static func format(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }
}
