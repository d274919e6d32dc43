import Foundation
import RNNCore

/// One term of a sum the notes compute, e.g. `Waa[2,1]·a<1>[1]` = 1.5 × 0.83, or the bias `ba[2]`.
public struct SumTerm: Equatable, Sendable {
    /// The factors' names in screen notation, e.g. ["Waa[2,1]", "a<1>[1]"].
    public var names: [String]
    public var factors: [Double]
    public var isBias: Bool

    public init(names: [String], factors: [Double], isBias: Bool = false) {
        self.names = names; self.factors = factors; self.isBias = isBias
    }

    /// The product of the factors (a sign flip is part of the label's sum, not of the term).
    public var value: Double { factors.reduce(1, *) }
    /// `Waa[2,1]·a<1>[1]`
    public var label: String { names.joined(separator: "·") }
}

/// What is done to a sum of terms to give the entry: nothing, an activation, or a factor.
enum Outer: Equatable {
    case none
    case g1(HiddenActivation)
    case sigmoid
    /// softmax entry i: exp(zy[i]) / Σ_k exp(zy[k]); the terms are the exp(zy[k])
    case share(Double)
    /// times a fixed factor (g1′(z) for dz)
    case times(Double)

    /// The entry from the sum `s` of the terms.
    func apply(_ s: Double) -> Double {
        switch self {
        case .none: return s
        case .g1(let g): return g.apply(s)
        case .sigmoid: return 1 / (1 + exp(-s))
        case .share(let numerator): return numerator / s
        case .times(let f): return s * f
        }
    }
}

/// An entry written as the notes compute it: `outer(Σ terms)`, plus the values the usual
/// slips give (another activation, a missing derivative, a transpose …).
struct Decomposition {
    var terms: [SumTerm]
    var outer: Outer
    /// Slips that are not "one term wrong": (mistake, the value it gives).
    var alternatives: [(Mistake, Double)] = []
    /// The sum's name when the entry is not the sum itself (`z<2>[0]` for a<2>[0]).
    var sum: String? = nil
    /// The entry from that sum, as the notes write it: `a<2>[0] = tanh(z<2>[0])`.
    var formula: String? = nil
}

extension Decomposition {
    /// How the notes compute the entry `ref` on `trace`, or nil for entries that are not
    /// computed (weights, inputs) or not an entry.
    static func of(_ ref: EntryRef, on trace: Trace) -> Decomposition? {
        if let g = trace.gated {
            // a gated cell: its own c<t>, a<t>; the output layer below is the plain cell's
            guard [.zy, .yHat, .dy, .loss, .totalLoss].contains(ref.symbol) else { return gated(ref, on: trace, cell: g.cell) }
        }
        guard let i = ref.row else {
            return ref.symbol == .totalLoss ? totalLoss(trace) : (ref.symbol == .loss ? ref.t.flatMap { loss(trace, t: $0) } : nil)
        }
        let p = trace.rnn.params, na = trace.shape.na, s = trace.shape
        func v(_ sym: Symbol, _ t: Int) -> [Double]? { (1...trace.T).contains(t) ? trace.vector(sym, t) : nil }
        func name(_ sym: Symbol, _ t: Int?, _ r: Int, _ c: Int? = nil) -> String { EntryRef(symbol: sym, t: t, row: r, col: c).description }
        switch ref.symbol {
        case .z, .a:
            guard let t = ref.t, let z = zTerms(trace, t: t, i: i) else { return nil }
            guard ref.symbol == .a, let zt = v(.z, t) else { return Decomposition(terms: z, outer: .none) }
            var alts: [(Mistake, Double)] = [(.activation(used: nil, right: s.g1.rawValue), zt[i])]
            for g in HiddenActivation.allCases where g != s.g1 { alts.append((.activation(used: g.rawValue, right: s.g1.rawValue), g.apply(zt[i]))) }
            alts.append((.activation(used: "sigmoid", right: s.g1.rawValue), 1 / (1 + exp(-zt[i]))))
            let zName = name(.z, t, i)
            return Decomposition(terms: z, outer: .g1(s.g1), alternatives: alts, sum: zName,
                                 formula: "\(name(.a, t, i)) = \(s.g1.rawValue)(\(zName))")
        case .zy, .yHat:
            guard let t = ref.t, let a = v(.a, t), let zy = v(.zy, t) else { return nil }
            let terms = (0..<na).map { j in SumTerm(names: [name(.Wya, nil, i, j), name(.a, t, j)], factors: [p.Wya[i, j], a[j]]) }
                + [SumTerm(names: [name(.by, nil, i)], factors: [p.by[i]], isBias: true)]
            if ref.symbol == .zy { return Decomposition(terms: terms, outer: .none) }
            var alts: [(Mistake, Double)] = [(.activation(used: nil, right: s.g2.rawValue), zy[i])]
            switch s.g2 {
            case .sigmoid:
                alts.append((.activation(used: "tanh", right: "sigmoid"), tanh(zy[i])))
                return Decomposition(terms: terms, outer: .sigmoid, alternatives: alts, sum: name(.zy, t, i),
                                     formula: "\(name(.yHat, t, i)) = sigmoid(\(name(.zy, t, i)))")
            case .softmax:
                alts.append((.activation(used: "sigmoid", right: "softmax"), 1 / (1 + exp(-zy[i]))))
                let exps = zy.indices.map { k in SumTerm(names: ["exp(\(name(.zy, t, k)))"], factors: [exp(zy[k])]) }
                let total = "Σ_k exp(\(EntryRef(symbol: .zy, t: t).description)[k])"
                return Decomposition(terms: exps, outer: .share(exp(zy[i])), alternatives: alts, sum: total,
                                     formula: "\(name(.yHat, t, i)) = exp(\(name(.zy, t, i))) / \(total)")
            }
        case .dy:
            guard let t = ref.t, let yh = v(.yHat, t), let y = trace.episode.y[t - 1] else { return nil }
            return Decomposition(terms: [SumTerm(names: [name(.yHat, t, i)], factors: [yh[i]]),
                                         SumTerm(names: ["-" + name(.y, t, i)], factors: [-y[i]])], outer: .none,
                                 alternatives: [(.wholeSign, y[i] - yh[i])])
        case .da, .dz:
            guard let t = ref.t, let next = v(.daNext, t) else { return nil }
            var terms: [SumTerm] = []
            if let dy = v(.dy, t) {
                terms = (0..<s.ny).map { k in SumTerm(names: [name(.Wya, nil, k, i), name(.dy, t, k)], factors: [p.Wya[k, i], dy[k]]) }
            }
            terms.append(SumTerm(names: [name(.daNext, t, i)], factors: [next[i]]))
            if ref.symbol == .da { return Decomposition(terms: terms, outer: .none) }
            guard let a = v(.a, t), let z = v(.z, t), let da = v(.da, t) else { return nil }
            let d = s.g1.derivative(fromOutput: a[i])
            var alts: [(Mistake, Double)] = [(.derivativeLeftOut(s.g1.rawValue), da[i])]
            if s.g1 == .tanh {
                alts.append((.wrongDerivative("1 - a"), da[i] * (1 - a[i])))
                alts.append((.wrongDerivative("1 - z²"), da[i] * (1 - z[i] * z[i])))
            }
            let slope = s.g1 == .tanh ? "(1 - \(name(.a, t, i))²)" : "g1′(\(name(.z, t, i)))"
            return Decomposition(terms: terms, outer: .times(d), alternatives: alts, sum: name(.da, t, i),
                                 formula: "\(name(.dz, t, i)) = \(name(.da, t, i))·\(slope)")
        case .daPrev:
            guard let t = ref.t, let dz = v(.dz, t) else { return nil }
            let terms = (0..<na).map { k in SumTerm(names: [name(.Waa, nil, k, i), name(.dz, t, k)], factors: [p.Wa[k, i], dz[k]]) }
            let transposed = (0..<na).reduce(0.0) { $0 + p.Wa[i, $1] * dz[$1] }
            return Decomposition(terms: terms, outer: .none, alternatives: [(.transposed("Waa"), transposed)])
        case .dWaStep, .dWaaStep, .dWaxStep, .dWyaStep, .dbaStep, .dbyStep:
            return stepContribution(ref, trace)
        case .dWa, .dWaa, .dWax, .dba, .dWya, .dby:
            return runningSum(ref, trace)
        default:
            return nil
        }
    }

    /// z<t>[i] = Σ_j Waa[i,j]·a<t-1>[j] + Σ_k Wax[i,k]·x<t>[k] + ba[i]
    static func zTerms(_ trace: Trace, t: Int, i: Int) -> [SumTerm]? {
        guard (1...trace.T).contains(t), let aPrev = trace.vector(.aPrev, t), let x = trace.vector(.x, t) else { return nil }
        let p = trace.rnn.params, na = trace.shape.na
        let prev = t == 1 ? { (j: Int) in EntryRef(symbol: .a0, row: j).description } : { (j: Int) in EntryRef(symbol: .a, t: t - 1, row: j).description }
        var terms = (0..<na).map { j in SumTerm(names: [EntryRef(symbol: .Waa, row: i, col: j).description, prev(j)], factors: [p.Wa[i, j], aPrev[j]]) }
        if trace.hasInput(t) {
            terms += x.indices.map { k in
                SumTerm(names: [EntryRef(symbol: .Wax, row: i, col: k).description, EntryRef(symbol: .x, t: t, row: k).description],
                        factors: [p.Wa[i, na + k], x[k]])
            }
        }
        return terms + [SumTerm(names: [EntryRef(symbol: .ba, row: i).description], factors: [p.ba[i]], isBias: true)]
    }

    /// L<t>: −Σ_k [y log ŷ + (1 − y) log(1 − ŷ)] (sigmoid) or −log ŷ[c] (softmax), one term per output unit.
    static func loss(_ trace: Trace, t: Int) -> Decomposition? {
        guard (1...trace.T).contains(t), let yh = trace.vector(.yHat, t), let y = trace.episode.y[t - 1] else { return nil }
        let yHat = { (k: Int) in EntryRef(symbol: .yHat, t: t, row: k).description }
        switch trace.shape.g2 {
        case .sigmoid:
            let terms = yh.indices.map { k in
                SumTerm(names: ["-[y log \(yHat(k)) + (1 - y) log(1 - \(yHat(k)))]"],
                        factors: [-(y[k] * log(yh[k]) + (1 - y[k]) * log(1 - yh[k]))])
            }
            let swapped = yh.indices.reduce(0.0) { $0 - (y[$1] * log(1 - yh[$1]) + (1 - y[$1]) * log(yh[$1])) }
            var alts: [(Mistake, Double)] = [(.wholeSign, -terms.reduce(0) { $0 + $1.value }), (.swappedTarget, swapped)]
            // one output: the probability of the label, −log forgotten (ŷ for y = 1, 1 − ŷ for y = 0)
            if yh.count == 1 { alts.insert((.activation(used: nil, right: "−log"), y[0] * yh[0] + (1 - y[0]) * (1 - yh[0])), at: 0) }
            return Decomposition(terms: terms, outer: .none, alternatives: alts)
        case .softmax:
            let terms = yh.indices.filter { y[$0] != 0 }.map { k in SumTerm(names: ["-y<\(t)>[\(k)]", "log \(yHat(k))"], factors: [-y[k], log(yh[k])]) }
            let total = terms.reduce(0) { $0 + $1.value }
            var alts: [(Mistake, Double)] = [(.wholeSign, -total)]
            // a one-hot target: ŷ of its class, −log forgotten
            if let k = yh.indices.first(where: { y[$0] == 1 }), y.allSatisfy({ $0 == 0 || $0 == 1 }) {
                alts.insert((.activation(used: nil, right: "−log"), yh[k]), at: 0)
            }
            return Decomposition(terms: terms, outer: .none, alternatives: alts)
        }
    }

    /// L = Σ_t L<t>: one term per step with a target.
    static func totalLoss(_ trace: Trace) -> Decomposition? {
        guard trace.hasBackward else { return nil }
        let terms = (1...trace.T).compactMap { t in trace.loss(t).map { SumTerm(names: ["L<\(t)>"], factors: [$0]) } }
        return Decomposition(terms: terms, outer: .none)
    }

    /// ΔdWa<t>[i,j] = dz<t>[i]·[a<t-1>; x<t>][j], ΔdWya<t>[i,j] = dy<t>[i]·a<t>[j], Δdba<t>[i] = dz<t>[i] …
    static func stepContribution(_ ref: EntryRef, _ trace: Trace) -> Decomposition? {
        guard let t = ref.t, (1...trace.T).contains(t), let i = ref.row, trace.hasBackward else { return nil }
        let na = trace.shape.na
        func e(_ sym: Symbol, _ tt: Int, _ r: Int) -> String { EntryRef(symbol: sym, t: tt, row: r).description }
        switch ref.symbol {
        case .dbaStep, .dbyStep:
            return nil
        case .dWyaStep:
            guard let j = ref.col, let dy = trace.vector(.dy, t), let a = trace.vector(.a, t) else { return nil }
            return Decomposition(terms: [SumTerm(names: [e(.dy, t, i), e(.a, t, j)], factors: [dy[i], a[j]])], outer: .none,
                                 alternatives: [(.wholeSign, -dy[i] * a[j])])
        default:
            guard let j0 = ref.col, let dz = trace.vector(.dz, t), let st = trace.vector(.stacked, t), let a = trace.vector(.a, t) else { return nil }
            let j = ref.symbol == .dWaxStep ? na + j0 : j0
            guard st.indices.contains(j) else { return nil }
            let xj = trace.hasInput(t) || j < na ? st[j] : 0
            let other = j < na ? (t == 1 ? EntryRef(symbol: .a0, row: j).description : e(.a, t - 1, j)) : e(.x, t, j - na)
            var alts: [(Mistake, Double)] = [(.wholeSign, -dz[i] * xj)]
            if j < na { alts.append((.wrongFactor(e(.a, t, j), other), dz[i] * a[j])) }
            if let da = trace.vector(.da, t) { alts.append((.notDz(e(.da, t, i), e(.dz, t, i)), da[i] * xj)) }
            // a factor from the wrong column of [a<t-1>; x<t>] (the same part) or the wrong row of dz<t>
            let formula = "\(ref) = \(e(.dz, t, i))·\(other)"
            for k in st.indices where k != j && (k < na) == (j < na) {
                let used = k < na ? (t == 1 ? EntryRef(symbol: .a0, row: k).description : e(.a, t - 1, k)) : e(.x, t, k - na)
                alts.append((.wrongIndex(used, other, formula), dz[i] * (trace.hasInput(t) || k < na ? st[k] : 0)))
            }
            for r in dz.indices where r != i { alts.append((.wrongIndex(e(.dz, t, r), e(.dz, t, i), formula), dz[r] * xj)) }
            return Decomposition(terms: [SumTerm(names: [e(.dz, t, i), other], factors: [dz[i], xj])], outer: .none, alternatives: alts)
        }
    }

    /// dWa<t>[i,j] (the running sum after backward step t; the total is t = 1): Σ_{s=T…t} ΔdWa<s>[i,j].
    static func runningSum(_ ref: EntryRef, _ trace: Trace) -> Decomposition? {
        guard trace.hasBackward, let i = ref.row else { return nil }
        let from = ref.t ?? 1
        guard (1...trace.T).contains(from) else { return nil }
        let step: Symbol
        switch ref.symbol {
        case .dWa: step = .dWaStep
        case .dWaa: step = .dWaaStep
        case .dWax: step = .dWaxStep
        case .dba: step = .dbaStep
        case .dWya: step = .dWyaStep
        default: step = .dbyStep
        }
        var terms: [SumTerm] = []
        for s in stride(from: trace.T, through: from, by: -1) {
            let r = EntryRef(symbol: step, t: s, row: i, col: ref.col)
            if case .success(let v) = trace.number(r) { terms.append(SumTerm(names: [r.description], factors: [v])) }
        }
        return Decomposition(terms: terms, outer: .none)
    }
}
