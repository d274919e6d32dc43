import Foundation
import Yams

/// Turns a lesson file's bytes into a Yams node tree, or into diagnostics: file problems
/// (missing, a directory, binary, too large), YAML syntax errors, and anchors/aliases
/// (refused so that a "billion laughs" file is never expanded).
enum YamlDocument {
    /// A lesson file may be at most 1 MiB.
    static let maxBytes = 1 << 20

    /// The text of the file at `path`, or the reason it is not a lesson file.
    /// With `regularOnly`, anything but a regular file (a FIFO, a device such as /dev/tty or
    /// /dev/stdin, a socket) is refused before it is opened, so reading can never wait for input.
    static func read(path: String, regularOnly: Bool = false) -> Result<String, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Diagnostic(path: path, location: nil, message: "no such file"))
        }
        if regularOnly, !isDirectory.boolValue {
            var info = stat()
            if stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
                return .failure(Diagnostic(path: path, location: nil,
                                           message: "is not a regular file (a pipe, a device or a socket)"))
            }
        }
        if isDirectory.boolValue {
            return .failure(Diagnostic(path: path, location: nil,
                                       message: "is a directory; give a lesson file (.yaml) or run `unroll check \(path.hasSuffix("/") ? String(path.dropLast()) : path)/*.yaml`"))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            return .failure(tooLarge(path: path, bytes: size))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Diagnostic(path: path, location: nil, message: "cannot be read (permission denied?)"))
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maxBytes + 1) ?? Data() } catch {
            return .failure(Diagnostic(path: path, location: nil, message: "cannot be read: \(error.localizedDescription)"))
        }
        if data.count > maxBytes { return .failure(tooLarge(path: path, bytes: data.count)) }
        return decode(data, path: path)
    }

    /// A control character typed into the file itself (ESC, BEL …; tab, newline and carriage
    /// return are fine): YAML refuses them, so say which one, where, and what to do.
    static func rawControl(_ text: String, path: String) -> Diagnostic? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0D) || (0x7F...0x9F).contains(v) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let lineText = line - 1 < lines.count ? lines[line - 1] : ""
                let name = v == 0x1B ? " (ESC)" : v == 0x07 ? " (BEL)" : v == 0x08 ? " (backspace)" : ""
                let hex = String(v, radix: 16, uppercase: true)
                return Diagnostic(path: path, location: SourceLocation(line: line, column: column),
                                  message: "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)\(name) in the file; delete it (lesson text cannot carry terminal escapes)",
                                  sourceLine: String(lineText).filter { !($0.unicodeScalars.first.map { $0.value < 0x20 && $0 != "\t" } ?? false) })
            }
            column += 1
        }
        return nil
    }

    static func tooLarge(path: String, bytes: Int) -> Diagnostic {
        Diagnostic(path: path, location: nil,
                   message: "file is larger than 1 MiB (\(bytes > maxBytes ? "over " : "")\(maxBytes) bytes); a lesson file may be at most 1 MiB")
    }

    /// UTF-8 text without NUL bytes, or a diagnostic at the first byte that is not text.
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }   // a byte-order mark (Windows editors)
        guard let at = firstNonText(bytes) else {
            let text = String(decoding: bytes, as: UTF8.self)
            if let problem = rawControl(text, path: path) { return .failure(problem) }
            return .success(text)
        }
        let prefix = String(decoding: bytes[0..<at], as: UTF8.self)
        let lineStart = prefix.lastIndex(of: "\n").map { prefix.index(after: $0) } ?? prefix.startIndex
        let line = prefix.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
        let shown = String(prefix[lineStart...])
        let byte = String(format: "0x%02X", bytes[at])
        return .failure(Diagnostic(path: path, location: SourceLocation(line: line, column: shown.count + 1),
                                   message: "not a text file: byte \(byte) is not UTF-8 text; a lesson file is YAML text",
                                   sourceLine: shown))
    }

    /// The offset of the first NUL byte or invalid UTF-8 sequence, or nil for clean text.
    static func firstNonText(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0 { return offset }
                offset += encoded.count
            case .error:
                return offset
            case .emptyInput:
                return nil
            }
        }
    }

    /// The root node of `text`, or every reason it is not a YAML document we accept.
    static func compose(_ text: String, source: SourceText) -> Result<Node, LessonErrors> {
        if text.utf8.count > maxBytes { return .failure(LessonErrors([tooLarge(path: source.path, bytes: text.utf8.count)])) }
        if let at = AnchorScan.firstAnchor(in: text) {
            return .failure(LessonErrors([source.diagnostic(AnchorScan.message, at: at)]))
        }
        do {
            // no tag resolution (the loader reads every scalar as text itself): the default
            // resolver compiles eight regular expressions at start-up and runs them on every key
            let parser = try Parser(yaml: text, resolver: .basic)
            let root = try parser.singleRoot()
            return withExtendedLifetime(parser) {
                guard let root else {
                    return .failure(LessonErrors([source.diagnostic("the file is empty; a lesson needs title, model, architecture, sequence and script",
                                                                    at: SourceLocation(line: 1, column: 1))]))
                }
                // (an anchor needs a '&' in the text and an alias a '*': without either, no walk)
                if text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }),
                   let anchored = AnchorScan.firstAnchoredNode(root) {
                    return .failure(LessonErrors([source.diagnostic(AnchorScan.message, at: source.location(anchored.mark))]))
                }
                let tags = TagScan.tags(in: root, source: source, text: text)
                if !tags.isEmpty { return .failure(LessonErrors(tags)) }
                return .success(root)
            }
        } catch let error as YamlError {
            return .failure(LessonErrors([diagnostic(error, source: source, text: text)]))
        } catch {
            return .failure(LessonErrors([source.diagnostic("YAML: \(error)", at: SourceLocation(line: 1, column: 1))]))
        }
    }

    static func diagnostic(_ error: YamlError, source: SourceText, text: String) -> Diagnostic {
        func syntax(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> Diagnostic {
            let line = source.line(mark.line).map { Array($0.unicodeScalars) } ?? []
            if line.indices.contains(mark.column - 1), line[mark.column - 1] == "\t" || problem.contains("tab") {
                return source.diagnostic("a tab character: YAML indents with spaces only; replace the tab with spaces",
                                         at: source.location(mark))
            }
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return source.diagnostic(message, at: source.location(mark))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return syntax(context, problem, mark)
        case let .reader(problem, offset, _, _):
            let prefix = text.prefix(offset ?? 0)
            let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
            return source.diagnostic("YAML: \(problem)", at: SourceLocation(line: line, column: column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let second = duplicates.first.flatMap { DuplicateKey.secondOccurrence(of: $0, after: context.mark, in: source) }
            return source.diagnostic("duplicate key \(keys): each key may appear once in a mapping; this is its second time",
                                     at: second ?? source.location(context.mark))
        default:
            return source.diagnostic("YAML: \(error)", at: SourceLocation(line: 1, column: 1))
        }
    }
}
