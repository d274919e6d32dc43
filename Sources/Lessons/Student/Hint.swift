import Foundation

/// The hint shown when a wrong number matches no slip: one term of the sum the entry is computed
/// from, shown only as far as it does not give the answer away (its value, else its factors'
/// values, else its names alone).
public struct Hint: Equatable, Sendable {
    /// How much of the term is shown.
    public enum Shows: Equatable, Sendable {
        /// `Waa[2,1]·a<1>[1] = 1.50 × 0.83 = 1.25`
        case product
        /// `Waa[2,1]·a<1>[1], with Waa[2,1] = 1.50 and a<1>[1] = 0.83` (the product would be the answer)
        case factors
        /// `-y<18>[6]·log ŷ<18>[6]` (every number of the term would be the answer)
        case names
    }

    public var term: SumTerm
    public var shows: Shows
    /// The term is the whole sum (`L<18> = -y<18>[6]·log ŷ<18>[6]`, not "one term of").
    public var single: Bool
    /// The sum's name when it is not the asked entry itself: `z<2>[0]` for a<2>[0] = tanh(z<2>[0]).
    public var sum: String?
    /// How the entry follows from that sum: `a<2>[0] = tanh(z<2>[0])`.
    public var formula: String?

    /// With `.factors`: which factors are given (nil: all). A factor that would be the answer
    /// (GRU c<29>[0] in c<30>[0] = … + (1 − Γu)·c<29>[0]) is named without its number.
    public var given: [Bool]?

    public init(term: SumTerm, shows: Shows, single: Bool, sum: String? = nil, formula: String? = nil, given: [Bool]? = nil) {
        self.term = term; self.shows = shows; self.single = single; self.sum = sum; self.formula = formula; self.given = given
    }

    /// The numbers the hint puts on the screen.
    public var numbers: [Double] {
        switch shows {
        case .product: return term.factors.count > 1 ? term.factors + [term.value] : [term.value]
        case .factors: return zip(term.factors, given ?? term.factors.map { _ in true }).filter(\.1).map(\.0)
        case .names: return []
        }
    }
}

extension Hint {
    /// The first hint that does not give `right` away: a term's product, else its factors, else
    /// its names. A number gives the answer away when it is the answer up to sign and
    /// `tolerance`, or when the entry's outer step (tanh, the slope …) turns it into the answer.
    static func choose(_ dec: Decomposition, right: Double, tolerance: Double) -> Hint? {
        let tol = max(tolerance, 1e-12) * (1 + 1e-9)
        func reveals(_ v: Double) -> Bool {
            if abs(abs(v) - abs(right)) <= tol { return true }
            guard dec.outer != .none else { return false }
            let o = dec.outer.apply(v)
            return abs(abs(o) - abs(right)) <= tol
        }
        let single = dec.terms.count == 1
        // terms that show on screen first (not 0.002 × 0.000 = 0.000), then tiny ones, then zeros
        let visible = dec.terms.filter { abs($0.value) > tol }
        let ordered = visible + dec.terms.filter { $0.value != 0 && abs($0.value) <= tol } + dec.terms.filter { $0.value == 0 }
        // the formula leads only when the hint's sum is not the entry itself (a = tanh(z): a term of z)
        func hint(_ t: SumTerm, _ s: Shows) -> Hint {
            Hint(term: t, shows: s, single: single, sum: dec.sum, formula: dec.sum == nil ? nil : dec.formula)
        }
        let rest = Array(ordered.dropFirst(visible.count))
        // a term on screen: its product, else its factors, else the factors that do not give the
        // answer away; only then a term too small to show (0.002 × 0.000 = 0.000 teaches nothing)
        for t in visible {
            let h = hint(t, .product)
            if !h.numbers.contains(where: reveals) { return h }
        }
        for t in visible where t.factors.count > 1 {
            let h = hint(t, .factors)
            if !h.numbers.contains(where: reveals) { return h }
        }
        for t in visible where t.factors.count > 1 {
            var h = hint(t, .factors)
            h.given = t.factors.map { !reveals($0) }
            if h.given?.contains(true) == true { return h }
        }
        for t in rest {
            let h = hint(t, .product)
            if !h.numbers.contains(where: reveals) { return h }
        }
        for t in rest where t.factors.count > 1 {
            let h = hint(t, .factors)
            if !h.numbers.contains(where: reveals) { return h }
        }
        return ordered.first.map { hint($0, .names) }
    }
}
