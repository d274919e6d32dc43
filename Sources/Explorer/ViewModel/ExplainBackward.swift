import Lessons
import RNNCore

/// Inspect explanations for the backward pass, the running sums and the shared parameters.
extension ExplorerState {
    func explainBackward(_ s: Symbol, _ t: Int, _ i: Int, _ j: Int) -> [String] {
        let p = trace.rnn.params, sh = trace.shape, na = sh.na
        switch s {
        case .dy:
            return ExplainFormat.chain(name(.dy, t, i), [
                "\(name(.yHat, t, i)) - \(name(.y, t, i))", "\(f(v(.yHat, t, i))) - \(n.factor(v(.y, t, i)))", f(v(.dy, t, i)),
            ]) + [words.dyMeaning(t)]
        case .daFromOutput:
            guard trace.hasTarget(t) else { return [name(.daFromOutput, t, i) + " = " + f(0), words.noTargetBackward(t)] }
            let terms = (0..<sh.ny).map { k in "\(n.factor(p.Wya[k, i]))·\(n.factor(v(.dy, t, k)))" }
            return ExplainFormat.chain(name(.daFromOutput, t, i), [
                "Σ_k Wya[k,\(i)]·dy<\(t)>[k]", ExplainFormat.sum(terms), f(v(.daFromOutput, t, i)),
            ])
        case .daNext:
            guard t < T else { return [name(.daNext, t, i) + " = " + f(0), words.nothingAfterLast] }
            return ExplainFormat.chain(name(.daNext, t, i), [name(.daPrev, t + 1, i), f(v(.daNext, t, i))]) + [words.handedFrom(t + 1)]
        case .da:
            return ExplainFormat.chain(name(.da, t, i), [
                "\(name(.daFromOutput, t, i)) + \(name(.daNext, t, i))",
                "\(f(v(.daFromOutput, t, i))) + \(n.factor(v(.daNext, t, i)))", f(v(.da, t, i)),
            ])
        case .dz:
            let g = sh.g1.formula, a = v(.a, t, i), da = n.factor(v(.da, t, i))
            let slope = sh.g1 == .tanh ? "(1 - \(name(.a, t, i))²)" : "(\(name(.a, t, i)) > 0 ? 1 : 0)"
            let slopeNumbers = sh.g1 == .tanh ? "\(da)·(1 - \(n.factor(a))²)" : "\(da)·\(f(Self.isHiddenValue(a) ? a : sh.g1.derivative(fromOutput: a)))"
            return ExplainFormat.chain(name(.dz, t, i), [
                "\(name(.da, t, i))·\(g)'(\(name(.z, t, i)))", "\(name(.da, t, i))·\(slope)", slopeNumbers, f(v(.dz, t, i)),
            ])
        case .daPrev:
            let terms = (0..<na).map { k in "\(n.factor(p.Waa[k, i]))·\(n.factor(v(.dz, t, k)))" }
            return ExplainFormat.chain(name(.daPrev, t, i), [
                "Σ_k Waa[k,\(i)]·dz<\(t)>[k]", ExplainFormat.sum(terms), f(v(.daPrev, t, i)),
            ]) + [words.handedBack(t)]
        case .dWaStep, .dbaStep, .dWyaStep, .dbyStep:
            let (lhs, formula, numbers, value) = stepAdds(s, t, i, j)
            return ExplainFormat.chain(lhs, [formula, numbers, value])
        case .dWa, .dba, .dWya, .dby: return explainRunningSum(s, t, i, j)
        default: return [EntryRef(symbol: s, t: t, row: i, col: j).description]
        }
    }

    /// A step's contribution to one gradient entry: its name, formula, numbers and value.
    func stepAdds(_ s: Symbol, _ t: Int, _ i: Int, _ j: Int) -> (String, String, String, String) {
        let na = trace.shape.na
        switch s {
        case .dWaStep, .dWa:
            let block = j < na ? name(.dWaaStep, t, i, j) : name(.dWaxStep, t, i, j - na)
            let other = j < na ? name(.aPrev, t, j) : name(.x, t, j - na)
            let u = v(.dz, t, i), w = v(.stacked, t, j), add = shownValue(u * w, .dWaStep, t, i, j)
            return (block, "\(name(.dz, t, i))·\(other)", "\(n.factor(u))·\(n.factor(w))", f(add))
        case .dbaStep, .dba:
            let add = shownValue(v(.dz, t, i), .dbaStep, t, i)
            return (name(.dbaStep, t, i), name(.dz, t, i), f(add), f(add))
        case .dWyaStep, .dWya:
            let u = v(.dy, t, i), w = v(.a, t, j), add = shownValue(u * w, .dWyaStep, t, i, j)
            return (name(.dWyaStep, t, i, j), "\(name(.dy, t, i))·\(name(.a, t, j))", "\(n.factor(u))·\(n.factor(w))", f(add))
        default:
            let add = shownValue(v(.dy, t, i), .dbyStep, t, i)
            return (name(.dbyStep, t, i), name(.dy, t, i), f(add), f(add))
        }
    }

    /// `dWaa<3>[0,1]`: what step t adds and the sum so far (steps T…t).
    func explainRunningSum(_ s: Symbol, _ t: Int, _ i: Int, _ j: Int) -> [String] {
        let na = trace.shape.na
        let shown: String
        if s == .dWa { shown = j < na ? name(.dWaa, t, i, j) : name(.dWax, t, i, j - na) }
        else { shown = name(s, t, i, s == .dba || s == .dby ? nil : j) }
        func entry(_ g: Gradients?) -> Double {
            guard let g else { return 0 }
            switch s {
            case .dWa: return g.dWa[i, j]
            case .dba: return g.dba[i]
            case .dWya: return g.dWya[i, j]
            default: return g.dby[i]
            }
        }
        let col: Int? = s == .dba || s == .dby ? nil : j
        let sum = entry(trace.gradientsSoFar(t))
        let before = t < T ? shownValue(entry(trace.gradientsSoFar(t + 1)), s, t + 1, i, col) : 0
        let (_, formula, numbers, value) = stepAdds(s, t, i, j)
        let step: Symbol = [.dWa: .dWaStep, .dba: .dbaStep, .dWya: .dWyaStep][s] ?? .dbyStep
        let add = Self.isHiddenValue(before) ? before : shownValue(sum - before, step, t, i, col)
        var lines = [shown + ": " + words.sumOfSteps(T, t)]
        lines.append(words.thisStepAdds + " " + ExplainFormat.joined([formula, numbers, value]))
        // the numbers are rounded to the digits shown; say so when the shown ones do not add up
        let shownAddUp = Double(f(before)).flatMap { b in Double(f(add)).map { b + $0 } }.map { f($0) == f(sum) } ?? true
        lines.append(words.sumSoFar + " = " + (t < T ? "\(f(before)) + \(n.factor(add)) = " : "") + f(sum)
                     + (t < T && !shownAddUp ? "   " + words.rounded : ""))
        if t == 1 { lines.append(words.isTheGradient(shown.replacingOccurrences(of: "<1>", with: ""))) }
        return lines
    }

    /// Shared parameters: the value and where it is used (at every step).
    func explainShared(_ s: Symbol, _ i: Int, _ j: Int) -> [String] {
        let p = trace.rnn.params, na = trace.shape.na
        switch s {
        case .Wa, .Waa, .Wax:
            let col = s == .Wax ? j + na : j
            let block = col < na ? name(.Waa, nil, i, col) : name(.Wax, nil, i, col - na)
            let into = col < na ? "a<t-1>[\(col)]" : "x<t>[\(col - na)]"
            return ["\(name(.Wa, nil, i, col)) = \(block) = \(f(p.Wa[i, col]))", words.shared(T), words.multiplies(into, "z<t>[\(i)]")]
        case .Wya:
            return ["\(name(.Wya, nil, i, j)) = \(f(p.Wya[i, j]))", words.shared(T), words.multiplies("a<t>[\(j)]", "zy<t>[\(i)]")]
        case .ba: return ["\(name(.ba, nil, i)) = \(f(p.ba[min(i, p.ba.count - 1)]))", words.shared(T), words.added("z<t>[\(i)]")]
        case .by: return ["\(name(.by, nil, i)) = \(f(p.by[min(i, p.by.count - 1)]))", words.shared(T), words.added("zy<t>[\(i)]")]
        case .a0: return ["a<0>[\(i)] = \(f(p.a0[min(i, p.a0.count - 1)]))", words.initialState]
        default:
            let value = (try? trace.number(EntryRef(symbol: s, row: i, col: j)).get()).map(f) ?? "?"
            return ["\(name(s, nil, i, j)) = \(value)"]
        }
    }
}
