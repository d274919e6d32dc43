/// A pattern over a whole text, as `count('…')` in a check uses it: `*` stands for any run of
/// characters (also none), `?` for exactly one, every other character for itself.
/// `mar*` matches "mar", "maria" and "marcus"; `*a` every text that ends in a; `*` every text.
struct TextPattern {
    let pattern: [Character]
    /// The pattern's bytes when it is ASCII: an ASCII text is then matched byte by byte.
    private let ascii: [UInt8]?

    init(_ pattern: String) {
        self.pattern = Array(pattern)
        ascii = pattern.utf8.allSatisfy { $0 < 0x80 } ? Array(pattern.utf8) : nil
    }

    /// Whether the whole of `text` matches (greedy with backtracking to the last `*`; linear
    /// in practice, at most pattern × text steps).
    func matches(_ text: String) -> Bool {
        // (ASCII without \r: there each byte is one character; "\r\n" is one character of two bytes)
        if let ascii, text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return Self.matches(ascii, Array(text.utf8), any: UInt8(ascii: "?"), star: UInt8(ascii: "*"))
        }
        return Self.matches(pattern, Array(text), any: "?", star: "*")
    }

    /// The match of `pattern` over the whole of `t`, element by element.
    private static func matches<E: Equatable>(_ pattern: [E], _ t: [E], any: E, star wildcard: E) -> Bool {
        var p = 0, i = 0
        var star: Int?, resume = 0
        while i < t.count {
            if p < pattern.count, pattern[p] == any || (pattern[p] != wildcard && pattern[p] == t[i]) {
                p += 1; i += 1
            } else if p < pattern.count, pattern[p] == wildcard {
                star = p; resume = i; p += 1
            } else if let s = star {
                p = s + 1; resume += 1; i = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == wildcard { p += 1 }
        return p == pattern.count
    }
}
