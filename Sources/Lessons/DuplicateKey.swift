import Yams

/// Where a duplicated key appears the second time. Yams reports the first occurrence's mark;
/// the second is searched for after it: later in the same line (a flow mapping such as
/// `{t: 1, t: 2}`), then on later lines at the same column, until the mapping's indentation ends.
enum DuplicateKey {
    static func secondOccurrence(of key: String, after first: Mark, in source: SourceText) -> SourceLocation? {
        let keyScalars = Array(key.unicodeScalars)
        guard !keyScalars.isEmpty, let firstLine = source.line(first.line) else { return nil }
        let column = first.column - 1   // 0-based, in scalars
        /// The key (plain or quoted) at `i` in `chars`, followed by spaces and a colon.
        func keyAt(_ chars: [Unicode.Scalar], _ i: Int) -> Bool {
            var j = i
            let quote: Unicode.Scalar? = j < chars.count && (chars[j] == "\"" || chars[j] == "'") ? chars[j] : nil
            if quote != nil { j += 1 }
            guard j + keyScalars.count <= chars.count, Array(chars[j..<(j + keyScalars.count)]) == keyScalars else { return false }
            j += keyScalars.count
            if let quote { guard j < chars.count, chars[j] == quote else { return false }; j += 1 }
            while j < chars.count, chars[j] == " " { j += 1 }
            return j < chars.count && chars[j] == ":"
        }
        func location(_ line: Int, _ scalarColumn: Int) -> SourceLocation {
            source.location(line: line, scalarColumn: scalarColumn + 1)
        }
        // the same line, after the first occurrence: a flow mapping
        let chars = Array(firstLine.unicodeScalars)
        var i = column + keyScalars.count
        while i < chars.count {
            if keyAt(chars, i), i > 0, [" ", "{", ","].contains(chars[i - 1]) { return location(first.line, i) }
            i += 1
        }
        // later lines, at the same column, while the mapping goes on
        var n = first.line + 1
        while let line = source.line(n) {
            let chars = Array(line.unicodeScalars)
            let indent = chars.prefix { $0 == " " }.count
            let blank = indent == chars.count || chars[indent] == "#"
            if !blank {
                if indent < column && !(chars[indent] == "-" && column > indent) { return nil }
                if indent == column && keyAt(chars, column) { return location(n, column) }
            }
            n += 1
        }
        return nil
    }
}
