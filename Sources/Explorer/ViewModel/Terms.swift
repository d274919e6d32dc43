import Lessons
import RNNCore

/// Building `Term`s: values from the trace, disclosure, focus, cursor and colour range.
extension ExplorerState {
    /// A term for `symbol` at step `t`; `values` overrides the trace (derived or transposed).
    func term(_ symbol: Symbol, _ t: Int, kind: Term.Kind = .quantity, label: String? = nil,
              caption: String? = nil, values: Matrix? = nil, colDivider: Int? = nil, rowDivider: Int? = nil) -> Term {
        let ref = Self.ref(symbol, t)
        let m = values ?? trace.tensor(symbol, t: ref.t) ?? Matrix(rows: 0, cols: 0)
        let shown = isShown(symbol, at: ref.t)
        var term = Term(kind: kind, symbol: symbol, ref: ref, label: label ?? ref.description, caption: caption,
                        values: m, colDivider: colDivider, rowDivider: rowDivider, revealed: shown,
                        focused: false, focusEntry: nil, cursor: nil, scale: 1)
        if kind == .derived {
            term.scale = perStepScale ? Self.top(m.values) : 1
        } else {
            // a range over all steps would tell the hidden steps' largest value: this step's only
            term.scale = perStepScale || withheld.contains(symbol) ? Self.top(m.values) : scales.range(symbol)
        }
        if let row = maskedRow(symbol, at: ref.t) {
            // the open question's entry: not drawn, and neither its colour nor the range tells it
            let index = Term.drawnIndex(row: row, in: m)
            if index.row < m.rows, index.col < m.cols {
                term.values[index.row, index.col] = 0
                term.masked = [index]
                term.scale = Self.top(term.values.values)
            }
        }
        if let keep = answeredEntry(symbol, at: ref.t), let f = currentSlide?.focus {
            // the answered entry alone: the others may be what a later slide asks
            let shownIndex = f.col == nil ? Term.drawnIndex(row: keep.row, in: m) : keep
            let others = (0..<m.rows).flatMap { r in (0..<m.cols).map { MatrixIndex(row: r, col: $0) } }.filter { $0 != shownIndex }
            if others.count < m.rows * m.cols {
                for i in others { term.values[i.row, i.col] = 0 }
                term.masked = others
                term.scale = Self.top(term.values.values)
            }
        }
        if let vocab = lesson.vocab, m.cols == 1, m.rows == vocab.count, m.rows > 1, Self.overVocabulary.contains(symbol) {
            term.rowLabels = vocab.map(Vocabulary.label)
        }
        if !shown, let f = currentSlide?.focus, questionPending, f.symbol == symbol || displayed(f).symbol == symbol {
            term.sizeHidden = true
            term.values = Matrix(rows: 1, cols: 1)
            term.colDivider = nil; term.rowDivider = nil; term.rowLabels = nil
        }
        guard kind == .quantity else { return term }
        if let f = focus.map({ displayed($0) }), f.symbol == symbol, f.t == nil || f.t == ref.t {
            term.focused = true
            term.focusEntry = f.row.map { MatrixIndex(row: $0, col: f.col ?? 0) }
        }
        if let c = inspect, c.ref(at: t) == ref { term.cursor = MatrixIndex(row: c.row, col: c.col) }
        term.edited = editedEntries(symbol, t)
        return term
    }

    /// The quantities indexed by the vocabulary in a character lesson (inputs and outputs).
    static let overVocabulary: Set<Symbol> = [.x, .y, .yHat, .zy, .by, .dy, .dbyStep, .dby]

    static func top(_ v: [Double]) -> Double {
        let m = v.reduce(0) { max($0, abs($1)) }
        return m > 0 && m.isFinite ? m : 1
    }

    /// The reference to `symbol` as drawn at step t (no step for shared parameters).
    static func ref(_ symbol: Symbol, _ t: Int) -> EntryRef {
        EntryRef(symbol: symbol, t: symbol.isPerStep || symbol.isRunningSum || symbol == .totalLoss ? t : nil)
    }

    /// Blocks are drawn inside their stacked matrix: `Waa[i,j]` is `Wa[i,j]`, `Wax[i,j]` is
    /// `Wa[i, n_a+j]`, and the same for `dWaa`/`dWax` in `dWa` and their step contributions.
    public static func displayed(_ r: EntryRef, na: Int) -> EntryRef {
        var d = r
        switch r.symbol {
        case .Waa: d.symbol = .Wa
        case .Wax: d.symbol = .Wa; d.col = r.col.map { $0 + na }
        case .dWaa: d.symbol = .dWa
        case .dWax: d.symbol = .dWa; d.col = r.col.map { $0 + na }
        case .dWaaStep: d.symbol = .dWaStep
        case .dWaxStep: d.symbol = .dWaStep; d.col = r.col.map { $0 + na }
        default: break
        }
        return d
    }

    func displayed(_ r: EntryRef) -> EntryRef { Self.displayed(r, na: trace.shape.na) }
}
