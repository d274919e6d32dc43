import Lessons
import RNNCore

/// Inspect explanations for the GRU's and LSTM's own quantities: each gate as the sum of
/// products it is (`Γu<3>[1] = σ(Σ_j Wu[1,j]·[c<2>; x<3>][j] + bu[1]) = σ(…) = 0.93`), the
/// memory `c<t>[i] = 0.93·c̃ + 0.07·c<t-1> = …`, and the backward pass through both a and c.
extension ExplorerState {
    /// The explanation of a gated entry, or nil when the plain explanation applies (x, y, ŷ, L, dy, …).
    func explainGated(_ ref: EntryRef) -> [String]? {
        guard let g = trace.gated else { return nil }
        let i = ref.row ?? 0, j = ref.col ?? 0
        guard let t = ref.t else { return explainGatedShared(ref.symbol, i, j, g) }
        let cell = g.cell
        switch ref.symbol {
        case .gammaF, .gammaU, .gammaR, .gammaO, .cTilde: return explainGate(ref.symbol, t, i, g)
        case .c:
            let gu = v(.gammaU, t, i), ct = v(.cTilde, t, i), cp = v(.cPrev, t, i)
            if cell == .gru {
                return ExplainFormat.chain(name(.c, t, i), [
                    "\(name(.gammaU, t, i))·\(name(.cTilde, t, i)) + (1 − \(name(.gammaU, t, i)))·\(name(.cPrev, t, i))",
                    "\(n.factor(gu))·\(n.factor(ct)) + \(n.factor(1 - gu))·\(n.factor(cp))", f(v(.c, t, i)),
                ]) + [words.gruKeeps(f(1 - gu))]
            }
            let gf = v(.gammaF, t, i)
            return ExplainFormat.chain(name(.c, t, i), [
                "\(name(.gammaF, t, i))·\(name(.cPrev, t, i)) + \(name(.gammaU, t, i))·\(name(.cTilde, t, i))",
                "\(n.factor(gf))·\(n.factor(cp)) + \(n.factor(gu))·\(n.factor(ct))", f(v(.c, t, i)),
            ]) + [words.lstmKeeps(f(gf))]
        case .a:
            if cell == .gru { return ExplainFormat.chain(name(.a, t, i), [name(.c, t, i), f(v(.a, t, i))]) + [words.gruStateIsMemory] }
            let go = v(.gammaO, t, i), c = v(.c, t, i)
            return ExplainFormat.chain(name(.a, t, i), [
                "\(name(.gammaO, t, i))·tanh(\(name(.c, t, i)))", "\(n.factor(go))·tanh(\(n.factor(c)))", f(v(.a, t, i)),
            ])
        case .cPrev:
            return [name(.cPrev, t, i) + " = " + f(v(.cPrev, t, i)), t == 1 ? words.initialMemory(cell) : words.memoryHandedForward(t)]
        case .stacked where cell == .gru:
            let part = i < trace.shape.na ? name(.cPrev, t, i) : name(.x, t, i - trace.shape.na)
            return ["[c<\(t - 1)>; x<\(t)>][\(i)] = " + part + " = " + f(v(.stacked, t, i)), words.stackedRows(trace.shape.na, head: "c<t-1>")]
        case .dc:
            if cell == .gru { return ExplainFormat.chain(name(.dc, t, i), [name(.da, t, i), f(v(.dc, t, i))]) + [words.gruStateIsMemory] }
            let go = v(.gammaO, t, i), c = v(.c, t, i), th = Foundation.tanh(c)
            return ExplainFormat.chain(name(.dc, t, i), [
                "\(name(.dcNext, t, i)) + \(name(.da, t, i))·\(name(.gammaO, t, i))·(1 − tanh²(\(name(.c, t, i))))",
                "\(f(v(.dcNext, t, i))) + \(n.factor(v(.da, t, i)))·\(n.factor(go))·(1 − \(n.factor(th))²)", f(v(.dc, t, i)),
            ])
        case .dcNext:
            guard t < T else { return [name(.dcNext, t, i) + " = " + f(0), words.nothingAfterLast] }
            return ExplainFormat.chain(name(.dcNext, t, i), [name(.dcPrev, t + 1, i), f(v(.dcNext, t, i))]) + [words.handedFrom(t + 1)]
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde:
            let gate = GatedTrace.gate(of: ref.symbol) ?? .c
            return ["\(name(ref.symbol, t, i)) = \(f(v(ref.symbol, t, i)))", ref.symbol.label(t: t) + " " + words.dGateCaption(cell, gate, t)]
        case .dzf, .dzu, .dzr, .dzo, .dzc:
            let gate = GatedTrace.gate(of: ref.symbol) ?? .c
            let (dAct, act, _, _, _, _, _) = Self.gateSymbols(gate)
            let y = v(act, t, i), d = v(dAct, t, i)
            let slope = gate.isSigmoid ? "\(name(act, t, i))·(1 − \(name(act, t, i)))" : "(1 − \(name(act, t, i))²)"
            let numbers = gate.isSigmoid ? "\(n.factor(d))·\(n.factor(y))·(1 − \(n.factor(y)))" : "\(n.factor(d))·(1 − \(n.factor(y))²)"
            return ExplainFormat.chain(name(ref.symbol, t, i), ["\(name(dAct, t, i))·\(slope)", numbers, f(v(ref.symbol, t, i))])
        case .daPrev, .dcPrev:
            let value = f(v(ref.symbol, t, i))
            let how = cell == .lstm && ref.symbol == .dcPrev
                ? "\(name(.dc, t, i))·\(name(.gammaF, t, i)) = \(n.factor(v(.dc, t, i)))·\(n.factor(v(.gammaF, t, i)))"
                : "Σ_k Σ_m Wk[m,\(i)]·dzk<\(t)>[m]" + (cell == .gru ? " + dc·(1 − Γu) + …" : "")
            return ExplainFormat.chain(name(ref.symbol, t, i), [how, value]) + [words.gatedHandedBack(t)]
        case .dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep:
            let (lhs, formula, numbers, value) = gatedStepAdds(ref.symbol, t, i, j, g)
            return ExplainFormat.chain(lhs, [formula, numbers, value])
        case .dWf, .dWu, .dWr, .dWo, .dWc, .dbf, .dbu, .dbr, .dbo, .dbc, .dWya, .dby:
            return explainGatedSum(ref.symbol, t, i, j, g)
        case .z, .dz, .aPrev, .stacked, .x, .y, .zy, .yHat, .loss, .totalLoss, .dy, .daFromOutput, .daNext, .da,
             .dWyaStep, .dbyStep:
            return nil
        default:
            return [name(ref.symbol, t, i, ref.col) + " = " + ((try? trace.number(ref).get()).map(f) ?? "?")]
        }
    }

    /// `Γu<3>[1] = σ(Σ_j Wu[1,j]·s[j] + bu[1]) = σ(products) = σ(z) = value`.
    private func explainGate(_ s: Symbol, _ t: Int, _ i: Int, _ g: GatedTrace) -> [String] {
        let gate = GatedTrace.gate(of: s) ?? .c
        let (_, _, _, _, _, _, _) = Self.gateSymbols(gate)
        let k = g.rnn.params.index(gate) ?? 0
        let W = g.rnn.params.W[k], b = g.rnn.params.b[k][i]
        let input = shownStackedInput(gate, t, g)
        let pairs = input.indices.map { (W[i, $0], input[$0]) }
        let z = pairs.reduce(b) { $0 + $1.0 * $1.1 }
        let fn = gate.isSigmoid ? "σ" : "tanh"
        let stackLabel = g.cell == .gru ? (gate == .c ? "[Γr<\(t)>⊙c<\(t - 1)>; x<\(t)>]" : "[c<\(t - 1)>; x<\(t)>]")
            : "[a<\(t - 1)>; x<\(t)>]"
        let weightName = gate.weightName, biasName = gate.biasName
        let products = ExplainFormat.products(pairs, bias: b, n, hideWeights: !isShown(Self.weightSymbol(gate)),
                                              hideBias: !isShown(Self.biasSymbol(gate)))
        return ExplainFormat.chain(name(s, t, i), [
            "\(fn)(Σ_j \(weightName)[\(i),j]·\(stackLabel)[j] + \(biasName)[\(i)])",
            "\(fn)(\(products))", "\(fn)(\(f(z)))", f(v(s, t, i)),
        ]) + ExplainFormat.zeroNote(pairs, words) + [words.gateMeaning(g.cell, gate)]
    }

    /// A gate's stacked input at step t with the entries the panels draw `?` hidden: a<t-1>[j]
    /// (c<t-1>[j], and Γr<t>[j] in the GRU's candidate) where a later question asks it, x<t>[j − n_a].
    func shownStackedInput(_ gate: Gate, _ t: Int, _ g: GatedTrace) -> [Double] {
        let na = g.shape.na
        return g.stackedInput(gate, t).enumerated().map { j, x in
            if j >= na { return shownValue(x, .x, t, j - na) }
            var hidden = isHiddenEntry(EntryRef(symbol: .aPrev, t: t, row: j)) || isHiddenEntry(EntryRef(symbol: .stacked, t: t, row: j))
                || isHiddenEntry(EntryRef(symbol: .cPrev, t: t, row: j))
            if t > 1 { hidden = hidden || isMasked(EntryRef(symbol: .a, t: t - 1, row: j)) || isMasked(EntryRef(symbol: .c, t: t - 1, row: j)) }
            if g.cell == .gru && gate == .c { hidden = hidden || isHiddenEntry(EntryRef(symbol: .gammaR, t: t, row: j)) }
            return hidden ? Self.hiddenValue : x
        }
    }

    /// Entry j of a gate's stacked input, by what it is: `a<t-1>[j]` (LSTM), `c<t-1>[j]` (GRU),
    /// `(Γr<t> ⊙ c<t-1>)[j]` (the GRU's candidate), or `x<t>[j − n_a]`.
    static func stackedEntry(_ cell: GatedCell, _ gate: Gate, _ j: Int, na: Int) -> String {
        guard j < na else { return "x<t>[\(j - na)]" }
        if cell == .lstm { return "a<t-1>[\(j)]" }
        return gate == .c ? "(Γr<t> ⊙ c<t-1>)[\(j)]" : "c<t-1>[\(j)]"
    }

    static func weightSymbol(_ g: Gate) -> Symbol { [.f: .Wf, .u: .Wu, .r: .Wr, .o: .Wo, .c: .Wc][g] ?? .Wc }
    static func biasSymbol(_ g: Gate) -> Symbol { [.f: .bf, .u: .bu, .r: .br, .o: .bo, .c: .bc][g] ?? .bc }

    /// A step's contribution to a gate's weight or bias gradient: name, formula, numbers, value.
    func gatedStepAdds(_ s: Symbol, _ t: Int, _ i: Int, _ j: Int, _ g: GatedTrace) -> (String, String, String, String) {
        let gate = GatedTrace.gate(of: s) ?? .c
        let (_, _, dz, dWStep, _, dbStep, _) = Self.gateSymbols(gate)
        let d: Double = v(dz, t, i)
        if s.rawValue.hasPrefix("dW") {
            let input = shownStackedInput(gate, t, g)
            let x: Double = input.indices.contains(j) ? input[j] : 0
            return (name(dWStep, t, i, j), "\(name(dz, t, i))·s<\(t)>[\(j)]", "\(n.factor(d))·\(n.factor(x))", f(d * x))
        }
        return (name(dbStep, t, i), name(dz, t, i), f(d), f(d))
    }

    /// `dWu<3>[0,1]`: what step t adds and the sum so far (steps T…t).
    private func explainGatedSum(_ s: Symbol, _ t: Int, _ i: Int, _ j: Int, _ g: GatedTrace) -> [String] {
        let isW = s.rawValue.hasPrefix("dW")
        func entry(_ at: Int) -> Double {
            guard at <= T, let m = trace.tensor(s, t: at) else { return 0 }
            return isW ? m[i, j] : m[i, 0]
        }
        let sum = entry(t), before = t < T ? shownValue(entry(t + 1), s, t + 1, i, isW ? j : nil) : 0
        let (_, formula, numbers, value) = s == .dWya || s == .dby ? stepAdds(s, t, i, j) : gatedStepAdds(s, t, i, j, g)
        var lines = [name(s, t, i, isW ? j : nil) + ": " + words.sumOfSteps(T, t)]
        lines.append(words.thisStepAdds + " " + ExplainFormat.joined([formula, numbers, value]))
        lines.append(words.sumSoFar + " = " + (t < T ? ExplainFormat.joined(["\(f(before)) + \(n.factor(sum - before))", f(sum)]) : f(sum)))
        if t == 1 { lines.append(words.isTheGradient(s.rawValue)) }
        return lines
    }

    /// A gate's shared weight or bias, c<0>: the value and where it is used.
    private func explainGatedShared(_ s: Symbol, _ i: Int, _ j: Int, _ g: GatedTrace) -> [String]? {
        guard s.isGated, let m = trace.tensor(s, t: nil) else { return nil }
        let isW = s.rawValue.hasPrefix("W")
        let value = f(isW ? m[i, j] : m[i, 0])
        switch s {
        case .c0: return ["c<0>[\(i)] = \(value)", words.initialMemory(g.cell)]
        default:
            let gate = GatedTrace.gate(of: s) ?? .c
            let (_, act, _, _, _, _, _) = Self.gateSymbols(gate)
            let inside = "\(gate.isSigmoid ? "σ" : "tanh")(…) of \(act.label)[\(i)]"
            return ["\(name(s, nil, i, isW ? j : nil)) = \(value)", words.shared(T),
                    isW ? words.multipliesInside(Self.stackedEntry(g.cell, gate, j, na: g.shape.na), inside)
                        : words.addedInside(inside, gate.isSigmoid ? "σ" : "tanh")]
        }
    }
}

extension Words {
    func multipliesInside(_ what: String, _ inside: String) -> String {
        pick("it multiplies \(what) in the sum inside \(inside)", "它在 \(inside) 括号里的求和中乘以 \(what)")
    }
    func addedInside(_ inside: String, _ fn: String) -> String {
        pick("it is added to the sum inside \(inside), before \(fn) is applied", "它在取 \(fn) 之前加到 \(inside) 括号里的求和上")
    }
    func gruKeeps(_ keep: String) -> String {
        pick("1 − Γu = \(keep) of the old memory is kept; Γu of it is overwritten by c̃",
             "1 − Γu = \(keep)：保留这么多旧记忆；其余 Γu 由 c̃ 覆盖")
    }
    func lstmKeeps(_ keep: String) -> String {
        pick("the forget gate keeps \(keep) of c<t-1>; the update gate adds that much of c̃",
             "遗忘门保留 c<t-1> 的 \(keep)；更新门按其大小加入 c̃")
    }
    var gruStateIsMemory: String { pick("in the GRU the hidden state is the memory: a<t> = c<t>", "GRU 中隐藏状态就是记忆：a<t> = c<t>") }
    func initialMemory(_ cell: GatedCell) -> String {
        cell == .gru ? pick("c<0> = a<0>, given by the lesson", "c<0> = a<0>，由课程给定")
            : pick("the initial memory c<0>, given by the lesson", "初始记忆 c<0>，由课程给定")
    }
    func memoryHandedForward(_ t: Int) -> String {
        pick("the memory computed at step \(t - 1), handed to step \(t)", "第 \(t - 1) 步算出的记忆，传给第 \(t) 步")
    }
    func gateMeaning(_ cell: GatedCell, _ gate: Gate) -> String {
        switch gate {
        case .u: return cell == .gru ? pick("update gate: near 1 overwrites c with c̃, near 0 keeps c", "更新门：接近 1 用 c̃ 覆盖 c，接近 0 保留 c")
                                     : pick("update gate: how much of c̃ is added to the memory", "更新门：c̃ 有多少加入记忆")
        case .r: return pick("relevance gate: how much of c<t-1> the candidate c̃ reads", "相关门：候选值 c̃ 读取多少 c<t-1>")
        case .f: return pick("forget gate: how much of c<t-1> is kept", "遗忘门：保留多少 c<t-1>")
        case .o: return pick("output gate: how much of tanh(c<t>) becomes a<t>", "输出门：tanh(c<t>) 有多少成为 a<t>")
        case .c: return pick("the candidate memory c̃: what could be written", "候选记忆 c̃：可能写入的内容")
        }
    }
}

import Foundation
