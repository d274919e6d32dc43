import Foundation

/// The arithmetic a hint or an explanation puts on the screen, read back from its text: does
/// `3.00 × 0.95 = 2.86` hold as written? A student checks the shown numbers, not the ones
/// behind them (0.9533), so a side whose shown numbers do not round to the next side is
/// written with more digits (hints) or with `≈` (explanations).
///
/// A side is an expression of decimal numbers (`0.10`, `-1.00`, `3.0e-11`), `+ - − × · /`,
/// brackets, a postfix `²` and the functions `tanh`, `exp`, `log`, `sigmoid`, `ReLU`; a side
/// with anything else (a name such as `z<2>[0]`, `…`) is not arithmetic and holds.
public enum ShownArithmetic {
    enum Token: Equatable {
        case number(Double, halfUnit: Double)
        case op(Character)
        case open, close, squared
        case function(String)
    }

    static let functions = ["tanh", "exp", "log", "sigmoid", "ReLU"]

    /// The tokens of `text`, or nil when it is not arithmetic.
    static func tokens(_ text: String) -> [Token]? {
        var out: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " { i += 1; continue }
            if c.isASCII, c.isNumber {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
                let mantissa = String(chars[i..<j])
                let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                var exponent = 0
                if j < chars.count, chars[j] == "e" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "-" || chars[k] == "+" { k += 1 }
                    let start = k
                    while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                    guard k > start, let e = Int(String(chars[(j + 1)..<k])) else { return nil }
                    exponent = e
                    j = k
                }
                guard let m = Double(mantissa) else { return nil }
                out.append(.number(m * pow(10, Double(exponent)), halfUnit: 0.5 * pow(10, Double(exponent - decimals))))
                i = j
                continue
            }
            switch c {
            case "+", "×", "·", "/": out.append(.op(c))
            case "-", "−": out.append(.op("-"))
            case "(": out.append(.open)
            case ")": out.append(.close)
            case "²": out.append(.squared)
            default:
                guard let name = functions.first(where: { text.dropFirst(i).hasPrefix($0) && chars.count > i + $0.count && chars[i + $0.count] == "(" })
                else { return nil }
                out.append(.function(name))
                i += name.count
                continue
            }
            i += 1
        }
        return out.isEmpty ? nil : out
    }

    /// The value of `tokens` as an expression (nil when they are not one).
    static func value(_ tokens: [Token]) -> Double? {
        var p = Parser(tokens: tokens)
        guard let v = p.sum(), p.at == tokens.count else { return nil }
        return v
    }

    /// The value of `text` read as arithmetic, or nil.
    public static func value(_ text: String) -> Double? { tokens(text).flatMap(value) }

    /// Whether the side `before` gives the side `after` as written: `after` a number (or, past
    /// what both sides share, `tanh(…)` around it, a number) that `before`'s shown numbers
    /// round to. True when either side is not arithmetic (names, `…`): nothing to read back.
    public static func holds(_ before: String, _ after: String) -> Bool {
        guard var a = tokens(before), var b = tokens(after) else { return true }
        // what both sides share at their ends (`tanh(` … `)`) is not part of the step
        while a.count > 1, b.count > 1, a.first == b.first, a.first.map(isStructure) == true { a.removeFirst(); b.removeFirst() }
        while a.count > 1, b.count > 1, a.last == b.last, a.last.map(isStructure) == true { a.removeLast(); b.removeLast() }
        guard b.count == 1 || (b.count == 2 && b[0] == .op("-")), let shown = value(b), let exact = value(a) else { return true }
        guard case .number(_, let halfUnit) = b[b.count - 1] else { return true }
        // the number after `=` is `before` rounded to its decimals (ties either way)
        return abs(exact - shown) <= halfUnit * (1 + 1e-9) + 1e-12
    }

    static func isStructure(_ t: Token) -> Bool {
        switch t {
        case .open, .close, .function: return true
        default: return false
        }
    }

    struct Parser {
        let tokens: [Token]
        var at = 0

        mutating func sum() -> Double? {
            guard var v = product() else { return nil }
            while at < tokens.count, case .op(let c) = tokens[at], c == "+" || c == "-" {
                at += 1
                guard let r = product() else { return nil }
                v = c == "+" ? v + r : v - r
            }
            return v
        }

        mutating func product() -> Double? {
            guard var v = unary() else { return nil }
            while at < tokens.count, case .op(let c) = tokens[at], c == "×" || c == "·" || c == "/" {
                at += 1
                guard let r = unary() else { return nil }
                v = c == "/" ? v / r : v * r
            }
            return v
        }

        mutating func unary() -> Double? {
            if at < tokens.count, tokens[at] == .op("-") { at += 1; return unary().map { -$0 } }
            guard var v = atom() else { return nil }
            while at < tokens.count, tokens[at] == .squared { at += 1; v *= v }
            return v
        }

        mutating func atom() -> Double? {
            guard at < tokens.count else { return nil }
            switch tokens[at] {
            case .number(let v, _): at += 1; return v
            case .open:
                at += 1
                guard let v = sum(), at < tokens.count, tokens[at] == .close else { return nil }
                at += 1
                return v
            case .function(let name):
                at += 1
                guard at < tokens.count, tokens[at] == .open else { return nil }
                guard let x = atom() else { return nil }
                switch name {
                case "tanh": return Foundation.tanh(x)
                case "exp": return Foundation.exp(x)
                case "log": return Foundation.log(x)
                case "sigmoid": return 1 / (1 + Foundation.exp(-x))
                default: return max(0, x)
                }
            default: return nil
            }
        }
    }
}
