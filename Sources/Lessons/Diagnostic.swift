import TextBasics
/// One problem in a lesson file, reported like a compiler:
///
///     lessons/03.yaml:14:7: error: Waa must be n_a × n_a (5 × 5), got 5 × 4
///       Waa: [[0.1, 0.2, 0.3, 0.4], …]
///            ^
///
/// Problems with the file itself (missing, a directory, too large) have no location and
/// render as `path: error: message`.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based line and column (in characters); nil for problems with the whole file.
    public var location: SourceLocation?
    public var message: String
    /// The line the location points into, as written in the file (a long line: the part
    /// around the place, cut with …).
    public var sourceLine: String?
    /// The caret's column in `sourceLine` when the line was cut; else `location.column`.
    public var caretColumn: Int?
    /// How many more problems of the same kind were found and not shown.
    public var moreLikeIt = 0
    /// A lint warning (`warning:`), not an error: the lesson loads; `check --strict` fails on it.
    public var isWarning = false
    /// A note (`note:`): information, such as that a name is another's alias; never fails `check`.
    public var isNote = false

    public init(path: String, location: SourceLocation?, message: String, sourceLine: String? = nil) {
        self.path = path; self.location = location; self.message = message
        guard let sourceLine, let location else { self.sourceLine = sourceLine; return }
        let (window, caret) = Self.window(sourceLine, column: location.column)
        self.sourceLine = window
        if caret != location.column { caretColumn = caret }
    }

    /// The longest source line quoted whole, in characters; a longer one is cut around the place.
    static let maxQuoted = 120

    /// `line` as quoted under a message: whole when short, else `maxQuoted` characters around
    /// `column` with … where it was cut; and the caret's column in what is quoted.
    static func window(_ line: String, column: Int) -> (String, Int) {
        guard line.utf8.count > maxQuoted else { return (line, column) }
        let chars = Array(line)
        guard chars.count > maxQuoted else { return (line, column) }
        let start = max(0, min(column - 1 - maxQuoted / 2, chars.count - maxQuoted))
        let end = min(chars.count, start + maxQuoted)
        let head = start > 0 ? "…" : "", tail = end < chars.count ? "…" : ""
        return (head + String(chars[start..<end]) + tail, column - start + (start > 0 ? 1 : 0))
    }

    /// `path:line:col: error: message`, then the source line and a caret under the place.
    public var rendered: String {
        let msg = Sanitizer.visible(message.replacingNewlines)
        let kind = isWarning ? "warning" : isNote ? "note" : "error"
        guard let location else { return "\(Sanitizer.visible(path)): \(kind): \(msg)" }
        var s = "\(Sanitizer.visible(path)):\(location.line):\(location.column): \(kind): \(msg)"
        if let sourceLine {
            let shown = Sanitizer.visible(sourceLine)
            s += "\n" + shown + "\n" + Self.caretIndent(shown, column: caretColumn ?? location.column) + "^"
        }
        if moreLikeIt > 0 { s += "\n… and \(moreLikeIt) more like it" }
        return s
    }

    public var description: String { rendered }

    /// Spaces (tabs kept as tabs) as wide as the characters before `column` (1-based).
    static func caretIndent(_ line: String, column: Int) -> String {
        var indent = ""
        for c in line.prefix(max(0, column - 1)) {
            indent += c == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(c))
        }
        return indent
    }
}

/// Every problem found in one lesson file, in file order.
public struct LessonErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Every diagnostic rendered, one after another, separated by newlines.
    public var rendered: String { diagnostics.map(\.rendered).joined(separator: "\n") }
    public var description: String { rendered }
}

extension String {
    var replacingNewlines: String { String(map { $0 == "\n" || $0 == "\r\n" ? " " : $0 }) }
}
