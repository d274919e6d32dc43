import Foundation
import RNNCore

/// The result of evaluating a claim against a lesson's trace.
public struct CheckOutcome: Equatable, Sendable {
    public let holds: Bool
    /// The numbers the claim refers to (references and function calls), as "text = value".
    public let values: [String]
    /// For a false `p and q and …`: the first part that is false, as written.
    public var failedPart: String?
    /// For a false comparison whose two sides print alike (4 significant digits): both sides.
    public var alike: AlikeSides?

    public init(holds: Bool, values: [String], failedPart: String? = nil, alike: AlikeSides? = nil) {
        self.holds = holds; self.values = values; self.failedPart = failedPart; self.alike = alike
    }
}

/// The two sides of a false comparison that print the same at the lesson's precision.
public struct AlikeSides: Equatable, Sendable {
    public let left: Double
    public let right: Double
    public let op: String
}

extension CheckExpression {
    /// Evaluates the claim on `trace`: true or false with the values it read, or the reason
    /// it cannot be evaluated (unknown step, index out of range, not a true/false claim …).
    /// A false claim also names its first false `and` part and any sides that only differ
    /// past the printed digits. `texts` is the lesson's training set, which `count('…')`
    /// counts in (nil: it has none).
    public func evaluate(on trace: Trace, texts: [String]? = nil) -> Result<CheckOutcome, CheckError> {
        do {
            var evaluator = CheckEvaluator(trace: trace, texts: texts)
            let holds = try evaluator.claim(root)
            if holds { return .success(CheckOutcome(holds: true, values: evaluator.shownValues)) }
            var part = root
            var failedPart: String?
            if case .and(let parts, _) = root {
                for p in parts {
                    var e = CheckEvaluator(trace: trace, texts: texts)
                    if try !e.claim(p) { part = p; failedPart = p.span.text; evaluator = e; break }
                }
            }
            var sides = CheckEvaluator(trace: trace, texts: texts)
            return .success(CheckOutcome(holds: false, values: evaluator.shownValues, failedPart: failedPart,
                                         alike: try sides.alikeSides(part)))
        } catch let e as CheckError {
            return .failure(e)
        } catch {
            return .failure(CheckError("\(error)", at: 0))
        }
    }

    /// The message for a claim that is false: `check "EXPR" is false: a<3>[0] = 0.8731`, with
    /// the failing part of an `and`, and both sides in full when they print alike.
    public func falseMessage(_ outcome: CheckOutcome) -> String {
        var message = "check \"\(Sanitizer.screenLine(source))\" is false"
        if let part = outcome.failedPart { message += " at \"\(Sanitizer.screenLine(part))\"" }
        if !outcome.values.isEmpty { message += ": " + outcome.values.joined(separator: ", ") }
        if let a = outcome.alike {
            message += "; both sides print as \(CheckEvaluator.format(a.left)) but are \(a.left) and \(a.right)"
                + ": write ≈ (or approx(…, …, tolerance)) if they should count as equal"
        }
        return message
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
    private var seenNames: Set<String> = []
    /// At most this many values are listed in a false check's message.
    static let maxShown = 12

    init(trace: Trace, texts: [String]? = nil) { self.trace = trace; self.texts = texts }

    /// "text = value" for the first `maxShown` numbers read, then how many more.
    var shownValues: [String] {
        let shown = seen.prefix(Self.maxShown).map { "\($0.0) = \(Self.format($0.1))" }
        return seen.count > Self.maxShown ? shown + ["… (\(seen.count - Self.maxShown) more)"] : shown
    }

    /// 4 significant digits, whole numbers as they are: 0.8731, -1.235e-05, 3.
    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.4g", v)
    }

    mutating func note(_ span: Span, _ v: Double) {
        if seenNames.insert(span.text).inserted { seen.append((span.text, v)) }
    }

    /// A whole claim: true or false, or the error that it is a number.
    mutating func claim(_ node: CheckNode) throws -> Bool {
        guard case .boolean(let holds) = try value(node) else {
            throw CheckError("a check must be a claim that is true or false, such as a<1>[0] > 0", at: 0)
        }
        return holds
    }

    /// Chains (`+`, `and`, …) are evaluated in loops; only brackets, `not`, minus and calls recurse.
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
        case .arithmetic(let first, let links, _):
            var result = try number(first, first.span)
            for link in links {
                let b = try number(link.operand, link.operand.span)
                switch link.op.text {
                case "+": result += b
                case "-", "−": result -= b
                case "*", "×": result *= b
                default:
                    guard b != 0 else { throw CheckError("division by zero", at: link.op.offset) }
                    result /= b
                }
            }
            return .number(result)
        case .comparison(let operands, let ops, _):
            var values: [Double] = []
            for o in operands { values.append(try number(o, o.span)) }
            var holds = true
            for (i, op) in ops.enumerated() {
                holds = holds && compare(op.text, values[i], values[i + 1], tolerance: approxTolerance(operands[i], operands[i + 1]))
            }
            return .boolean(holds)
        case .call(let name, let args, let span):
            let v = try call(name, args, span)
            if case .number(let n) = v { note(span, n) }
            return v
        case .and(let parts, _):
            var all = true   // every part is evaluated, so that an error anywhere is found
            for p in parts { all = try boolean(p) && all }
            return .boolean(all)
        case .or(let parts, _):
            var any = false
            for p in parts { any = try boolean(p) || any }
            return .boolean(any)
        case .not(let inner, _): return .boolean(!(try boolean(inner)))
        case .text(_, let span):
            throw CheckError("a quoted text is only an argument of count, as in count('mar*')", at: span.offset)
        }
    }

    /// For a false comparison: its first false pair of sides, when they print alike but differ.
    mutating func alikeSides(_ node: CheckNode) throws -> AlikeSides? {
        guard case .comparison(let operands, let ops, _) = node else { return nil }
        var values: [Double] = []
        for o in operands { values.append(try number(o, o.span)) }
        for (i, op) in ops.enumerated() {
            let a = values[i], b = values[i + 1]
            if compare(op.text, a, b, tolerance: approxTolerance(operands[i], operands[i + 1])) { continue }
            guard a != b, Self.format(a) == Self.format(b), !["≈", "~="].contains(op.text) else { return nil }
            return AlikeSides(left: a, right: b, op: op.text)
        }
        return nil
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
            let compiled = TextPattern(pattern)
            return .number(Double(texts.filter { compiled.matches($0) }.count))
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
