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

    /// `w0·x0 + w1·x1 + … + b` with the numbers, leaving out the products with an exact 0
    /// factor (a one-hot input, a zero a<0>) so the terms that make the value stay in view.
    /// Weights or a bias the lesson has not revealed yet are written `?`, as on screen.
    static func products(_ pairs: [(Double, Double)], bias: Double, _ n: ExplainNumbers,
                         hideWeights: Bool = false, hideBias: Bool = false) -> String {
        let kept = pairs.filter { $0.0 != 0 && $0.1 != 0 }
        return sum(kept.map { "\(hideWeights ? "?" : n.factor($0.0))·\(n.factor($0.1))" } + [hideBias ? "?" : n.factor(bias)])
    }

    /// The note under an explanation whose sum left out `omitted` zero products (none if 0).
    static func zeroNote(_ pairs: [(Double, Double)], _ words: Words) -> [String] {
        let omitted = pairs.filter { $0.0 == 0 || $0.1 == 0 }.count
        return omitted > 0 ? [words.zeroTermsLeftOut(omitted)] : []
    }

    /// `lhs = r0`, then one line per further right-hand side, its `=` under the first one; a
    /// side written the same as the one before it (a sum of one term, `σ(6.000) = σ(6.000)`)
    /// is said once. A side that the shown numbers of the side before it do not give (they are
    /// rounded: `3.00·0.95 + (-1.00)` is 1.85, the value 1.8599 shows as 1.86) follows `≈`.
    static func chain(_ lhs: String, _ rhs: [String]) -> [String] {
        let pad = String(repeating: " ", count: lhs.count)
        let sides = rhs.enumerated().filter { i, r in i == 0 || r != rhs[i - 1] }.map(\.element)
        return sides.enumerated().map { i, r in (i == 0 ? lhs : pad) + relation(i == 0 ? lhs : sides[i - 1], r) + r }
    }

    /// `a = b = c` on one line, with `≈` where the shown numbers do not give the next side.
    static func joined(_ sides: [String]) -> String {
        sides.enumerated().map { i, r in i == 0 ? r : relation(sides[i - 1], r) + r }.joined()
    }

    /// ` = `, or ` ≈ ` when `before`'s shown numbers do not round to `after`.
    static func relation(_ before: String, _ after: String) -> String {
        ShownArithmetic.holds(before, after) ? " = " : " ≈ "
    }
}
