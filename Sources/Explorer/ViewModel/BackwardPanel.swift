import Lessons
import RNNCore

extension ExplorerState {
    /// The backward working of step t (BPTT, t = T…1):
    /// `dy<t> = ŷ<t> - y<t>`;  `da<t> = Wyaᵀdy<t> + da_next<t>`;  `dz<t> = da<t> ⊙ g1'(z<t>)`;
    /// `ΔdWa<t> = dz<t>·[a<t-1>; x<t>]ᵀ → Σ → dWa`;  `Δdba<t> → Σ → dba`;
    /// `ΔdWya<t> = dy<t>·a<t>ᵀ → Σ → dWya`;  `Δdby<t> → Σ → dby`;  `da_prev<t> = Waaᵀ·dz<t>`.
    public func backwardPanel(_ t: Int) -> Panel {
        if let cell = trace.gated?.cell { return gatedBackwardPanel(t, cell: cell) }
        let s = trace.shape, na = s.na, p = trace.rnn.params
        let sum = words.sumOfSteps(T, t)
        var rows: [EquationRow] = []
        if trace.hasTarget(t) {
            rows.append(EquationRow(items: [
                .term(term(.yHat, t)), .op(.minus), .term(term(.y, t)), .op(.equals), .term(term(.dy, t)),
            ]))
        } else {
            rows.append(EquationRow(items: [], note: words.noTargetBackward(t)))
        }
        rows.append(EquationRow(items: [
            .term(term(.daFromOutput, t)), .op(.plus), .term(term(.daNext, t)), .op(.equals), .term(term(.da, t)),
        ]))
        let a = trace.vector(.a, t) ?? []
        let slope = Matrix(column: a.map { s.g1.derivative(fromOutput: $0) })
        rows.append(EquationRow(items: [
            .term(term(.da, t)), .op(.hadamard),
            .term(term(.z, t, kind: .derived, label: "\(s.g1.formula)'(z<\(t)>)", values: slope)), .op(.equals),
            .term(term(.dz, t)),
        ]))
        let stacked = trace.tensor(.stacked, t: t) ?? Matrix(rows: 0, cols: 0)
        rows.append(EquationRow(items: [
            .term(term(.dz, t)), .op(.times),
            .term(term(.stacked, t, kind: .transposed, label: "[a<\(t - 1)>; x<\(t)>]ᵀ", values: stacked.transposed,
                       colDivider: na)), .op(.equals),
            .term(term(.dWaStep, t, colDivider: na)), .op(.accumulate),
            .term(term(.dWa, t, label: "dWa", caption: "[dWaa | dWax], " + sum, colDivider: na)),
        ]))
        rows.append(EquationRow(items: [
            .term(term(.dbaStep, t, caption: "= dz<\(t)>")), .op(.accumulate), .term(term(.dba, t, label: "dba", caption: sum)),
        ]))
        let aRow = trace.tensor(.a, t: t)?.transposed ?? Matrix(rows: 0, cols: 0)
        // a step without a target has dy<t> = 0: shown as zeros, so the product reads as 0
        let dy = trace.tensor(.dy, t: t) ?? Matrix(rows: trace.shape.ny, cols: 1)
        rows.append(EquationRow(items: [
            .term(term(.dy, t, values: dy)), .op(.times),
            .term(term(.a, t, kind: .transposed, label: "a<\(t)>ᵀ", values: aRow)), .op(.equals),
            .term(term(.dWyaStep, t)), .op(.accumulate), .term(term(.dWya, t, label: "dWya", caption: sum)),
        ], note: trace.hasTarget(t) ? nil : words.noTarget(t)))
        rows.append(EquationRow(items: [
            .term(term(.dbyStep, t, caption: "= dy<\(t)>")), .op(.accumulate), .term(term(.dby, t, label: "dby", caption: sum)),
        ]))
        rows.append(EquationRow(items: [
            .term(term(.Waa, t, kind: .transposed, label: "Waaᵀ", values: p.Waa.transposed)), .op(.times),
            .term(term(.dz, t)), .op(.equals), .term(term(.daPrev, t)),
        ], note: words.handedBack(t)))
        return Panel(phase: .backward, t: t, title: words.backwardPanelTitle, rows: rows)
    }
}
