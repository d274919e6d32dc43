import RNNCore

/// Shared pieces of inspect explanations: chains of `=` lines and elided sums.
enum ExplainFormat {
    /// A sum with at most this many terms is written out whole; a longer one keeps its
    /// first two terms and its last term, with `…` between.
    static let maxTerms = 5

    /// `a + b + c`, or `a + b + … + z` when there are more than `maxTerms` terms.
    static func sum(_ terms: [String]) -> String {
        guard terms.count > maxTerms else { return terms.joined(separator: " + ") }
        return (terms.prefix(2) + ["…"] + [terms[terms.count - 1]]).joined(separator: " + ")
    }

    /// `lhs = r0`, then one line per further right-hand side, its `=` under the first one.
    static func chain(_ lhs: String, _ rhs: [String]) -> [String] {
        let pad = String(repeating: " ", count: lhs.count)
        return rhs.enumerated().map { i, r in (i == 0 ? lhs : pad) + " = " + r }
    }
}
