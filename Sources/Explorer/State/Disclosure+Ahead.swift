import Lessons
import RNNCore

/// Rule 4 (questions ahead): while a LATER slide's question is unanswered, its focus entry is
/// masked `?` on every earlier slide at every step — where the focus itself is drawn, where the
/// next step draws the same value again (a<t> as a<t-1> and in [a<t-1>; x<t>], c<t> as c<t-1>,
/// da_prev<t> as da_next<t-1>) and where a term equals it by definition (`equalTerms`). A focus
/// with no entry (ŷ<4>) is masked whole at its step. Once that question is answered (progress
/// keeps answers), the entry shows. `render` and `export` draw a slide this way too: as a student
/// who has not answered the later questions sees it.
extension ExplorerState {
    /// Whether the question of slide `i` (0-based) has been answered (or its answer revealed).
    func isAnswered(slide i: Int) -> Bool {
        guard lesson.script.indices.contains(i) else { return false }
        if lesson.script[i].ask != nil { return answers[i] != nil }
        return student.typed[i]?.done ?? false
    }

    /// The entries the unanswered questions of later slides ask, as drawn (a nil row: the whole
    /// quantity at its step; a nil step: every step), with the same value drawn at a neighbouring step.
    var aheadMasks: [EntryRef] {
        guard let current = slide else { return [] }
        let own = currentSlide?.focus
        var out: [EntryRef] = []
        for j in lesson.script.indices where j > current {
            let s = lesson.script[j]
            guard s.ask != nil || s.typed != nil, let f = s.focus, f != own, !isAnswered(slide: j) else { continue }
            out.append(displayed(f))
            guard let ft = f.t, let i = f.row, f.symbol.isPerStep else { continue }
            for (r, d) in Self.carriedReaders(f.symbol, cell: lesson.cell) where (1...T).contains(ft + d) {
                out.append(EntryRef(symbol: r, t: ft + d, row: i))
            }
            out += equalTerms(f.symbol, t: ft, row: i).map { EntryRef(symbol: $0.0, t: $0.1, row: i) }
        }
        return out
    }

    /// The terms of the neighbouring step that draw `focus`'s own value, with the step offset.
    static func carriedReaders(_ focus: Symbol, cell: CellKind) -> [(Symbol, Int)] {
        let candidates: [(Symbol, Int)] = [(.aPrev, 1), (.stacked, 1), (.cPrev, 1), (.daNext, -1), (.dcNext, -1)]
        return candidates.filter { isCarried(focus, as: $0.0, cell: cell) }
    }

    /// The entries of `symbol` at step t that a later question asks: indices into `values` as drawn.
    func aheadMasked(_ symbol: Symbol, at t: Int?, in values: Matrix) -> [MatrixIndex] {
        var out: [MatrixIndex] = []
        for e in aheadMasks where e.symbol == symbol && (e.t == nil || t == nil || e.t == t) {
            let indices: [MatrixIndex]
            if let r = e.row {
                indices = [e.col.map { MatrixIndex(row: r, col: $0) } ?? Term.drawnIndex(row: r, in: values)]
            } else {
                indices = (0..<values.rows).flatMap { r in (0..<values.cols).map { MatrixIndex(row: r, col: $0) } }
            }
            out += indices.filter { $0.row < values.rows && $0.col < values.cols && !out.contains($0) }
        }
        return out
    }

    /// Whether a later question asks `symbol` at step t (any entry): the timeline's short labels hide it.
    func isAsked(ahead symbol: Symbol, at t: Int) -> Bool {
        aheadMasks.contains { $0.symbol == symbol && ($0.t == nil || $0.t == t) }
    }
}
