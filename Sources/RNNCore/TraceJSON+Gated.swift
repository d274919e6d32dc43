/// The gated cells' part of `unroll trace` (see README "unroll trace"): the keys of `TraceJSON`
/// without g1, z and Wa, with the cell's weights under its own names and, per step, its gates,
/// c̃, c and the derivatives through c.
extension TraceJSON {
    /// Per-step forward keys of a gated cell, in the order they are computed.
    static func gatedForward(_ cell: GatedCell) -> [Symbol] {
        switch cell {
        case .gru: return [.x, .aPrev, .cPrev, .gammaU, .gammaR, .cTilde, .c, .a, .zy, .yHat, .y]
        case .lstm: return [.x, .aPrev, .cPrev, .gammaF, .gammaU, .gammaO, .cTilde, .c, .a, .zy, .yHat, .y]
        }
    }

    /// Per-step backward keys: da and dc are totals (every path); dgamma_* are ∂L/∂Γ, dz* the
    /// derivatives of L with respect to each gate's pre-activation.
    static func gatedBackward(_ cell: GatedCell) -> [Symbol] {
        switch cell {
        case .gru: return [.dy, .da, .dc, .dcTilde, .dGammaU, .dGammaR, .dzu, .dzr, .dzc, .daPrev, .dcPrev, .daNext, .dcNext]
        case .lstm: return [.dy, .da, .dc, .dGammaO, .dcTilde, .dGammaU, .dGammaF, .dzf, .dzu, .dzc, .dzo,
                            .daPrev, .dcPrev, .daNext, .dcNext]
        }
    }

    /// Everything after the top-level "cell" key of a gated trace.
    static func writeGated(_ trace: Trace, _ g: GatedTrace, into out: inout JSONWriter) {
        let s = g.shape, p = g.rnn.params
        out.key("n_x"); out.int(s.nx)
        out.key("n_a"); out.int(s.na)
        out.key("n_y"); out.int(s.ny)
        out.key("g2"); out.string(s.g2.rawValue)
        out.key("architecture"); out.string(trace.episode.architecture.rawValue)
        out.key("T"); out.int(trace.T)
        out.key("has_targets"); out.raw(trace.hasBackward ? "true" : "false")
        out.key("params"); out.open("{")
        for (k, gate) in s.cell.gates.enumerated() {
            out.key(gate.weightName); out.matrix(p.W[k])
            out.key(gate.biasName); out.vector(p.b[k])
        }
        out.key("Wya"); out.matrix(p.Wya)
        out.key("by"); out.vector(p.by)
        out.key("a0"); out.vector(p.a0)
        if s.cell == .lstm { out.key("c0"); out.vector(p.c0) }
        out.close("}")
        writeSteps(trace, forward: gatedForward(s.cell), backward: gatedBackward(s.cell), into: &out)
        out.key("grads")
        if let grads = g.gradients, let da0 = g.da0, let dc0 = g.dc0 {
            out.open("{")
            for (k, gate) in s.cell.gates.enumerated() {
                out.key("d" + gate.weightName); out.matrix(grads.dW[k])
                out.key("d" + gate.biasName); out.vector(grads.db[k])
            }
            out.key("dWya"); out.matrix(grads.dWya)
            out.key("dby"); out.vector(grads.dby)
            out.key("da0"); out.vector(da0)
            if s.cell == .lstm { out.key("dc0"); out.vector(dc0) }
            out.close("}")
        } else {
            out.raw("null")
        }
    }
}
