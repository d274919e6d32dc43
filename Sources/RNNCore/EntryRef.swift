/// A reference to a quantity or one of its entries, written in screen notation:
/// `a<3>[0]`, `ŷ<2>[1]`, `L<2>`, `L`, `Wa[1,4]`, `a<0>[2]`, `dWaa<3>[0,2]` (running sum after
/// backward step 3), `dWaa[0,2]` (the total), `ΔdWaa<3>[0,2]` or `dWaa_step<3>[0,2]` (step 3's
/// contribution), `da<0>`, `stacked<2>[4]`. Steps are 1-based as in the notes; indices are
/// 0-based as in numpy. Without an index it names the whole quantity (a panel).
public struct EntryRef: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var symbol: Symbol
    public var t: Int?
    public var row: Int?
    public var col: Int?

    public init(symbol: Symbol, t: Int? = nil, row: Int? = nil, col: Int? = nil) {
        self.symbol = symbol; self.t = t; self.row = row; self.col = col
    }

    public var isEntry: Bool { row != nil }

    /// The reference in screen notation, e.g. `a<2>[1]`, `Wa[1,3]`, `dWaa<3>[0,2]`.
    public var description: String {
        var s = symbol.isPerStep || symbol.isRunningSum ? symbol.label(t: t) : symbol.label
        if let row {
            s += col.map { "[\(row),\($0)]" } ?? "[\(row)]"
        }
        return s
    }

    /// Parses a reference; the error says what is wrong in a sentence.
    public static func parse(_ text: String) -> Result<EntryRef, EntryRefError> {
        var rest = Substring(text.trimmingSpaces)
        var name = ""
        while let c = rest.first, c != "<", c != "[" { name.append(c); rest.removeFirst() }
        name = name.trimmingSpaces
        var t: Int?
        if rest.first == "<" {
            rest.removeFirst()
            guard let close = rest.firstIndex(of: ">"), let v = Int(rest[..<close].trimmingSpaces) else {
                return .failure(.init("expected a step number like <2> after '\(name)' in '\(text)'"))
            }
            t = v
            rest = rest[rest.index(after: close)...]
        }
        var row: Int?, col: Int?
        if rest.first == "[" {
            rest.removeFirst()
            guard let close = rest.firstIndex(of: "]") else { return .failure(.init("missing ']' in '\(text)'")) }
            let parts = rest[..<close].split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingSpaces) }
            guard (1...2).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else {
                return .failure(.init("an index is [i] or [i,j] with whole numbers from 0 in '\(text)'"))
            }
            row = parts[0]; col = parts.count == 2 ? parts[1] : nil
            rest = rest[rest.index(after: close)...]
        }
        guard rest.trimmingSpaces.isEmpty else { return .failure(.init("unexpected '\(rest)' in '\(text)'")) }
        guard let symbol = resolveName(name, t: t) else {
            var e = EntryRefError("unknown quantity '\(name)' in '\(text)' (known: \(knownNames))")
            e.unknownName = name
            return .failure(e)
        }
        if symbol == .a0 || symbol == .da0 || symbol == .c0 || symbol == .dc0 { t = nil }
        if symbol.isPerStep && t == nil {
            return .failure(.init("'\(name)' has a value at every step: write it with a step, like \(name)<1>"))
        }
        if !symbol.isPerStep && !symbol.isRunningSum && t != nil {
            return .failure(.init("'\(name)' is shared by every step: write it without <\(t!)>"))
        }
        return .success(EntryRef(symbol: symbol, t: t, row: row, col: col))
    }

    static func resolveName(_ name: String, t: Int?) -> Symbol? {
        if name == "a" && t == 0 { return .a0 }
        if name == "da" && t == 0 { return .da0 }
        if name == "c" && t == 0 { return .c0 }
        if name == "dc" && t == 0 { return .dc0 }
        if name == "L" && t == nil { return .totalLoss }
        return Symbol.allCases.first { $0.referenceNames.contains(name) }
    }

    /// The names lessons/README.md documents for references, in its order.
    public static let documentedNames = ["x", "a", "z", "zy", "ŷ", "yhat", "y", "L", "stacked", "Wa", "Waa", "Wax", "Wya",
                                         "ba", "by", "dy", "da", "dz", "da_next", "da_prev", "da_out", "dWa", "dWaa",
                                         "dWax", "dba", "dWya", "dby", "ΔdWa", "ΔdWaa", "ΔdWax", "Δdba", "ΔdWya", "Δdby"]

    static var knownNames: String {
        "x, a, z, zy, ŷ, y, L, dy, da, dz, da_next, da_prev, da_out, stacked, Wa, Waa, Wax, Wya, ba, by, a<0>, dWa, dWaa, dWax, dba, dWya, dby, da<0>, ΔdWa…; gated cells: Γf, Γu, Γr, Γo, c̃, c, c<0>, dΓu…, dzu…, dc, dc_next, dc_prev, dc<0>, Wf, Wu, Wr, Wo, Wc, bf…bc, dWf…dbc, ΔdWu…"
    }
}

public struct EntryRefError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    /// For an unknown quantity: the name as written (for a "did you mean" among `documentedNames`).
    public var unknownName: String?
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    /// Errors are equal when they say the same.
    public static func == (a: EntryRefError, b: EntryRefError) -> Bool { a.message == b.message }
}

extension Trace {
    /// The value a reference names: the whole quantity as a matrix, or a single entry.
    public func resolve(_ ref: EntryRef) -> Result<Matrix, EntryRefError> {
        if let t = ref.t, (t < 1 || t > T) {
            return .failure(.init("step \(t) is outside this lesson's steps 1…\(T) in '\(ref)'"))
        }
        if let why = gated?.foreignSymbolReason(ref.symbol) { return .failure(.init("'\(ref)' has no value: \(why)")) }
        if gated == nil && ref.symbol.isGated {
            return .failure(.init("'\(ref)' has no value: the plain rnn cell has no gates or c<t> (set model.cell: gru or lstm)"))
        }
        guard let m = tensor(ref.symbol, t: ref.t) else {
            let why: String
            if ref.symbol.isBackward && !hasBackward { why = "there is no backward pass (the sequence has no targets)" }
            else if let t = ref.t, !hasOutput(t) { why = "step \(t) has no output" }
            else if let t = ref.t { why = "step \(t) has no target" }
            else { why = "the sequence has no targets" }
            return .failure(.init("'\(ref)' has no value: \(why)"))
        }
        guard let row = ref.row else { return .success(m) }
        let col = ref.col ?? 0
        if ref.col != nil && m.cols == 1 {
            return .failure(.init("'\(ref)' is a vector of \(m.rows): index it as [i]"))
        }
        if ref.col == nil && m.cols > 1 {
            return .failure(.init("'\(ref)' is a \(m.rows)×\(m.cols) matrix: index it as [i,j]"))
        }
        guard row < m.rows, col < m.cols else {
            let shape = m.cols == 1 ? "\(m.rows) entries, indices 0…\(m.rows - 1)" : "\(m.rows)×\(m.cols)"
            return .failure(.init("'\(ref)' is out of range (\(shape))"))
        }
        return .success(Matrix(column: [m[row, col]]))
    }

    /// The single number a reference names (an entry, or a quantity with one value such as L<2>).
    public func number(_ ref: EntryRef) -> Result<Double, EntryRefError> {
        resolve(ref).flatMap { m in
            m.values.count == 1 ? .success(m.values[0])
                : .failure(.init("'\(ref)' is a \(m.rows)×\(m.cols) quantity, not one number: add an index like [0]"))
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
