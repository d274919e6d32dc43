import RNNCore

/// "Did you mean …?" for a misspelt key or name.
enum Suggestions {
    /// The known word closest to `word`: equal when case, `_` and `-` are ignored, or within
    /// an edit distance of 2 (1 for words of up to 3 characters); nil when none is that close.
    static func closest(to word: String, in known: [String]) -> String? {
        let folded = fold(word)
        if let same = known.first(where: { fold($0) == folded }) { return same }
        let limit = word.count <= 3 ? 1 : 2
        let scored = known.map { ($0, distance(Array(folded), Array(fold($0)))) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func fold(_ s: String) -> String { String(s.lowercased().filter { $0 != "_" && $0 != "-" }) }

    /// Levenshtein distance (insertions, deletions, substitutions each cost 1).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// An EntryRef error's message, with "did you mean" among the documented names for an
    /// unknown quantity (`da_prv` → `da_prev`) and the full list.
    static func quantityMessage(_ e: EntryRefError) -> String {
        guard let name = e.unknownName else { return e.message }
        if let ours = aliasHint(name) { return ours }
        let known = EntryRef.documentedNames
        // the gated cells' names are guessed too (gama_u → gamma_u), listed in lessons/README
        let guess = closest(to: name, in: known + EntryRef.gatedDocumentedNames).map { "did you mean \($0)? " } ?? ""
        return "unknown quantity '\(Sanitizer.screenLine(name))'; \(guess)(known: \(known.joined(separator: ", ")), and a<0>, da<0>)"
    }

    /// For the course notebook's name of a gated weight (`Wi`, `bi`, `Wy`), which `weights:`
    /// accepts but references do not: the name to write instead.
    static func aliasHint(_ name: String) -> String? {
        guard let ours = NodeReader.gatedAliases[name] else { return nil }
        return "'\(name)' is the course notebook's name for \(ours), the same weight; references use \(ours) (write \(ours) in place of \(name))"
    }
}
