import Lessons
import RNNCore

/// The forward panel drawn from the cell's description (`CellDescription.steps`): one row per
/// named step, read left to right as its equation (`Wu · [c<t-1>; x<t>] + bu → σ → Γu<t>`,
/// `Γu<t> ⊙ c̃<t> + 1−Γu<t> ⊙ c<t-1> = c<t>`). A step that applies an activation to the step
/// before it (`a<t> = g1(z<t>)`) or repeats it (`a<t> = c<t>`) continues that step's row. The
/// plain cell, the GRU and the LSTM all go through here; a new cell is a new description.
extension ExplorerState {
    /// The rows of the cell's forward steps at step t, up to and including `a<t>` (the output
    /// and the loss rows are added by `forwardPanel`).
    func cellRows(_ t: Int) -> [EquationRow] {
        var rows: [[EquationItem]] = []
        for step in CellDescription.steps(trace.cell) where step.result != .yHat {
            if let last = rows.last, case .term(let end)? = last.last, let folded = fold(step, after: end.symbol, t) {
                rows[rows.count - 1] += folded
            } else {
                rows.append(items(of: step, t))
            }
        }
        return rows.enumerated().map { i, items in
            EquationRow(items: items, note: i == 0 && !trace.hasInput(t) ? words.noInput(t) : nil)
        }
    }

    /// The output row: `Wya · a<t> + by = zy<t> → g2 → ŷ<t>`, from the description's last step.
    func outputRow(_ t: Int) -> EquationRow {
        let step = CellDescription.steps(trace.cell).first { $0.result == .yHat }
        guard let step, case .g2(let inner) = step.expression else { return EquationRow(items: []) }
        return EquationRow(items: items(inner, t) + [.op(.equals), .term(term(.zy, t)),
                                                     .op(.apply(activationName(step.expression))), .term(term(.yHat, t))])
    }

    /// The items that continue the previous row when `step` only applies an activation to its
    /// result (`→ tanh → a<t>`) or renames it (`= a<t>`); nil otherwise.
    private func fold(_ step: CellStep, after previous: Symbol, _ t: Int) -> [EquationItem]? {
        switch step.expression {
        case .value(let s) where s == previous:
            return [.op(.equals), .term(term(step.result, t))]
        case .g1(.value(let s)) where s == previous, .tanh(.value(let s)) where s == previous,
             .sigmoid(.value(let s)) where s == previous:
            return [.op(.apply(activationName(step.expression))), .term(term(step.result, t))]
        default: return nil
        }
    }

    /// One step as a row: an activation of an affine map reads `W · v + b → f → result`;
    /// anything else `expression = result`.
    private func items(of step: CellStep, _ t: Int) -> [EquationItem] {
        let result = EquationItem.term(term(step.result, t))
        switch step.expression {
        case .sigmoid(let inner), .tanh(let inner), .g1(let inner), .g2(let inner):
            if case .affine = inner { return items(inner, t) + [.op(.apply(activationName(step.expression))), result] }
        default: break
        }
        return items(step.expression, t) + [.op(.equals), result]
    }

    /// The screen's name of the activation an expression applies: σ, tanh, the lesson's g1 or g2.
    private func activationName(_ e: CellExpr) -> String {
        switch e {
        case .sigmoid: return "σ"
        case .g1: return trace.shape.g1.formula
        case .g2: return trace.shape.g2.rawValue
        default: return "tanh"
        }
    }

    /// The items of an expression, left to right.
    private func items(_ e: CellExpr, _ t: Int) -> [EquationItem] {
        let na = trace.shape.na
        switch e {
        case .value(let s): return [.term(term(s, t))]
        case .affine(let w, let v, let b):
            let weight = term(w, t, caption: w == .Wa ? "[Waa | Wax]" : nil, colDivider: w == .Wya ? nil : na)
            return [.term(weight), .op(.times)] + items(v, t) + [.op(.plus), .term(term(b, t))]
        case .stack(let p, let q):
            return [.term(stackTerm(p, q, t))]
        case .hadamard(let p, let q):
            return items(p, t) + [.op(.hadamard)] + items(q, t)
        case .add(let p, let q):
            return items(p, t) + [.op(.plus)] + items(q, t)
        case .oneMinus(.value(let s)):
            let v = (trace.vector(s, t) ?? []).map { 1 - $0 }
            return [.term(term(s, t, kind: .derived, label: "1−" + s.label(t: t), values: Matrix(column: v)))]
        case .tanh(.value(let s)):
            let v = (trace.vector(s, t) ?? []).map { Foundation.tanh($0) }
            return [.term(term(s, t, kind: .derived, label: "tanh(\(s.label(t: t)))", values: Matrix(column: v)))]
        default:
            // an expression the views have no picture for: its value, labelled by its formula
            let v = CellDescription.evaluate(e, t: t, trace: trace, computed: [:]) ?? []
            let owner = e.inputs.first ?? .a
            return [.term(term(owner, t, kind: .derived, label: Self.atStep(e.formula, t), values: Matrix(column: v)))]
        }
    }

    /// The stacked input of a gate: `[a<t-1>; x<t>]` (the plain cell and the LSTM, inspectable),
    /// `[c<t-1>; x<t>]` (the GRU's gates: the same numbers, as c<t-1> = a<t-1>), or
    /// `[Γr<t> ⊙ c<t-1>; x<t>]` (the GRU's candidate), each with its divider after n_a rows.
    private func stackTerm(_ p: CellExpr, _ q: CellExpr, _ t: Int) -> Term {
        let na = trace.shape.na, label = Self.atStep(CellExpr.stack(p, q).formula, t)
        switch p {
        case .value(.aPrev): return term(.stacked, t, rowDivider: na)
        case .value(.cPrev): return term(.stacked, t, label: label, rowDivider: na)
        default:
            let v = CellDescription.evaluate(.stack(p, q), t: t, trace: trace, computed: [:]) ?? []
            let owner = p.inputs.first ?? .stacked
            var stack = term(owner, t, kind: .derived, label: label, values: Matrix(column: v), rowDivider: na)
            // the step after an open question on c<t-1>[i]: like [a<t-1>; x<t>], only row i is `?`
            if !stack.revealed, let row = maskedRow(.stacked, at: t), row < stack.values.rows, isShown(revealed: owner) {
                stack.revealed = true
                stack.values[row, 0] = 0
                stack.masked = [MatrixIndex(row: row, col: 0)]
                stack.scale = perStepScale ? Self.top(stack.values.values) : 1
            }
            return stack
        }
    }

    /// A formula written with symbolic steps (`c<t-1>`) at step t (`c<2>`).
    static func atStep(_ formula: String, _ t: Int) -> String {
        formula.replacingOccurrences(of: "<t-1>", with: "<\(t - 1)>").replacingOccurrences(of: "<t>", with: "<\(t)>")
    }
}

import Foundation
