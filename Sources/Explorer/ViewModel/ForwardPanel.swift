import Lessons
import RNNCore

extension ExplorerState {
    /// The forward working of step t: the cell's rows from its description (`cellRows`; the
    /// plain cell's `Wa · [a<t-1>; x<t>] + ba = z<t> → g1 → a<t>`), then `Wya · a<t> + by = zy<t> → g2 → ŷ<t>`,
    /// then `y<t> → cross-entropy → L<t> → Σ →` the running total (named by `lossSoFarLabel`);
    /// a step without an output or a target gets a note in place of those rows.
    public func forwardPanel(_ t: Int) -> Panel {
        var rows = cellRows(t)
        guard trace.hasOutput(t) else {
            rows.append(EquationRow(items: [], note: words.noOutput(t)))
            return Panel(phase: .forward, t: t, title: words.forwardPanelTitle, rows: rows)
        }
        rows.append(outputRow(t))
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

    /// The running total after step t, named by the steps that have a loss so far: `L<1>+L<2>`,
    /// `L<1>+…+L<5>`, `L<3>+L<4>` (encoder–decoder), `L (0)` when none yet; `L` when one step's
    /// loss is the whole of L (many-to-one: `L<30> → Σ → L`, not `L<30>` twice), `L<3>` when
    /// later steps will add to it.
    func lossSoFarLabel(_ t: Int) -> String {
        if withheld.contains(.totalLoss) { return "L" }   // which steps add up is what a question may ask
        let steps = (1...max(t, 1)).filter { trace.hasTarget($0) }
        guard let first = steps.first, let last = steps.last else { return "L (0)" }
        switch steps.count {
        case 1: return (t...max(t, T)).dropFirst().contains(where: trace.hasTarget) ? "L<\(first)>" : "L"
        case 2: return "L<\(first)>+L<\(last)>"
        default: return "L<\(first)>+…+L<\(last)>"
        }
    }
}
