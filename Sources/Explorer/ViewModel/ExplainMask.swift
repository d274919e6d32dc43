import Lessons
import RNNCore

/// The inspect box writes `?` for every entry the panels draw `?` (withheld, the open
/// question's, a later question's: rule 4) and for every number computed from one, so an
/// explanation never prints a hidden answer as a factor or an argument.
extension ExplorerState {
    /// What a hidden entry reads as inside an explanation: a NaN with its own payload, so the
    /// arithmetic on it (`1 - Γu`, `dz·x`, `tanh(c)`) stays hidden and is written `?`.
    static let hiddenValue = Double(nan: 0x2bad, signaling: false)

    /// Whether `x` is (computed from) a hidden entry; a NaN of the trace itself is not.
    static func isHiddenValue(_ x: Double) -> Bool { x.isNaN && x.significandBitPattern & 0xffff == 0x2bad }

    /// Whether the panels draw the entry `ref` (as the panel refers to it) as `?` right now.
    public func isHiddenEntry(_ ref: EntryRef) -> Bool { isWithheld(ref.symbol, at: ref.t) || isMasked(ref) }

    /// `x`, the value of `s<t>[i,j]` as the panel draws it, or the hidden value where it is drawn `?`.
    func shownValue(_ x: Double, _ s: Symbol, _ t: Int, _ i: Int, _ j: Int? = nil) -> Double {
        let ref = EntryRef(symbol: s, t: Self.ref(s, t).t, row: i, col: j)
        if let e = explaining, e.symbol == s, e.t == ref.t, e.row == i, (e.col ?? 0) == (j ?? 0) { return x }
        return isHiddenEntry(ref) ? Self.hiddenValue : x
    }
}

/// The number style of explanations: a hidden value is written `?`.
struct ExplainNumbers {
    let style: NumberStyle
    /// `0.41`, or `?` for a hidden value.
    func format(_ x: Double) -> String { ExplorerState.isHiddenValue(x) ? "?" : style.format(x) }
    /// A factor: negative numbers in brackets, `(-0.31)`; `?` for a hidden value.
    func factor(_ x: Double) -> String { ExplorerState.isHiddenValue(x) ? "?" : style.factor(x) }
}
