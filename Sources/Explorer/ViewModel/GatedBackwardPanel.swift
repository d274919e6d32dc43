import Lessons
import RNNCore

/// The backward working of a GRU or LSTM step (BPTT through both a and c, t = T…1).
extension ExplorerState {
    /// `dy<t> = ŷ<t> − y<t>`;  `da<t> = Wyaᵀdy<t> + da_next<t>`;  the memory
    /// `dc<t> = dc_next<t> + da<t> ⊙ Γo ⊙ (1 − tanh²(c<t>))` (LSTM; the GRU's a<t> = c<t> gives
    /// dc<t> = da<t>); per gate `dΓ<t> ⊙ σ′ = dz<t>` (c̃: `dc̃<t> ⊙ (1 − c̃²)`), its contribution
    /// `ΔdW<t> = dz<t>·s<t>ᵀ → Σ → dW` and `Δdb<t> → Σ → db`; the output layer's `ΔdWya`, `Δdby`;
    /// and what goes back to step t−1: `da_prev<t>`, `dc_prev<t>`.
    func gatedBackwardPanel(_ t: Int, cell: GatedCell) -> Panel {
        let na = trace.shape.na, w = words
        let sum = w.sumOfSteps(T, t)
        var rows: [EquationRow] = []
        if trace.hasTarget(t) {
            rows.append(EquationRow(items: [.term(term(.yHat, t)), .op(.minus), .term(term(.y, t)), .op(.equals), .term(term(.dy, t))]))
        } else {
            rows.append(EquationRow(items: [], note: w.noTargetBackward(t)))
        }
        rows.append(EquationRow(items: [
            .term(term(.daFromOutput, t)), .op(.plus), .term(term(.daNext, t)), .op(.equals), .term(term(.da, t)),
        ]))
        let dc = trace.vector(.dc, t) ?? [], dcNext = trace.vector(.dcNext, t) ?? []
        switch cell {
        case .lstm:
            let throughA = Matrix(column: zip(dc, dcNext).map { $0 - $1 })
            rows.append(EquationRow(items: [
                .term(term(.dcNext, t)), .op(.plus),
                .term(term(.da, t, kind: .derived, label: "da<\(t)>⊙Γo<\(t)>⊙(1−tanh²c<\(t)>)", values: throughA)),
                .op(.equals), .term(term(.dc, t)),
            ], note: w.memoryPath))
        case .gru:
            rows.append(EquationRow(items: [.term(term(.da, t)), .op(.equals), .term(term(.dc, t))], note: w.gruMemoryIsState))
        }
        for gate in cell.gates {
            let (dAct, act, dz, dWStep, dW, dbStep, db) = Self.gateSymbols(gate)
            let y = trace.vector(act, t) ?? []
            let slope = gate.isSigmoid ? y.map { $0 * (1 - $0) } : y.map { 1 - $0 * $0 }
            let slopeLabel = gate.isSigmoid ? "σ′ = Γ\(gate.rawValue)(1−Γ\(gate.rawValue))" : "1−c̃<\(t)>²"
            rows.append(EquationRow(items: [
                .term(term(dAct, t, caption: w.dGateCaption(cell, gate, t))), .op(.hadamard),
                .term(term(act, t, kind: .derived, label: slopeLabel, values: Matrix(column: slope))), .op(.equals),
                .term(term(dz, t)),
            ]))
            let input = (trace.gated?.stackedInput(gate, t) ?? [])
            let inputLabel = cell == .gru ? (gate == .c ? "[Γr<\(t)>⊙c<\(t - 1)>; x<\(t)>]ᵀ" : "[c<\(t - 1)>; x<\(t)>]ᵀ")
                : "[a<\(t - 1)>; x<\(t)>]ᵀ"
            rows.append(EquationRow(items: [
                .term(term(dz, t)), .op(.times),
                .term(term(.stacked, t, kind: gate == .c && cell == .gru ? .derived : .transposed, label: inputLabel,
                           values: Matrix(column: input).transposed, colDivider: na)), .op(.equals),
                .term(term(dWStep, t, colDivider: na)), .op(.accumulate),
                .term(term(dW, t, label: dW.rawValue, caption: sum, colDivider: na)),
                .term(term(dbStep, t, caption: "= \(dz.label(t: t))")), .op(.accumulate),
                .term(term(db, t, label: db.rawValue, caption: sum)),
            ]))
        }
        let aRow = trace.tensor(.a, t: t)?.transposed ?? Matrix(rows: 0, cols: 0)
        let dy = trace.tensor(.dy, t: t) ?? Matrix(rows: trace.shape.ny, cols: 1)
        rows.append(EquationRow(items: [
            .term(term(.dy, t, values: dy)), .op(.times),
            .term(term(.a, t, kind: .transposed, label: "a<\(t)>ᵀ", values: aRow)), .op(.equals),
            .term(term(.dWyaStep, t)), .op(.accumulate), .term(term(.dWya, t, label: "dWya", caption: sum)),
            .term(term(.dbyStep, t, caption: "= dy<\(t)>")), .op(.accumulate), .term(term(.dby, t, label: "dby", caption: sum)),
        ], note: trace.hasTarget(t) ? nil : w.noTarget(t)))
        rows.append(EquationRow(items: [
            .term(term(.daPrev, t, caption: cell == .gru ? "= dc_prev<\(t)>" : "Σ_k Wkᵀdzk")),
            .term(term(.dcPrev, t, caption: cell == .gru ? "Σ_k Wkᵀdzk + …" : "= dc<\(t)>⊙Γf<\(t)>")),
        ], note: w.gatedHandedBack(t)))
        return Panel(phase: .backward, t: t, title: w.backwardPanelTitle, rows: rows)
    }

    /// A gate's symbols: dΓ (dc̃), Γ (c̃), dz, ΔdW, dW, Δdb, db.
    static func gateSymbols(_ g: Gate) -> (Symbol, Symbol, Symbol, Symbol, Symbol, Symbol, Symbol) {
        switch g {
        case .f: return (.dGammaF, .gammaF, .dzf, .dWfStep, .dWf, .dbfStep, .dbf)
        case .u: return (.dGammaU, .gammaU, .dzu, .dWuStep, .dWu, .dbuStep, .dbu)
        case .r: return (.dGammaR, .gammaR, .dzr, .dWrStep, .dWr, .dbrStep, .dbr)
        case .o: return (.dGammaO, .gammaO, .dzo, .dWoStep, .dWo, .dboStep, .dbo)
        case .c: return (.dcTilde, .cTilde, .dzc, .dWcStep, .dWc, .dbcStep, .dbc)
        }
    }
}

extension Words {
    var memoryPath: String {
        pick("dc_next comes straight through the memory: c<t+1> = Γf ⊙ c<t> + …", "dc_next 沿记忆直接传回：c<t+1> = Γf ⊙ c<t> + …")
    }
    var gruMemoryIsState: String { pick("a<t> = c<t> in the GRU, so dc<t> = da<t>", "GRU 中 a<t> = c<t>，所以 dc<t> = da<t>") }
    /// Where the d-gate comes from, under its label.
    func dGateCaption(_ cell: GatedCell, _ gate: Gate, _ t: Int) -> String {
        switch (cell, gate) {
        case (.lstm, .f): return "= dc ⊙ c<\(t - 1)>"
        case (.lstm, .u): return "= dc ⊙ c̃"
        case (.lstm, .o): return "= da ⊙ tanh(c)"
        case (.lstm, _): return "= dc ⊙ Γu"
        case (.gru, .u): return "= dc ⊙ (c̃ − c<\(t - 1)>)"
        case (.gru, .r): return "= Wcᵀdzc ⊙ c<\(t - 1)>"
        case (.gru, _): return "= dc ⊙ Γu"
        }
    }
    func gatedHandedBack(_ t: Int) -> String {
        t > 1 ? pick("handed to step \(t - 1) as da_next<\(t - 1)> and dc_next<\(t - 1)>",
                     "传给第 \(t - 1) 步，作为 da_next<\(t - 1)> 与 dc_next<\(t - 1)>")
              : pick("these are da<0> and dc<0>", "这就是 da<0> 与 dc<0>")
    }
}
