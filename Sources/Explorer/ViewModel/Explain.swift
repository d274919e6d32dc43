import Lessons
import RNNCore

/// "Where did this number come from?": the inspect box text for any entry the panels show,
/// with the lesson's actual numbers. One string per line.
extension ExplorerState {
    public func explain(_ ref: EntryRef) -> [String] {
        var s = self
        s.explaining = ref
        return s.explainLines(ref)
    }

    private func explainLines(_ ref: EntryRef) -> [String] {
        if let lines = explainGated(ref) { return lines }
        let i = ref.row ?? 0, j = ref.col ?? 0
        guard let t = ref.t else { return explainShared(ref.symbol, i, j) }
        switch ref.symbol {
        case .x, .y, .aPrev, .stacked: return explainGiven(ref.symbol, t, i)
        case .z: return ExplainFormat.chain(name(.z, t, i), [zSum(t, i), f(v(.z, t, i))]) + zNote(t, i)
        case .a:
            let g = trace.shape.g1.formula, z = v(.z, t, i)
            return ExplainFormat.chain(name(.a, t, i), [
                "\(g)(\(name(.z, t, i)))", "\(g)(\(zFormula(t, i)))", "\(g)(\(zSum(t, i)))", "\(g)(\(f(z)))", f(v(.a, t, i)),
            ]) + zNote(t, i)
        case .zy:
            let p = trace.rnn.params
            let pairs = (0..<trace.shape.na).map { k in (p.Wya[i, k], v(.a, t, k)) }
            return ExplainFormat.chain(name(.zy, t, i), [
                "Σ_j Wya[\(i),j]·a<\(t)>[j] + by[\(i)]", ExplainFormat.products(pairs, bias: p.by[i], n, hideWeights: !isShown(.Wya), hideBias: !isShown(.by)), f(v(.zy, t, i)),
            ]) + ExplainFormat.zeroNote(pairs, words)
        case .yHat: return explainYHat(t, i)
        case .loss: return explainLoss(t)
        case .totalLoss: return explainLossSoFar(t)
        default: return explainBackward(ref.symbol, t, i, j)
        }
    }

    var n: ExplainNumbers { ExplainNumbers(style: numbers) }
    func f(_ x: Double) -> String { n.format(x) }
    /// Entry i of a per-step vector (0 where the step does not have it; hidden where the panel draws it `?`).
    func v(_ s: Symbol, _ t: Int, _ i: Int) -> Double {
        guard let vec = trace.vector(s, t), vec.indices.contains(i) else { return 0 }
        return shownValue(vec[i], s, t, i)
    }
    func name(_ s: Symbol, _ t: Int?, _ i: Int, _ j: Int? = nil) -> String {
        EntryRef(symbol: s, t: t, row: i, col: j).description
    }

    /// `Σ_j Wa[i,j]·[a<t-1>; x<t>][j] + ba[i]`
    func zFormula(_ t: Int, _ i: Int) -> String { "Σ_j Wa[\(i),j]·\(Symbol.stacked.label(t: t))[j] + ba[\(i)]" }
    /// The same sum with the numbers: `0.50·0.12 + (-0.31)·0.77 + … + 0.10`
    func zSum(_ t: Int, _ i: Int) -> String {
        ExplainFormat.products(zPairs(t, i), bias: trace.rnn.params.ba[i], n,
                               hideWeights: !isShown(.Wa), hideBias: !isShown(.ba))
    }
    /// The products Wa[i,j]·[a<t-1>; x<t>][j] of z<t>[i].
    func zPairs(_ t: Int, _ i: Int) -> [(Double, Double)] {
        let p = trace.rnn.params, s = trace.vector(.stacked, t) ?? []
        return s.indices.map { (p.Wa[i, $0], v(.stacked, t, $0)) }
    }
    func zNote(_ t: Int, _ i: Int) -> [String] { ExplainFormat.zeroNote(zPairs(t, i), words) }

    func explainGiven(_ s: Symbol, _ t: Int, _ i: Int) -> [String] {
        let na = trace.shape.na
        switch s {
        case .x:
            return [name(.x, t, i) + " = " + f(v(.x, t, i)), trace.hasInput(t) ? words.givenInput(t, inputLabel(t)) : words.noInput(t)]
        case .y: return [name(.y, t, i) + " = " + f(v(.y, t, i)), words.givenTarget(t, targetLabel(t))]
        case .aPrev:
            return [name(.aPrev, t, i) + " = " + f(v(.aPrev, t, i)), t == 1 ? words.initialState : words.handedForward(t)]
        default:
            let part = i < na ? name(.aPrev, t, i) : name(.x, t, i - na)
            return [name(.stacked, t, i) + " = " + part + " = " + f(v(.stacked, t, i)), words.stackedRows(na)]
        }
    }

    func explainYHat(_ t: Int, _ i: Int) -> [String] {
        let zy = (trace.vector(.zy, t) ?? []).indices.map { v(.zy, t, $0) }, lhs = name(.yHat, t, i), y = f(v(.yHat, t, i))
        guard zy.indices.contains(i) else { return [words.noOutput(t)] }
        switch trace.shape.g2 {
        case .sigmoid:
            return ExplainFormat.chain(lhs, ["sigmoid(\(name(.zy, t, i)))", "1 / (1 + exp(\(f(-zy[i]))))", y])
        case .softmax:
            let e = zy.map { $0.exp }
            return ExplainFormat.chain(lhs, [
                "exp(\(name(.zy, t, i))) / Σ_k exp(zy<\(t)>[k])",
                "exp(\(f(zy[i]))) / (\(ExplainFormat.sum(zy.map { "exp(\(f($0)))" })))",
                "\(f(e[i])) / \(f(e.reduce(0, +)))", y,
            ]) + (lesson.display.classNames.flatMap { $0.indices.contains(i) ? [words.classProbability($0[i])] : nil } ?? [])
        }
    }

    func explainLoss(_ t: Int) -> [String] {
        guard let l = trace.loss(t) else { return [words.noTarget(t)] }
        let yh = (trace.vector(.yHat, t) ?? []).indices.map { v(.yHat, t, $0) }
        let y = (trace.vector(.y, t) ?? []).indices.map { v(.y, t, $0) }, lhs = "L<\(t)>"
        switch trace.shape.g2 {
        case .sigmoid:
            let groups = yh.indices.map { k in
                "\(n.factor(y[k]))·log(\(f(yh[k]))) + \(n.factor(1 - y[k]))·log(\(f(1 - yh[k])))"
            }
            let body = groups.count == 1 ? groups[0] : ExplainFormat.sum(groups.map { "[\($0)]" })
            return ExplainFormat.chain(lhs, ["-Σ_i [y<\(t)>[i]·log ŷ<\(t)>[i] + (1 - y<\(t)>[i])·log(1 - ŷ<\(t)>[i])]", "-(\(body))", f(l)])
        case .softmax:
            let terms = yh.indices.filter { y[$0] != 0 }.map { k in "\(n.factor(y[k]))·log(\(f(yh[k])))" }
            return ExplainFormat.chain(lhs, ["-Σ_i y<\(t)>[i]·log ŷ<\(t)>[i]", "-(\(ExplainFormat.sum(terms)))", f(l)])
        }
    }

    func explainLossSoFar(_ t: Int) -> [String] {
        let parts = (1...t).compactMap { k in trace.loss(k).map { f(isHiddenEntry(EntryRef(symbol: .loss, t: k)) ? Self.hiddenValue : $0) } }
        let total = f(trace.lossSoFar(t) ?? 0)
        let whole = f(isHiddenEntry(EntryRef(symbol: .totalLoss, t: T)) ? Self.hiddenValue : trace.totalLoss ?? 0)
        var lines = ExplainFormat.chain(lossSoFarLabel(t), parts.count <= 1 ? [total] : [ExplainFormat.sum(parts), total])
        // the total counts the steps with a target; before the last of them this is only part of it
        let targets = (1...T).filter(trace.hasTarget)
        if let last = targets.last, t < last {
            lines.append(words.lossSoFarIsPart(t, targets.count, T, whole))
        } else {
            lines.append(words.totalLoss(T, targets.count, whole))
        }
        return lines
    }

    func inputLabel(_ t: Int) -> String? { timelineInputLabel(t) }
    func targetLabel(_ t: Int) -> String? { timelineTargetLabel(t) }
}

import Foundation

private extension Double {
    var exp: Double { Foundation.exp(self) }
}
