import Lessons
import RNNCore

/// Rule 2 at the next step, entry by entry: while a question on a<t>[i] (or z<t>[i], c<t>[i],
/// da_prev<t>[i] …) is open, the next step draws that entry again, as a<t-1> and in
/// [a<t-1>; x<t>] (c<t-1>; backward da_next, dc_next). There only the asked entry is masked (`?`);
/// the vector's other entries, and the input beside them, stay on screen.
extension ExplorerState {
    /// A term at a step that shows the open question's focus entry: the quantity, the step, the row.
    struct MaskedEntry: Equatable {
        var symbol: Symbol
        var t: Int
        var row: Int
    }

    /// Where the open question's focus entry is drawn again at the neighbouring step. A forward
    /// focus whose entry i makes entry i of a<t> (or c<t>) alone, element by element — z<t>[i]
    /// (a = g1(z)); a GRU's c̃, Γu; an LSTM's c̃, Γu, Γf, Γo — is masked as row i of what step
    /// t+1 reads: a<t-1> and [a<t-1>; x<t>] (a GRU's [c<t-1>; x<t>]), c<t-1>.
    var maskedEntries: [MaskedEntry] {
        guard hasQuestion, let f = currentSlide?.focus, let ft = f.t, let i = f.row, f.symbol.isPerStep else { return [] }
        let a: [(Symbol, Int)] = [(.aPrev, 1), (.stacked, 1)], c: [(Symbol, Int)] = [(.cPrev, 1)]
        let readers: [(Symbol, Int)]
        switch (lesson.cell, f.symbol) {
        case (_, .daPrev): readers = [(.daNext, -1)]
        case (_, .dcPrev): readers = [(.dcNext, -1)]
        case (.rnn, .z), (.rnn, .a): readers = a
        case (.gru, .c), (.gru, .a), (.gru, .cTilde), (.gru, .gammaU): readers = a + c   // a GRU's a<t> is c<t>
        case (.lstm, .c), (.lstm, .cTilde), (.lstm, .gammaU), (.lstm, .gammaF): readers = a + c
        case (.lstm, .a), (.lstm, .gammaO): readers = a
        default: readers = []
        }
        let all = readers.compactMap { (s, d) in (1...T).contains(ft + d) ? MaskedEntry(symbol: s, t: ft + d, row: i) : nil }
            + equalTerms(f.symbol, t: ft, row: i).map { MaskedEntry(symbol: $0.0, t: $0.1, row: i) }
        guard !questionPending else { return all }
        // answered: the entries that ARE the answer show; the ones made from it (a<t>[i] from z<t>[i]) stay masked
        let equal = Set(equalTerms(f.symbol, t: ft, row: i).map(\.0))
        return all.filter { !equal.contains($0.symbol) && !Self.isCarried(f.symbol, as: $0.symbol, cell: lesson.cell) }
    }

    /// Whether `reader` at the neighbouring step draws `focus`'s own value (a<t> as a<t-1> and in
    /// [a<t-1>; x<t>]; c<t> as c<t-1>, a GRU's a = c; da_prev<t> as da_next<t-1>), not a value made from it.
    static func isCarried(_ focus: Symbol, as reader: Symbol, cell: CellKind) -> Bool {
        switch (focus, reader) {
        case (.a, .aPrev), (.a, .stacked), (.c, .cPrev), (.daPrev, .daNext), (.dcPrev, .dcNext): return true
        case (.a, .cPrev), (.c, .aPrev), (.c, .stacked): return cell == .gru
        default: return false
        }
    }

    /// The terms equal to entry i of `symbol` at step t by definition: one step's bias gradients
    /// Δdba<t> = dz<t> and Δdby<t> = dy<t>; a GRU's a<t> = c<t>; and for da<t> = Wyaᵀdy<t> +
    /// da_next<t>, where one part's entry is 0 (a step with no target: dy<t> = 0; the last step:
    /// da_next<T> = 0), the other part — da_next<t> and what step t+1 hands down, da_prev<t+1>.
    func equalTerms(_ symbol: Symbol, t: Int, row i: Int) -> [(Symbol, Int)] {
        switch (symbol, lesson.cell) {
        case (.dz, _): return [(.dbaStep, t)]
        case (.dy, _): return [(.dbyStep, t)]
        case (.c, .gru): return [(.a, t)]
        case (.a, .gru): return [(.c, t)]
        default: break
        }
        guard symbol == .da, let fromOutput = trace.tensor(.daFromOutput, t: t), let next = trace.tensor(.daNext, t: t),
              i < fromOutput.rows, i < next.rows, fromOutput.cols == 1, next.cols == 1 else { return [] }
        var terms: [(Symbol, Int)] = []
        if fromOutput[i, 0] == 0 { terms += [(.daNext, t)] + (t < T ? [(.daPrev, t + 1)] : []) }
        if next[i, 0] == 0 { terms.append((.daFromOutput, t)) }
        return terms
    }

    /// The row of `symbol` at step t that is masked, if any.
    func maskedRow(_ symbol: Symbol, at t: Int?) -> Int? {
        guard let t else { return nil }
        return maskedEntries.first { $0.symbol == symbol && $0.t == t }?.row
    }

    /// Rule 3 at the focus's own step: once the question on an entry is answered, that entry of
    /// the focus quantity is drawn and its other entries stay `?` (a later slide may ask them:
    /// 02 slide 5 answers z<2>[2], slide 6 asks z<2>[0]). The answered entry (row, col), or nil.
    func answeredEntry(_ symbol: Symbol, at t: Int?) -> MatrixIndex? {
        guard hasQuestion, !questionPending, let asked = currentSlide?.focus else { return nil }
        let f = asked.symbol == symbol ? asked : displayed(asked)   // ΔdWaa<2>[0,1] is drawn as ΔdWa<2>[0,1]
        guard f.symbol == symbol, let r = f.row else { return nil }
        if let ft = f.t, symbol.isPerStep, t != ft { return nil }
        return MatrixIndex(row: r, col: f.col ?? 0)
    }

    /// Whether the entry under `ref` (a reference as the panel builds it) is a masked one.
    func isMasked(_ ref: EntryRef) -> Bool {
        if let r = ref.row, let m = trace.tensor(ref.symbol, t: ref.t) {
            let ahead = aheadMasked(ref.symbol, at: ref.t, in: m)
            if ahead.contains(Term.drawnIndex(row: r, in: m)) || ahead.contains(MatrixIndex(row: r, col: ref.col ?? 0)) { return true }
        }
        if let keep = answeredEntry(ref.symbol, at: ref.t), let r = ref.row { return r != keep.row || (ref.col ?? 0) != keep.col }
        guard let row = maskedRow(ref.symbol, at: ref.t) else { return false }
        return ref.row == row
    }
}

extension Term {
    /// Entry `row` of a vector as drawn: (row, 0) standing, (0, row) when drawn transposed.
    public static func drawnIndex(row: Int, in values: Matrix) -> MatrixIndex {
        values.cols == 1 || values.rows != 1 ? MatrixIndex(row: row, col: 0) : MatrixIndex(row: 0, col: row)
    }
}
