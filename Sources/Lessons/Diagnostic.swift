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
    /// The line the location points into, as written in the file.
    public var sourceLine: String?
    /// A lint warning (`warning:`), not an error: the lesson loads; `check --strict` fails on it.
    public var isWarning = false

    public init(path: String, location: SourceLocation?, message: String, sourceLine: String? = nil) {
        self.path = path; self.location = location; self.message = message; self.sourceLine = sourceLine
    }

    /// `path:line:col: error: message`, then the source line and a caret under the place.
    public var rendered: String {
        let msg = Sanitizer.visible(message.replacingNewlines)
        let kind = isWarning ? "warning" : "error"
        guard let location else { return "\(Sanitizer.visible(path)): \(kind): \(msg)" }
        var s = "\(Sanitizer.visible(path)):\(location.line):\(location.column): \(kind): \(msg)"
        if let sourceLine {
            let shown = Sanitizer.visible(sourceLine)
            s += "\n" + shown + "\n" + Self.caretIndent(shown, column: location.column) + "^"
        }
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
