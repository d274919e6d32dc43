import Foundation
import Lessons
import RNNCore

/// Rule 4 (questions ahead): while a LATER slide's question is unanswered, its focus entry is
/// masked `?` on every earlier slide at every step — where the focus itself is drawn, where the
/// next step draws the same value again (a<t> as a<t-1> and in [a<t-1>; x<t>], c<t> as c<t-1>,
/// da_prev<t> as da_next<t-1>), where a term equals it by definition (`equalTerms`) and, for an asked
/// da<t>[i], dz<t>[i] where g1′ is exactly 1 (09b: a<29>[1] = 0, tanh′(0) = 1), for an asked dz<t>[i],
/// the entries of ΔdWa<t> row i whose input is 1 (06: x<1> = [1, 1]) and of the running dWa that
/// equal it. A focus
/// with no entry (ŷ<4>) is masked whole at its step; an asked L<t> masks the total L from step t on
/// too (the total less the other steps' losses is L<t>: 07d). A question's own words may ask about an entry
/// computed from its focus (02 slide 5: focus z<2>[2], "Will a<2>[2] be positive or negative?"):
/// that entry is masked the same way (`askedEntries`). Once that question is answered (progress
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
            guard !isAnswered(slide: j) else { continue }
            for f in Self.askedEntries(lesson.script[j]) where f != own {
                out.append(displayed(f))
                if f.symbol == .loss, let ft = f.t, ft <= T {
                    // L<t> is the total less the other steps' losses, which the timeline shows
                    out += (ft...T).map { EntryRef(symbol: .totalLoss, t: $0) }
                }
                guard let ft = f.t, let i = f.row, f.symbol.isPerStep else { continue }
                for (r, d) in Self.carriedReaders(f.symbol, cell: lesson.cell) where (1...T).contains(ft + d) {
                    out.append(EntryRef(symbol: r, t: ft + d, row: i))
                }
                out += equalTerms(f.symbol, t: ft, row: i).map { EntryRef(symbol: $0.0, t: $0.1, row: i) }
                if f.symbol == .da, let da = trace.tensor(.da, t: ft), let dz = trace.tensor(.dz, t: ft),
                   i < da.rows, i < dz.rows, dz[i, 0] == da[i, 0] {
                    out.append(EntryRef(symbol: .dz, t: ft, row: i))   // g1′ = 1 there (tanh′(0)): dz<t>[i] is the answer
                }
                if f.symbol == .dz, let dz = trace.tensor(.dz, t: ft), i < dz.rows {
                    // ΔdWa<t>[i, j] = dz<t>[i]·[a<t-1>; x<t>][j]: the answer itself where that input is 1 (06: x<1> = [1, 1]),
                    // and so is the running sum dWa where the other steps add exactly 0 there
                    let sums = [(Symbol.dWaStep, ft)] + (1...T).map { (Symbol.dWa, $0) }
                    for (symbol, t) in sums {
                        guard let m = trace.tensor(symbol, t: t), i < m.rows else { continue }
                        out += (0..<m.cols).filter { m[i, $0] == dz[i, 0] }.map { EntryRef(symbol: symbol, t: t, row: i, col: $0) }
                    }
                }
            }
        }
        return out
    }

    /// What a question slide asks about: its focus, then each entry its question names (in either
    /// language) that is computed from the focus at the focus's step or after it, going the way the
    /// pass goes (02 slide 5: focus z<2>[2], "Will a<2>[2] be positive or negative?" → z<2>[2],
    /// a<2>[2]). Rule 2 already hides such an entry on the question's own slide; rule 4 masks it on
    /// the slides before. An entry the question names that the focus does not make (ŷ<1> beside
    /// ŷ<4>) is given, not asked. Empty for a slide without a question or a focus.
    public static func askedEntries(_ s: Slide) -> [EntryRef] {
        guard let f = s.focus, let words = s.ask?.question ?? s.typed?.question else { return [] }
        var out = [f]
        let lags = f.symbol.downstreamLags
        for language in Language.allCases {
            for r in indexedReferences(words.text(language)) where !out.contains(r) && lags[r.symbol] != nil {
                if let ft = f.t, let t = r.t, t != ft && (t > ft) != !f.symbol.isBackward { continue }
                if f.t != nil && r.t == nil && r.symbol.isPerStep { continue }
                out.append(r)
            }
        }
        return out
    }

    static let referencePattern = try? NSRegularExpression(pattern: #"Δ?[A-Za-zŷ_]+(?:<\d+>)?\[\d+(?:,\s*\d+)?\]"#)

    /// The indexed references a text writes: `a<2>[2]`, `Waa[0,1]`, `ΔdWaa<2>[0,1]`.
    static func indexedReferences(_ text: String) -> [EntryRef] {
        guard let regex = referencePattern else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            if case .success(let r) = EntryRef.parse(ns.substring(with: m.range)) { return r }
            return nil
        }
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
