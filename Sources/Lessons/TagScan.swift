import Yams

/// Lesson files may not carry explicit YAML tags (`!!int 3`, `!!binary …`, `!local x`): a tag
/// would change what a value is read as, or be silently ignored. A node's mark is where its
/// properties start, so a node whose text starts with `!` carries a tag. The walk uses its
/// own stack (no recursion), and only lines that contain `!` are looked at.
enum TagScan {
    static func message(_ tag: String) -> String {
        "explicit YAML tag '\(Sanitizer.screenLine(tag))' is not allowed in lesson files; delete it (if this is text, put it in quotes)"
    }

    /// Every explicitly tagged node, as a diagnostic at its tag.
    static func tags(in root: Node, source: SourceText, text: String) -> [Diagnostic] {
        guard text.utf8.contains(UInt8(ascii: "!")) else { return [] }
        var found = DiagnosticList()
        var scalars: [Int: [Unicode.Scalar]] = [:]   // the lines looked at, as scalars (marks count scalars)
        func tagAt(_ mark: Mark?) -> String? {
            guard let mark, let line = source.line(mark.line), line.utf8.contains(UInt8(ascii: "!")) else { return nil }
            let chars = scalars[mark.line] ?? Array(line.unicodeScalars)
            scalars[mark.line] = chars
            let i = mark.column - 1
            guard chars.indices.contains(i), chars[i] == "!" else { return nil }
            var end = i
            while end < chars.count, !" \t,[]{}".unicodeScalars.contains(chars[end]) { end += 1 }
            var tag = String.UnicodeScalarView()
            tag.append(contentsOf: chars[i..<min(end, i + 40)])
            return String(tag)
        }
        var stack = [root]
        while let node = stack.popLast() {
            if let tag = tagAt(node.mark) {
                let message = message(tag)
                found.add(message) { source.diagnostic(message, at: source.location(node.mark)) }
            }
            switch node {
            case .mapping(let m): for (k, v) in m.reversed() { stack.append(v); stack.append(k) }
            case .sequence(let s): stack.append(contentsOf: s.reversed())
            case .scalar, .alias: break
            }
        }
        return found.items + [found.unshownSummary(path: source.path)].compactMap { $0 }
    }
}
