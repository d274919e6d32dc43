import RNNCore

/// Where the student's edits (nudge) fall in the terms on screen, for the `✎` marks.
extension ExplorerState {
    /// The entries of the term `symbol` at step t that the student has edited: Wa[i,j], Wya[i,j],
    /// ba[i], by[i] where they are drawn, and on their gradients dWa, dWya, dba, dby; x<t>[k] in x<t> (row k) and in [a<t-1>; x<t>] (row n_a+k);
    /// a<0>[i] in a<t-1> and [a<t-1>; x<t>] at t = 1.
    func editedEntries(_ symbol: Symbol, _ t: Int) -> [MatrixIndex] {
        guard !student.edits.isEmpty else { return [] }
        let na = trace.shape.na
        return student.edits.entries.compactMap { e in
            let r = e.ref
            guard let i = r.row else { return nil }
            switch (symbol, r.symbol) {
            case (.Wa, .Wa), (.Wya, .Wya), (.dWa, .Wa), (.dWya, .Wya): return r.col.map { MatrixIndex(row: i, col: $0) }
            case (.ba, .ba), (.by, .by), (.dba, .ba), (.dby, .by): return MatrixIndex(row: i, col: 0)
            case (.x, .x) where r.t == t: return MatrixIndex(row: i, col: 0)
            case (.stacked, .x) where r.t == t: return MatrixIndex(row: na + i, col: 0)
            case (.stacked, .a0) where t == 1, (.aPrev, .a0) where t == 1, (.a0, .a0): return MatrixIndex(row: i, col: 0)
            default: return nil
            }
        }
    }
}
