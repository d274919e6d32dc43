import Foundation
import RNNCore

extension Decomposition {
    /// A GRU's or LSTM's entry as the notes compute it, or nil: only the output layer (zy, ŷ, dy,
    /// L) is the plain cell's, and the cell's own c<t> and a<t> are
    /// GRU c<t> = Γu⊙c̃<t> + (1−Γu)⊙c<t-1> (a<t> = c<t>), LSTM c<t> = Γf⊙c<t-1> + Γu⊙c̃<t> and
    /// a<t> = Γo⊙tanh(c<t>); the other gated quantities are not decomposed.
    static func gated(_ ref: EntryRef, on trace: Trace, cell: GatedCell) -> Decomposition? {
        switch ref.symbol {
        case .zy, .yHat, .dy, .loss, .totalLoss: return nil   // the caller's plain output layer
        case .c, .a: break
        default: return nil
        }
        guard let t = ref.t, let i = ref.row, (1...trace.T).contains(t) else { return nil }
        func v(_ s: Symbol) -> Double? { trace.vector(s, t).flatMap { $0.indices.contains(i) ? $0[i] : nil } }
        func n(_ s: Symbol) -> String { EntryRef(symbol: s, t: t, row: i).description }
        let prev = t == 1 ? EntryRef(symbol: .c0, row: i).description : EntryRef(symbol: .c, t: t - 1, row: i).description
        guard let cp = v(.cPrev), let gu = v(.gammaU), let ct = v(.cTilde) else { return nil }
        let memory: [SumTerm]
        switch cell {
        case .gru:
            memory = [SumTerm(names: [n(.gammaU), n(.cTilde)], factors: [gu, ct]),
                      SumTerm(names: ["(1 - \(n(.gammaU)))", prev], factors: [1 - gu, cp])]
        case .lstm:
            guard let gf = v(.gammaF) else { return nil }
            memory = [SumTerm(names: [n(.gammaF), prev], factors: [gf, cp]),
                      SumTerm(names: [n(.gammaU), n(.cTilde)], factors: [gu, ct])]
        }
        if ref.symbol == .c || cell == .gru { return Decomposition(terms: memory, outer: .none) }
        guard let go = v(.gammaO), let c = v(.c) else { return nil }
        let gate = n(.gammaO), squashed = "tanh(\(n(.c)))"
        return Decomposition(terms: [SumTerm(names: [gate, squashed], factors: [go, tanh(c)])], outer: .none,
                             alternatives: [(.activation(used: nil, right: "tanh"), go * c),
                                            (.gateLeftOut(gate, squashed), tanh(c)), (.gateAlone(gate, squashed), go)],
                             formula: "\(n(.a)) = \(n(.gammaO))·tanh(\(n(.c)))")
    }
}
