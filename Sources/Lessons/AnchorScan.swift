import Yams

/// Lesson files may not use YAML anchors and aliases (`&name`, `*name`): a file that
/// multiplies one node by aliases ("billion laughs") must be refused, not expanded.
///
/// Two guards: a quick scan of the text for `&name` where a node may start (after `: `,
/// `- `, `? `, `[`, `{`, `,` or at the start of a line), outside quotes and comments, before
/// Yams composes anything; and a walk of the composed tree that stops at the first node
/// carrying an anchor, so shared nodes are never visited twice. Text that merely contains
/// `&` in such a place (rare in prose) can be put in quotes.
enum AnchorScan {
    static let message = "anchors and aliases (&name, *name) are not allowed in lesson files; write the values out (if this is text, put it in quotes)"

    /// The place of the first anchor in `text`, if any.
    static func firstAnchor(in text: String) -> SourceLocation? {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var line = 1, column = 0
        var quote: Character?
        var inComment = false
        var previous: Character = "\n"      // the character before this one
        var lastToken: Character = "\n"     // the last non-space character on this line (newline: none)
        var iterator = text.makeIterator()
        var pending = iterator.next()
        while let c = pending {
            pending = iterator.next()
            column += 1
            defer {
                if c == "\n" || c == "\r\n" { line += 1; column = 0; inComment = false; lastToken = "\n" }
                else if c != " " && c != "\t" { lastToken = c }
                previous = c
            }
            if inComment { continue }
            if let q = quote {
                if q == "\"" && c == "\\" { pending = iterator.next(); column += 1; continue }
                if c == q {
                    if q == "'" && pending == "'" { pending = iterator.next(); column += 1; continue }
                    quote = nil
                }
                continue
            }
            let atNodeStart = "\n-[{,?".contains(lastToken) || (lastToken == ":" && (previous == " " || previous == "\t"))
            let separated = previous == " " || previous == "\t" || previous == "\n" || "[{,".contains(previous)
            if c == "#" && (previous == " " || previous == "\t" || previous == "\n") { inComment = true; continue }
            guard atNodeStart && separated else { continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "&", let next = pending, !" \t\n,[]{}".contains(next) {
                return SourceLocation(line: line, column: column)
            }
        }
        return nil
    }

    /// The first node (depth first) that carries an anchor; anchored nodes are not entered.
    static func firstAnchoredNode(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .mapping(let m):
            for (k, v) in m { if let n = firstAnchoredNode(k) ?? firstAnchoredNode(v) { return n } }
        case .sequence(let s):
            for v in s { if let n = firstAnchoredNode(v) { return n } }
        case .alias:
            return node
        case .scalar:
            break
        }
        return nil
    }
}
