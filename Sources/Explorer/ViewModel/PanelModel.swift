import Lessons
import RNNCore

/// A row and column inside a quantity's matrix (0-based; a vector has one column).
public struct MatrixIndex: Equatable, Hashable, Sendable {
    public var row: Int
    public var col: Int
    public init(row: Int, col: Int) { self.row = row; self.col = col }
}

/// One quantity in an equation, with everything needed to draw it as a heatmap.
public struct Term: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The quantity itself; inspectable.
        case quantity
        /// Drawn transposed (`[a<t-1>; x<t>]ᵀ`, `Waaᵀ`); inspect the quantity itself instead.
        case transposed
        /// Computed for the picture only, like `tanh'(z<t>)`; not inspectable.
        case derived
    }
    public var kind: Kind
    public var symbol: Symbol
    /// The quantity at this step (t is nil for shared parameters), without an index.
    public var ref: EntryRef
    /// The screen label at this step: `a<2>`, `[a<1>; x<2>]`, `Wyaᵀ`, `L<1>+…+L<3>`.
    public var label: String
    /// A second line under the label: `[Waa | Wax]`, `sum of steps 4…3`.
    public var caption: String?
    /// The numbers as drawn (already transposed for `.transposed` terms).
    public var values: Matrix
    /// Draw a vertical divider after this many columns (`Wa`, `dWa`: after n_a).
    public var colDivider: Int?
    /// Draw a horizontal divider after this many rows (`[a<t-1>; x<t>]`: after n_a).
    public var rowDivider: Int?
    /// False when disclosure hides the numbers (draw the shape, not the values).
    public var revealed: Bool
    /// The open question asks about this quantity: draw one `?` and no size, so neither
    /// its numbers nor its shape give the answer away.
    public var sizeHidden = false
    /// The slide's focus is this quantity; `focusEntry` the entry, if it names one.
    public var focused: Bool
    public var focusEntry: MatrixIndex?
    /// Where the inspect cursor is, when this quantity is being inspected.
    public var cursor: MatrixIndex?
    /// The entries the student has edited (nudge), drawn with `✎`.
    public var edited: [MatrixIndex] = []
    /// Entries drawn as `?` (as drawn: transposed for a `.transposed` term): the open question's
    /// entry where the next step draws its vector again. Their values are zero here.
    public var masked: [MatrixIndex] = []
    /// The colour range: values run from −scale to +scale (fixed or per step, see the legend).
    public var scale: Double
    /// A label for each row of a vector over the lesson's vocabulary (`a`, `b`, … `⏎`), or nil.
    public var rowLabels: [String]? = nil

    public var shape: String { "\(values.rows)×\(values.cols)" }
    public var isInspectable: Bool { kind == .quantity && revealed }
}

/// What stands between two terms.
public enum Operator: Equatable, Sendable {
    case times, plus, minus, equals, hadamard, transpose
    /// `→ tanh →`, `→ sigmoid →`, `→ cross-entropy →`
    case apply(String)
    /// The step's contribution goes into the running sum: `→ Σ →`
    case accumulate

    public var text: String {
        switch self {
        case .times: return "·"
        case .plus: return "+"
        case .minus: return "-"
        case .equals: return "="
        case .hadamard: return "⊙"
        case .transpose: return "ᵀ"
        case .apply(let f): return "→ \(f) →"
        case .accumulate: return "→ Σ →"
        }
    }
}

public enum EquationItem: Equatable, Sendable {
    case term(Term)
    case op(Operator)
}

/// One line of an equation, left to right; `note` says why a part is missing at this step.
public struct EquationRow: Equatable, Sendable {
    public var items: [EquationItem]
    public var note: String?
    public init(items: [EquationItem], note: String? = nil) { self.items = items; self.note = note }

    public var terms: [Term] { items.compactMap { if case .term(let t) = $0 { return t } else { return nil } } }
}

/// The forward or backward working of one step.
public struct Panel: Equatable, Sendable {
    public var phase: Phase
    public var t: Int
    public var title: String
    public var rows: [EquationRow]

    public var terms: [Term] { rows.flatMap(\.terms) }
    /// The quantities Tab moves between: inspectable terms, in reading order, each once.
    public var inspectable: [EntryRef] {
        var seen = Set<EntryRef>()
        return terms.filter(\.isInspectable).map(\.ref).filter { seen.insert($0).inserted }
    }
}
