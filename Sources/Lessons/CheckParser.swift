import RNNCore

/// Recursive descent over a claim's tokens. Lowest to highest precedence:
/// `or`, `and`, `not`, comparisons (chained), `+ -`, `* /`, unary minus, calls and atoms.
struct CheckParser {
    static let functions = ["abs", "norm", "sum", "mean", "max", "min", "argmax", "argmin",
                            "approx", "sqrt", "exp", "log", "tanh", "sigmoid", "count"]
    static let comparisons = ["<", "<=", ">", ">=", "==", "!=", "≈", "~=", "≤", "≥", "≠"]

    let tokens: [CheckToken]
    let source: [Character]
    var position = 0
    /// How deep the parser is in `not`, unary minus and brackets; a claim nested deeper than
    /// `maxDepth` is refused (the recursion would otherwise exhaust the stack).
    var depth = 0
    static let maxDepth = 64

    mutating func enter(_ offset: Int) throws {
        depth += 1
        if depth > Self.maxDepth { throw CheckError("the claim is nested too deeply (more than \(Self.maxDepth) levels); split it into simpler checks", at: offset) }
    }

    init(tokens: [CheckToken], source: String) { self.tokens = tokens; self.source = Array(source) }

    var current: CheckToken { tokens[min(position, tokens.count - 1)] }

    mutating func advance() -> CheckToken { let t = current; position += 1; return t }

    func unexpected(_ what: String) -> CheckError {
        let t = current
        return CheckError(t.kind == .end ? "the claim ends where \(what) was expected"
                                         : "expected \(what), got '\(Sanitizer.screenLine(t.text))'", at: t.offset)
    }

    mutating func parseAll() -> Result<CheckNode, CheckError> {
        do {
            if current.kind == .end { throw CheckError("the claim is empty; write one such as a<1>[0] > 0", at: 0) }
            let node = try parseOr()
            guard current.kind == .end else { throw unexpected("an operator (and, or, <, +, …) or the end") }
            return .success(node)
        } catch let e as CheckError {
            return .failure(e)
        } catch {
            return .failure(CheckError("\(error)", at: 0))
        }
    }

    mutating func parseOr() throws -> CheckNode {
        var left = try parseAnd()
        while current.kind == .name && current.text == "or" { _ = advance(); left = .or(left, try parseAnd()) }
        return left
    }

    mutating func parseAnd() throws -> CheckNode {
        var left = try parseNot()
        while current.kind == .name && current.text == "and" { _ = advance(); left = .and(left, try parseNot()) }
        return left
    }

    mutating func parseNot() throws -> CheckNode {
        if current.kind == .name && current.text == "not" {
            let t = advance()
            try enter(t.offset)
            defer { depth -= 1 }
            return .not(try parseNot(), Span(text: t.text, offset: t.offset))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> CheckNode {
        var operands = [try parseSum()]
        var ops: [Span] = []
        while current.kind == .op && Self.comparisons.contains(current.text) {
            let t = advance()
            ops.append(Span(text: t.text, offset: t.offset))
            operands.append(try parseSum())
        }
        return ops.isEmpty ? operands[0] : .comparison(operands, ops)
    }

    mutating func parseSum() throws -> CheckNode {
        var left = try parseProduct()
        while current.kind == .op && ["+", "-", "−"].contains(current.text) {
            let t = advance()
            left = .arithmetic(t.text == "+" ? "+" : "-", left, try parseProduct(), Span(text: t.text, offset: t.offset))
        }
        return left
    }

    mutating func parseProduct() throws -> CheckNode {
        var left = try parseUnary()
        while current.kind == .op && ["*", "×", "/"].contains(current.text) {
            let t = advance()
            left = .arithmetic(t.text == "/" ? "/" : "*", left, try parseUnary(), Span(text: t.text, offset: t.offset))
        }
        return left
    }

    mutating func parseUnary() throws -> CheckNode {
        if current.kind == .op && (current.text == "-" || current.text == "−") {
            let t = advance()
            try enter(t.offset)
            defer { depth -= 1 }
            return .negate(try parseUnary(), Span(text: t.text, offset: t.offset))
        }
        return try parseAtom()
    }

    mutating func parseAtom() throws -> CheckNode {
        let t = current
        switch t.kind {
        case .number:
            _ = advance()
            guard let v = Double(t.text), v.isFinite else { throw CheckError("'\(t.text)' is not a number", at: t.offset) }
            return .literal(v, halfUnit: Self.halfUnit(t.text), Span(text: t.text, offset: t.offset))
        case .text:
            _ = advance()
            let end = min(source.count, t.offset + t.text.count + 2)
            return .text(t.text, Span(text: String(source[t.offset..<end]), offset: t.offset))
        case .open:
            _ = advance()
            try enter(t.offset)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard current.kind == .close else { throw unexpected("')'") }
            _ = advance()
            return inner
        case .name:
            _ = advance()
            if t.text == "true" || t.text == "false" { return .boolean(t.text == "true", Span(text: t.text, offset: t.offset)) }
            if current.kind == .open { return try parseCall(t) }
            if ["and", "or", "not"].contains(t.text) { position -= 1; throw unexpected("a number or a reference") }
            switch EntryRef.parse(t.text) {
            case .success(let ref): return .ref(ref, Span(text: t.text, offset: t.offset))
            case .failure(let e):
                if let f = Self.functions.first(where: { $0 == t.text }) {
                    throw CheckError("\(f) is a function: write \(f)(…)", at: t.offset)
                }
                throw CheckError(e.message, at: t.offset)
            }
        default:
            throw unexpected("a number, a reference such as a<1>[0], or '('")
        }
    }

    mutating func parseCall(_ name: CheckToken) throws -> CheckNode {
        guard Self.functions.contains(name.text) else {
            let hint = Suggestions.closest(to: name.text, in: Self.functions).map { "; did you mean \($0)?" }
                ?? " (known: \(Self.functions.joined(separator: ", ")))"
            throw CheckError("unknown function '\(Sanitizer.screenLine(name.text))'\(hint)", at: name.offset)
        }
        _ = advance()   // (
        try enter(name.offset)
        defer { depth -= 1 }
        var args: [CheckNode] = []
        if current.kind != .close {
            args.append(try parseOr())
            while current.kind == .comma { _ = advance(); args.append(try parseOr()) }
        }
        guard current.kind == .close else { throw unexpected("',' or ')'") }
        let close = advance()
        let text = String(source[name.offset...close.offset])
        return .call(name.text, args, Span(text: text, offset: name.offset))
    }

    /// Half a unit in the last digit written: 0.8731 → 0.00005, 2 → 0.5, 1.5e-3 → 0.00005.
    static func halfUnit(_ text: String) -> Double {
        let lower = text.lowercased()
        let parts = lower.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? lower
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        let places = decimals - exponent
        var unit = 1.0
        if places > 0 { for _ in 0..<min(places, 330) { unit /= 10 } } else if places < 0 { for _ in 0..<min(-places, 330) { unit *= 10 } }
        return unit / 2
    }
}
