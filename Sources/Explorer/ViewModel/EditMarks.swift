import RNNCore

/// Where the edits (a what-if's and the student's nudges) fall in the terms on screen, for the `✎` marks.
extension ExplorerState {
    /// The entries of the term `symbol` at step t that are edited (`markedEdits`): Wa[i,j], Wya[i,j],
    /// ba[i], by[i] (and a gated cell's Wu[i,j] … bc[i]) where they are drawn, and on their gradients
    /// dWa, dWya, dba, dby (dWu … dbc); x<t>[k] in x<t> (row k) and in [a<t-1>; x<t>] (row n_a+k);
    /// a<0>[i] in a<t-1> and [a<t-1>; x<t>] at t = 1; c<0>[i] in c<0> and c<t-1> at t = 1.
    func editedEntries(_ symbol: Symbol, _ t: Int) -> [MatrixIndex] {
        let edits = markedEdits
        guard !edits.isEmpty else { return [] }
        let na = trace.shape.na
        let weight = Self.weight(ofGradient: symbol) ?? symbol   // a gradient's marks are its weight's
        return edits.entries.compactMap { e in
            let r = e.ref
            guard let i = r.row else { return nil }
            if weight == r.symbol, Self.markedWeights.contains(r.symbol) { return MatrixIndex(row: i, col: r.col ?? 0) }
            switch (symbol, r.symbol) {
            case (.x, .x) where r.t == t: return MatrixIndex(row: i, col: 0)
            case (.stacked, .x) where r.t == t: return MatrixIndex(row: na + i, col: 0)
            case (.stacked, .a0) where t == 1, (.aPrev, .a0) where t == 1, (.a0, .a0),
                 (.cPrev, .c0) where t == 1, (.c0, .c0): return MatrixIndex(row: i, col: 0)
            default: return nil
            }
        }
    }

    /// The weights and biases an edit marks where they (or their gradients) are drawn.
    static let markedWeights: Set<Symbol> = [.Wa, .Wya, .ba, .by, .Wf, .Wu, .Wr, .Wo, .Wc, .bf, .bu, .br, .bo, .bc]
}
