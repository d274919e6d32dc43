import RNNCore

/// The timeline of a gated cell: per step, the gate that decides what the memory keeps (Γf
/// for the LSTM, Γu for the GRU) as min, mean and max over the units, and backward ‖dc<t>‖
/// beside ‖da<t>‖.
extension ExplorerState {
    /// The gate the timeline shows for this cell: Γf (LSTM: how much of c<t-1> is kept) or Γu
    /// (GRU: how much of c<t> is overwritten).
    var timelineGate: Symbol? {
        switch trace.gated?.cell {
        case .lstm: return .gammaF
        case .gru: return .gammaU
        case nil: return nil
        }
    }

    func addGated(_ item: inout TimelineItem, computed: Bool, backward: Bool) {
        let t = item.t
        if let g = timelineGate, computed, isShown(g, at: t), let s = trace.gated?.spread(of: g, at: t) {
            item.gate = GateBar(name: "Γ" + (g.gateLetter ?? ""), min: s.min, mean: s.mean, max: s.max)
        }
        if backward, t >= position.t, isShown(.dc, at: t), !isAsked(ahead: .dc, at: t) { item.dcNorm = trace.norm(of: .dc, at: t) }
    }

    /// The largest ‖dc<t>‖ over the steps (1 when all are zero).
    var gatedDcNormMax: Double {
        guard trace.hasBackward else { return 1 }
        let m = (1...T).map { trace.norm(of: .dc, at: $0) ?? 0 }.max() ?? 0
        return m > 0 && m.isFinite ? m : 1
    }
}
