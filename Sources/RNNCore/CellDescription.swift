import Foundation

/// An expression of a cell's equations over the notation's quantities (`Symbol`s).
public indirect enum CellExpr: Equatable, Sendable {
    /// A quantity of this step (or the step before, such as a<t-1>)
    case value(Symbol)
    /// [p; q]: two vectors stacked
    case stack(CellExpr, CellExpr)
    /// W·v + b: a weight times a vector, plus a bias
    case affine(weight: Symbol, CellExpr, bias: Symbol)
    /// σ(v), elementwise
    case sigmoid(CellExpr)
    /// tanh(v), elementwise
    case tanh(CellExpr)
    /// g1(v), the plain cell's hidden activation
    case g1(CellExpr)
    /// g2(v), the output activation
    case g2(CellExpr)
    /// p ⊙ q, elementwise
    case hadamard(CellExpr, CellExpr)
    /// 1 − v, elementwise
    case oneMinus(CellExpr)
    /// p + q
    case add(CellExpr, CellExpr)

    /// The expression in the notes' notation, e.g. `σ(Wu [c<t-1>; x<t>] + bu)`.
    public var formula: String {
        switch self {
        case .value(let s): return s.label
        case .stack(let p, let q): return "[\(p.formula); \(q.formula)]"
        case .affine(let w, let v, let b): return "\(w.label) \(v.formula) + \(b.label)"
        case .sigmoid(let v): return "σ(\(v.formula))"
        case .tanh(let v): return "tanh(\(v.formula))"
        case .g1(let v): return "g1(\(v.formula))"
        case .g2(let v): return "g2(\(v.formula))"
        case .hadamard(let p, let q): return "\(p.bracketed) ⊙ \(q.bracketed)"
        case .oneMinus(let v): return "(1 − \(v.formula))"
        case .add(let p, let q): return "\(p.formula) + \(q.formula)"
        }
    }

    private var bracketed: String {
        if case .add = self { return "(\(formula))" }
        return formula
    }

    /// The operations the expression shows, outermost first (for a view's legend).
    public var operations: [String] {
        switch self {
        case .value: return []
        case .stack(let p, let q): return ["stack"] + p.operations + q.operations
        case .affine(_, let v, _): return ["matvec+bias"] + v.operations
        case .sigmoid(let v): return ["σ"] + v.operations
        case .tanh(let v): return ["tanh"] + v.operations
        case .g1(let v): return ["g1"] + v.operations
        case .g2(let v): return ["g2"] + v.operations
        case .hadamard(let p, let q): return ["⊙"] + p.operations + q.operations
        case .oneMinus(let v): return ["1−x"] + v.operations
        case .add(let p, let q): return ["add"] + p.operations + q.operations
        }
    }

    /// The quantities the expression reads.
    public var inputs: [Symbol] {
        switch self {
        case .value(let s): return [s]
        case .stack(let p, let q), .hadamard(let p, let q), .add(let p, let q): return p.inputs + q.inputs
        case .affine(let w, let v, let b): return [w] + v.inputs + [b]
        case .sigmoid(let v), .tanh(let v), .g1(let v), .g2(let v), .oneMinus(let v): return v.inputs
        }
    }
}

/// One named step of a cell: the quantity it computes and how.
public struct CellStep: Equatable, Sendable {
    public var result: Symbol
    public var expression: CellExpr
    public init(_ result: Symbol, _ expression: CellExpr) { self.result = result; self.expression = expression }

    /// `Γu<t> = σ(Wu [c<t-1>; x<t>] + bu)`
    public var equation: String { "\(result.label) = \(expression.formula)" }
}

/// A cell as the list of its forward steps, in the order they are computed: what the views
/// draw, one row per step, for the plain cell, the GRU and the LSTM alike.
public enum CellDescription {
    public static func steps(_ cell: CellKind) -> [CellStep] {
        let ax = CellExpr.stack(.value(.aPrev), .value(.x))
        let cx = CellExpr.stack(.value(.cPrev), .value(.x))
        let output = CellStep(.yHat, .g2(.affine(weight: .Wya, .value(.a), bias: .by)))
        switch cell {
        case .rnn:
            return [CellStep(.z, .affine(weight: .Wa, ax, bias: .ba)), CellStep(.a, .g1(.value(.z))), output]
        case .gru:
            return [
                CellStep(.gammaU, .sigmoid(.affine(weight: .Wu, cx, bias: .bu))),
                CellStep(.gammaR, .sigmoid(.affine(weight: .Wr, cx, bias: .br))),
                CellStep(.cTilde, .tanh(.affine(weight: .Wc, .stack(.hadamard(.value(.gammaR), .value(.cPrev)), .value(.x)), bias: .bc))),
                CellStep(.c, .add(.hadamard(.value(.gammaU), .value(.cTilde)), .hadamard(.oneMinus(.value(.gammaU)), .value(.cPrev)))),
                CellStep(.a, .value(.c)),
                output,
            ]
        case .lstm:
            return [
                CellStep(.gammaF, .sigmoid(.affine(weight: .Wf, ax, bias: .bf))),
                CellStep(.gammaU, .sigmoid(.affine(weight: .Wu, ax, bias: .bu))),
                CellStep(.gammaO, .sigmoid(.affine(weight: .Wo, ax, bias: .bo))),
                CellStep(.cTilde, .tanh(.affine(weight: .Wc, ax, bias: .bc))),
                CellStep(.c, .add(.hadamard(.value(.gammaF), .value(.cPrev)), .hadamard(.value(.gammaU), .value(.cTilde)))),
                CellStep(.a, .hadamard(.value(.gammaO), .tanh(.value(.c)))),
                output,
            ]
        }
    }

    /// Evaluates `expression` at step t, reading quantities from `trace` (or from `computed`,
    /// the steps already evaluated): the description run as a small interpreter.
    public static func evaluate(_ e: CellExpr, t: Int, trace: Trace, computed: [Symbol: [Double]]) -> [Double]? {
        func ev(_ e: CellExpr) -> [Double]? { evaluate(e, t: t, trace: trace, computed: computed) }
        switch e {
        case .value(let s):
            if let v = computed[s] { return v }
            if s == .x, !trace.hasInput(t) { return Array(repeating: 0, count: trace.shape.nx) }
            return trace.vector(s, t)
        case .stack(let p, let q):
            guard let p = ev(p), let q = ev(q) else { return nil }
            return p + q
        case .affine(let w, let v, let b):
            guard let v = ev(v), let W = trace.tensor(w, t: nil), let b = trace.tensor(b, t: nil) else { return nil }
            return zip(W.times(v), b.values).map { $0 + $1 }
        case .sigmoid(let v): return ev(v)?.map { 1 / (1 + Foundation.exp(-$0)) }
        case .tanh(let v): return ev(v)?.map { Foundation.tanh($0) }
        case .g1(let v): return ev(v)?.map(trace.shape.g1.apply)
        case .g2(let v):
            guard let o = ev(v) else { return nil }
            return ReferenceRNN.output(trace.shape.g2, logits: o)
        case .hadamard(let p, let q):
            guard let p = ev(p), let q = ev(q) else { return nil }
            return zip(p, q).map { $0 * $1 }
        case .oneMinus(let v): return ev(v)?.map { 1 - $0 }
        case .add(let p, let q):
            guard let p = ev(p), let q = ev(q) else { return nil }
            return zip(p, q).map { $0 + $1 }
        }
    }
}
