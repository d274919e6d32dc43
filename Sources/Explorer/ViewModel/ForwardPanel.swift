import Lessons
import RNNCore

extension ExplorerState {
    /// The forward working of step t:
    /// `Wa · [a<t-1>; x<t>] + ba = z<t> → g1 → a<t>`, then `Wya · a<t> + by = zy<t> → g2 → ŷ<t>`,
    /// then `y<t> → cross-entropy → L<t> → Σ → L<1>+…+L<t>`.
    public func forwardPanel(_ t: Int) -> Panel {
        let s = trace.shape, na = s.na
        var rows: [EquationRow] = []
        rows.append(EquationRow(items: [
            .term(term(.Wa, t, caption: "[Waa | Wax]", colDivider: na)), .op(.times),
            .term(term(.stacked, t, rowDivider: na)), .op(.plus),
            .term(term(.ba, t)), .op(.equals),
            .term(term(.z, t)), .op(.apply(s.g1.formula)),
            .term(term(.a, t)),
        ], note: trace.hasInput(t) ? nil : words.noInput(t)))
        guard trace.hasOutput(t) else {
            rows.append(EquationRow(items: [], note: words.noOutput(t)))
            return Panel(phase: .forward, t: t, title: words.forwardPanelTitle, rows: rows)
        }
        rows.append(EquationRow(items: [
            .term(term(.Wya, t)), .op(.times), .term(term(.a, t)), .op(.plus), .term(term(.by, t)), .op(.equals),
            .term(term(.zy, t)), .op(.apply(s.g2.rawValue)), .term(term(.yHat, t)),
        ]))
        if trace.hasTarget(t) {
            rows.append(EquationRow(items: [
                .term(term(.y, t)), .op(.apply(words.crossEntropy)), .term(term(.loss, t)), .op(.accumulate),
                .term(term(.totalLoss, t, label: lossSoFarLabel(t), values: Matrix(column: [trace.lossSoFar(t) ?? 0]))),
            ]))
        } else {
            rows.append(EquationRow(items: [], note: words.noTarget(t)))
        }
        return Panel(phase: .forward, t: t, title: words.forwardPanelTitle, rows: rows)
    }

    /// `L<1>`, `L<1>+L<2>`, `L<1>+…+L<5>`: the running total after step t.
    /// The running total so far, named by the steps that have a loss: `L<1>+L<2>`,
    /// `L<1>+…+L<5>`, `L<4>` (many-to-one), `L<3>+L<4>` (encoder–decoder), `L` when none yet.
    func lossSoFarLabel(_ t: Int) -> String {
        if withheld.contains(.totalLoss) { return "L" }   // which steps add up is what a question may ask
        let steps = (1...max(t, 1)).filter { trace.hasTarget($0) }
        guard let first = steps.first, let last = steps.last else { return "L (0)" }
        switch steps.count {
        case 1: return "L<\(first)>"
        case 2: return "L<\(first)>+L<\(last)>"
        default: return "L<\(first)>+…+L<\(last)>"
        }
    }
}
