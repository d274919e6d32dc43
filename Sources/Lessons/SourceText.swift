import Yams

/// A lesson file's text split into lines, to turn Yams marks into locations and to quote
/// the line a problem is on.
struct SourceText {
    let path: String
    let lines: [String]

    init(path: String, text: String) {
        self.path = path
        // split at the newline bytes (never inside a UTF-8 sequence), each line without its \r
        self.lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
    }

    func line(_ n: Int) -> String? { lines.indices.contains(n - 1) ? lines[n - 1] : nil }

    /// A Yams mark (1-based line, column in Unicode scalars) as a line and character column.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(line: 1, column: 1) }
        return location(line: mark.line, scalarColumn: mark.column)
    }

    /// A 1-based line and column in Unicode scalars (as Yams counts) as a character column.
    func location(line n: Int, scalarColumn column: Int) -> SourceLocation {
        guard let text = line(n) else { return SourceLocation(line: n, column: column) }
        let scalars = text.unicodeScalars.prefix(max(0, column - 1))
        let characters = String(String.UnicodeScalarView(scalars)).count
        return SourceLocation(line: n, column: characters + 1 + max(0, column - 1 - scalars.count))
    }

    /// The location `offset` characters into a scalar node's text, when the node sits on one
    /// line and its text appears there as written (no escapes, no folding); else the node's own.
    func location(in node: Node, offset: Int) -> SourceLocation {
        let start = location(node.mark)
        guard let scalar = node.scalar, let text = line(start.line) else { return start }
        let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        let from = text.dropFirst(start.column - 1 + quote)
        if from.hasPrefix(scalar.string) { return SourceLocation(line: start.line, column: start.column + quote + offset) }
        // a quoted scalar with escapes (`"\nmaRie"`, `'it''s'`): walk the source, one decoded
        // character at a time, to the column of character `offset`
        guard quote == 1, let raw = Self.rawLength(of: offset, in: Array(from), doubleQuoted: scalar.style == .doubleQuoted)
        else { return start }
        return SourceLocation(line: start.line, column: start.column + quote + raw)
    }

    /// How many source characters of a quoted scalar (after its opening quote) come before its
    /// decoded character `offset`: `\n`, `\"` count 2, `\xHH` 4, `\uHHHH` 6, `\UHHHHHHHH` 10 in double
    /// quotes, `''` 2 in single quotes; nil when the scalar ends (or leaves the line) first.
    static func rawLength(of offset: Int, in source: [Character], doubleQuoted: Bool) -> Int? {
        var raw = 0
        for _ in 0..<offset {
            guard raw < source.count else { return nil }
            let c = source[raw]
            if doubleQuoted && c == "\\" {
                guard raw + 1 < source.count else { return nil }
                switch source[raw + 1] {
                case "x": raw += 4
                case "u": raw += 6
                case "U": raw += 10
                default: raw += 2
                }
            } else if doubleQuoted && c == "\"" || !doubleQuoted && c == "'" && (raw + 1 >= source.count || source[raw + 1] != "'") {
                return nil   // the closing quote: the scalar goes on on another line
            } else {
                raw += !doubleQuoted && c == "'" ? 2 : 1
            }
        }
        return raw < source.count ? raw : nil
    }

    func diagnostic(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: path, location: location, message: message, sourceLine: line(location.line))
    }
}
