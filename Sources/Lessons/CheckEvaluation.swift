import Foundation
import RNNCore

/// The result of evaluating a claim against a lesson's trace.
public struct CheckOutcome: Equatable, Sendable {
    public let holds: Bool
    /// The numbers the claim refers to (references and function calls), as "text = value".
    public let values: [String]
}

extension CheckExpression {
    /// Evaluates the claim on `trace`: true or false with the values it read, or the reason
    /// it cannot be evaluated (unknown step, index out of range, not a true/false claim …).
    /// `texts` is the lesson's training set, which `count('…')` counts in (nil: it has none).
    public func evaluate(on trace: Trace, texts: [String]? = nil) -> Result<CheckOutcome, CheckError> {
        var evaluator = CheckEvaluator(trace: trace, texts: texts)
        do {
            guard case .boolean(let holds) = try evaluator.value(root) else {
                throw CheckError("a check must be a claim that is true or false, such as a<1>[0] > 0", at: 0)
            }
            return .success(CheckOutcome(holds: holds, values: evaluator.seen.map { "\($0.0) = \(CheckEvaluator.format($0.1))" }))
        } catch let e as CheckError {
            return .failure(e)
        } catch {
            return .failure(CheckError("\(error)", at: 0))
        }
    }

    /// The message for a claim that is false: `check "EXPR" is false: a<3>[0] = 0.8731`.
    public func falseMessage(_ outcome: CheckOutcome) -> String {
        let shown = Sanitizer.screenLine(source)
        return outcome.values.isEmpty ? "check \"\(shown)\" is false"
            : "check \"\(shown)\" is false: \(outcome.values.joined(separator: ", "))"
    }
}

enum CheckValue {
    case number(Double)
    case tensor(Matrix)
    case boolean(Bool)
}

struct CheckEvaluator {
    let trace: Trace
    /// The lesson's training texts, for `count('…')`.
    var texts: [String]? = nil
    /// Numbers read, in order, without repeats.
    var seen: [(String, Double)] = []

    /// 4 significant digits, whole numbers as they are: 0.8731, -1.235e-05, 3.
    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.4g", v)
    }

    mutating func note(_ span: Span, _ v: Double) {
        if !seen.contains(where: { $0.0 == span.text }) { seen.append((span.text, v)) }
    }

    mutating func value(_ node: CheckNode) throws -> CheckValue {
        switch node {
        case .literal(let v, _, _): return .number(v)
        case .boolean(let b, _): return .boolean(b)
        case .ref(let ref, let span):
            switch trace.resolve(ref) {
            case .failure(let e): throw CheckError(e.message, at: span.offset)
            case .success(let m):
                if m.values.count == 1 { note(span, m.values[0]); return .number(m.values[0]) }
                return .tensor(m)
            }
        case .negate(let inner, let span): return .number(-(try number(inner, span)))
        case .arithmetic(let op, let l, let r, let span):
            let a = try number(l, l.span), b = try number(r, r.span)
            switch op {
            case "+": return .number(a + b)
            case "-": return .number(a - b)
            case "*": return .number(a * b)
            default:
                guard b != 0 else { throw CheckError("division by zero", at: span.offset) }
                return .number(a / b)
            }
        case .comparison(let operands, let ops):
            var values: [Double] = []
            for o in operands { values.append(try number(o, o.span)) }
            var holds = true
            for (i, op) in ops.enumerated() {
                let a = values[i], b = values[i + 1]
                holds = holds && compare(op.text, a, b, tolerance: approxTolerance(operands[i], operands[i + 1]))
            }
            return .boolean(holds)
        case .call(let name, let args, let span):
            let v = try call(name, args, span)
            if case .number(let n) = v { note(span, n) }
            return v
        case .and(let l, let r):
            let a = try boolean(l), b = try boolean(r)
            return .boolean(a && b)
        case .or(let l, let r):
            let a = try boolean(l), b = try boolean(r)
            return .boolean(a || b)
        case .not(let inner, _): return .boolean(!(try boolean(inner)))
        case .text(_, let span):
            throw CheckError("a quoted text is only an argument of count, as in count('mar*')", at: span.offset)
        }
    }

    /// ≈ against a number as written: within half a unit of its last digit; else relative 1e-9.
    func approxTolerance(_ a: CheckNode, _ b: CheckNode) -> Double? {
        func literal(_ n: CheckNode) -> Double? {
            if case .literal(_, let h, _) = n { return h }
            if case .negate(let inner, _) = n { return literal(inner) }
            return nil
        }
        switch (literal(a), literal(b)) {
        case let (x?, y?): return max(x, y)
        case let (x?, nil), let (nil, x?): return x
        default: return nil
        }
    }

    /// |a − b| ≤ 1e-9 · max(|a|, |b|), or ≤ 1e-12 near zero.
    static func relativelyEqual(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= max(1e-9 * max(abs(a), abs(b)), 1e-12)
    }

    func compare(_ op: String, _ a: Double, _ b: Double, tolerance: Double?) -> Bool {
        switch op {
        case "<": return a < b
        case "<=", "≤": return a <= b
        case ">": return a > b
        case ">=", "≥": return a >= b
        case "==": return a == b
        case "!=", "≠": return a != b
        default: return tolerance.map { abs(a - b) <= $0 } ?? Self.relativelyEqual(a, b)
        }
    }

    mutating func number(_ node: CheckNode, _ span: Span) throws -> Double {
        switch try value(node) {
        case .number(let v): return v
        case .tensor(let m):
            throw CheckError("'\(span.text)' is a \(m.rows)×\(m.cols) quantity, not one number: index it (like [0]) or use norm(), sum(), max()", at: span.offset)
        case .boolean:
            throw CheckError("'\(span.text)' is true or false, not a number", at: span.offset)
        }
    }

    mutating func boolean(_ node: CheckNode) throws -> Bool {
        guard case .boolean(let b) = try value(node) else {
            throw CheckError("'\(node.span.text)' is a number, not a claim: compare it (<, >, ≈ …)", at: node.span.offset)
        }
        return b
    }

    /// The entries of a quantity (or one number), for norm, sum, max …
    mutating func entries(_ node: CheckNode) throws -> [Double] {
        switch try value(node) {
        case .number(let v): return [v]
        case .tensor(let m): return m.values
        case .boolean: throw CheckError("'\(node.span.text)' is true or false, not a number", at: node.span.offset)
        }
    }

    mutating func call(_ name: String, _ args: [CheckNode], _ span: Span) throws -> CheckValue {
        func arity(_ counts: ClosedRange<Int>, _ usage: String) throws {
            guard counts.contains(args.count) else { throw CheckError("\(name) takes \(usage)", at: span.offset) }
        }
        switch name {
        case "abs", "sqrt", "exp", "log", "tanh", "sigmoid":
            try arity(1...1, "one number, as in \(name)(a<1>[0])")
            let v = try number(args[0], args[0].span)
            if (name == "sqrt" && v < 0) || (name == "log" && v <= 0) {
                throw CheckError("\(name) of \(Self.format(v)) is undefined", at: span.offset)
            }
            switch name {
            case "abs": return .number(abs(v))
            case "sqrt": return .number(v.squareRoot())
            case "exp": return .number(Foundation.exp(v))
            case "log": return .number(Foundation.log(v))
            case "tanh": return .number(Foundation.tanh(v))
            default: return .number(1 / (1 + Foundation.exp(-v)))
            }
        case "norm", "sum", "mean", "argmax", "argmin":
            try arity(1...1, "one quantity, as in \(name)(da<1>)")
            let e = try entries(args[0])
            switch name {
            case "norm": return .number(e.reduce(0) { $0 + $1 * $1 }.squareRoot())
            case "sum": return .number(e.reduce(0, +))
            case "mean": return .number(e.reduce(0, +) / Double(e.count))
            case "argmax": return .number(Double(e.indices.max { e[$0] < e[$1] } ?? 0))
            default: return .number(Double(e.indices.min { e[$0] < e[$1] } ?? 0))
            }
        case "max", "min":
            try arity(1...64, "a quantity, as in \(name)(ŷ<1>), or numbers, as in \(name)(a<1>[0], a<1>[1])")
            var all: [Double] = []
            for a in args { all += try entries(a) }
            return .number((name == "max" ? all.max() : all.min()) ?? 0)
        case "count":
            guard args.count == 1, case .text(let pattern, _) = args[0] else {
                throw CheckError("count takes one quoted pattern, as in count('mar*') (* any letters, ? one letter)", at: span.offset)
            }
            guard let texts else {
                throw CheckError("count needs the lesson's training texts (sequence: texts:), and this lesson has none", at: span.offset)
            }
            return .number(Double(texts.filter { TextPattern(pattern).matches($0) }.count))
        default:   // approx
            try arity(2...3, "two numbers and an optional tolerance, as in approx(a<1>[0], 0.5, 1e-3)")
            let a = try number(args[0], args[0].span), b = try number(args[1], args[1].span)
            if args.count == 3 {
                let tol = try number(args[2], args[2].span)
                return .boolean(abs(a - b) <= tol)
            }
            return .boolean(compare("≈", a, b, tolerance: approxTolerance(args[0], args[1])))
        }
    }
}
