/// A pattern over a whole text, as `count('…')` in a check uses it: `*` stands for any run of
/// characters (also none), `?` for exactly one, every other character for itself.
/// `mar*` matches "mar", "maria" and "marcus"; `*a` every text that ends in a; `*` every text.
struct TextPattern {
    let pattern: [Character]

    init(_ pattern: String) { self.pattern = Array(pattern) }

    /// Whether the whole of `text` matches (greedy with backtracking to the last `*`; linear
    /// in practice, at most pattern × text steps).
    func matches(_ text: String) -> Bool {
        let t = Array(text)
        var p = 0, i = 0
        var star: Int?, resume = 0
        while i < t.count {
            if p < pattern.count, pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == t[i]) {
                p += 1; i += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; resume = i; p += 1
            } else if let s = star {
                p = s + 1; resume += 1; i = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
