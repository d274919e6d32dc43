import RNNCore

/// A parsed `check:` claim, such as `a<3>[0] > 0.9` or `norm(da<1>) < norm(da<3>)`.
/// The language is documented in lessons/README.md ("Checks").
public struct CheckExpression: Equatable, Sendable {
    /// The claim as written.
    public let source: String
    let root: CheckNode

    /// Parses a claim; the error names the place (a character offset into `source`).
    public static func parse(_ source: String) -> Result<CheckExpression, CheckError> {
        switch CheckLexer.tokens(source) {
        case .failure(let e): return .failure(e)
        case .success(let tokens):
            var parser = CheckParser(tokens: tokens, source: source)
            return parser.parseAll().map { CheckExpression(source: source, root: $0) }
        }
    }
}

/// Why a claim cannot be read or evaluated, and where in it (0-based character offset).
public struct CheckError: Error, Equatable, Sendable {
    public let message: String
    public let offset: Int
    public init(_ message: String, at offset: Int) { self.message = message; self.offset = offset }
}

/// Where a piece of a claim is: its text and its character offset.
struct Span: Equatable, Sendable {
    let text: String
    let offset: Int
}

indirect enum CheckNode: Equatable, Sendable {
    /// A number as written; `halfUnit` is half a unit in its last written digit (for ≈).
    case literal(Double, halfUnit: Double, Span)
    case boolean(Bool, Span)
    case ref(EntryRef, Span)
    case negate(CheckNode, Span)
    case arithmetic(String, CheckNode, CheckNode, Span)
    /// A chain such as `0 < x < 1`: operands and the operators between them.
    case comparison([CheckNode], [Span])
    case call(String, [CheckNode], Span)
    /// A quoted text such as `'mar*'`: only an argument of `count(…)`.
    case text(String, Span)
    case and(CheckNode, CheckNode)
    case or(CheckNode, CheckNode)
    case not(CheckNode, Span)

    var span: Span {
        switch self {
        case .literal(_, _, let s), .boolean(_, let s), .ref(_, let s), .negate(_, let s),
             .arithmetic(_, _, _, let s), .call(_, _, let s), .not(_, let s), .text(_, let s): return s
        case .comparison(let operands, _): return operands[0].span
        case .and(let l, _), .or(let l, _): return l.span
        }
    }
}

struct CheckToken: Equatable {
    enum Kind: Equatable { case number, name, op, open, close, comma, text, end }
    let kind: Kind
    let text: String
    let offset: Int
}

/// Splits a claim into numbers, names (references such as `a<3>[0]` are one name), operators.
enum CheckLexer {
    static let operators = ["<=", ">=", "==", "!=", "~=", "<", ">", "≤", "≥", "≠", "≈", "+", "-", "−", "*", "×", "/"]

    static func tokens(_ source: String) -> Result<[CheckToken], CheckError> {
        let chars = Array(source)
        var tokens: [CheckToken] = []
        var i = 0
        func isNameChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "\u{0302}" }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" { i += 1; continue }
            let start = i
            if c.isASCII && (c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber)) {
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
                if i < chars.count, chars[i] == "e" || chars[i] == "E" {
                    var j = i + 1
                    if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
                    if j < chars.count, chars[j].isASCII, chars[j].isNumber {
                        i = j
                        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                    }
                }
                tokens.append(.init(kind: .number, text: String(chars[start..<i]), offset: start))
            } else if isNameChar(c) {
                while i < chars.count, isNameChar(chars[i]) { i += 1 }
                i = referenceSuffix(chars, from: i)
                tokens.append(.init(kind: .name, text: String(chars[start..<i]), offset: start))
            } else if c == "'" || c == "\"" {
                guard let close = chars[(i + 1)...].firstIndex(of: c) else {
                    return .failure(CheckError("the text opened by \(c) is not closed; write it like 'mar*'", at: i))
                }
                tokens.append(.init(kind: .text, text: String(chars[(i + 1)..<close]), offset: i))
                i = close + 1
            } else if c == "(" || c == ")" || c == "," {
                tokens.append(.init(kind: c == "(" ? .open : c == ")" ? .close : .comma, text: String(c), offset: i))
                i += 1
            } else if let op = operators.first(where: { op in
                op.count <= chars.count - i && String(chars[i..<(i + op.count)]) == op }) {
                tokens.append(.init(kind: .op, text: op, offset: i))
                i += op.count
            } else {
                return .failure(CheckError("unexpected '\(Sanitizer.screenLine(String(c)))'", at: i))
            }
        }
        tokens.append(.init(kind: .end, text: "", offset: chars.count))
        return .success(tokens)
    }

    /// After a name: a step `<3>` written right after it, then an index `[0]` or `[1,2]`.
    static func referenceSuffix(_ chars: [Character], from start: Int) -> Int {
        var i = start
        if i < chars.count, chars[i] == "<" {
            var j = i + 1
            while j < chars.count, chars[j] == " " { j += 1 }
            let digits = j
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let hasDigits = j > digits
            while j < chars.count, chars[j] == " " { j += 1 }
            if hasDigits, j < chars.count, chars[j] == ">" { i = j + 1 }
        }
        if i < chars.count, chars[i] == "[", let close = chars[i...].firstIndex(of: "]") {
            i = close + 1
        }
        return i
    }
}
