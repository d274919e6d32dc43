import RNNCore
import Yams

/// Checks a script against the lesson's own numbers: `at` steps in range, `focus` naming
/// something that exists, and every `check` evaluating (false ones are returned apart).
struct ScriptValidation {
    let reader: NodeReader
    let trace: Trace
    /// The lesson's training texts, for `count('…')` in checks.
    var texts: [String]? = nil

    /// Reports problems to the reader; returns the diagnostics of checks that are false.
    func validate(_ drafts: [SlideDraft]) -> [Diagnostic] {
        var falseChecks = DiagnosticList()
        for draft in drafts {
            let trace = draft.slide.edits.isEmpty ? trace : editedTrace(draft.slide.edits)   // a what-if slide's own network
            if !draft.setFailed, let d = validateTyped(draft, on: trace) { falseChecks.add(d.message) { d } }
            if let at = draft.slide.at, let node = draft.atNode {
                if at.t < 1 || at.t > trace.T {
                    reader.error("at: t = \(at.t) is outside this lesson's steps 1…\(trace.T)", at: node.mapping?["t"] ?? node)
                } else if at.phase == .backward && !trace.hasBackward {
                    reader.error("at: phase backward needs targets (y, or text): this lesson has no backward pass",
                                 at: node.mapping?["phase"] ?? node)
                }
            }
            if let ref = draft.slide.focus, let node = draft.focusNode, case .failure(let e) = trace.resolve(ref) {
                reader.error("focus: \(e.message)", at: node)
            }
            // after an error in `set:` the slide's network is unknown: its numbers are not checked
            for (expression, node) in draft.claims where !draft.setFailed {
                let shown = Sanitizer.screenLine(expression.source)
                switch expression.evaluate(on: trace, texts: texts) {
                case .failure(let e):
                    reader.error("check \"\(shown)\": \(e.message)", at: reader.source.location(in: node, offset: e.offset))
                case .success(let outcome) where !outcome.holds:
                    let message = expression.falseMessage(outcome)
                    falseChecks.add(message) { reader.source.diagnostic(message, at: reader.source.location(in: node, offset: 0)) }
                case .success:
                    break
                }
            }
        }
        return falseChecks.items + [falseChecks.unshownSummary(path: reader.source.path)].compactMap { $0 }
    }
}
