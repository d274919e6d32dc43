/// The one table of the course notation: every quantity the trace holds and the screen shows,
/// with its screen label. Screens, JSON keys, lesson `focus`/`check` references and inspect
/// boxes all take their names from here, so they cannot drift apart.
public enum Symbol: String, CaseIterable, Sendable, Hashable {
    // forward, per step
    case x, aPrev, stacked, z, a, zy, yHat, y, loss
    // backward, per step
    case dy, daFromOutput, daNext, da, dz, daPrev
    // this step's contribution to a shared weight's gradient
    case dWaStep, dWaaStep, dWaxStep, dbaStep, dWyaStep, dbyStep
    // gradients of the shared weights: running sums at a backward step, totals without a step
    case dWa, dWaa, dWax, dba, dWya, dby, da0
    // parameters (shared by every step)
    case Wa, Waa, Wax, Wya, ba, by, a0
    // the total loss L = Σ_t L<t>
    case totalLoss
    // gated cells (GRU, LSTM), forward per step: the gates, the candidate, the memory cell
    case gammaF, gammaU, gammaR, gammaO, cTilde, c, cPrev
    // gated cells, backward per step: ∂L/∂Γ (d-gates), ∂L/∂(pre-activation) per gate, memory
    case dGammaF, dGammaU, dGammaR, dGammaO, dcTilde, dzf, dzu, dzr, dzo, dzc, dc, dcNext, dcPrev
    // gated cells: this step's contribution to a weight's gradient
    case dWfStep, dWuStep, dWrStep, dWoStep, dWcStep, dbfStep, dbuStep, dbrStep, dboStep, dbcStep
    // gated cells: gradients (running sums at a backward step, totals without a step)
    case dWf, dWu, dWr, dWo, dWc, dbf, dbu, dbr, dbo, dbc, dc0
    // gated cells: parameters
    case Wf, Wu, Wr, Wo, Wc, bf, bu, br, bo, bc, c0

    /// Whether the quantity has one value per time step.
    public var isPerStep: Bool {
        switch self {
        case .x, .aPrev, .stacked, .z, .a, .zy, .yHat, .y, .loss,
             .dy, .daFromOutput, .daNext, .da, .dz, .daPrev,
             .dWaStep, .dWaaStep, .dWaxStep, .dbaStep, .dWyaStep, .dbyStep: return true
        case .gammaF, .gammaU, .gammaR, .gammaO, .cTilde, .c, .cPrev,
             .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde, .dzf, .dzu, .dzr, .dzo, .dzc, .dc, .dcNext, .dcPrev,
             .dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep: return true
        default: return false
        }
    }

    /// Whether the quantity is a running sum that may be asked for at a step (or as a total).
    public var isRunningSum: Bool {
        switch self {
        case .dWa, .dWaa, .dWax, .dba, .dWya, .dby: return true
        case .dWf, .dWu, .dWr, .dWo, .dWc, .dbf, .dbu, .dbr, .dbo, .dbc: return true
        default: return false
        }
    }

    public var isBackward: Bool {
        switch self {
        case .dy, .daFromOutput, .daNext, .da, .dz, .daPrev, .dWaStep, .dWaaStep, .dWaxStep,
             .dbaStep, .dWyaStep, .dbyStep, .dWa, .dWaa, .dWax, .dba, .dWya, .dby, .da0: return true
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde, .dzf, .dzu, .dzr, .dzo, .dzc, .dc, .dcNext, .dcPrev,
             .dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep,
             .dWf, .dWu, .dWr, .dWo, .dWc, .dbf, .dbu, .dbr, .dbo, .dbc, .dc0: return true
        default: return false
        }
    }

    /// The label with a symbolic step, as in the notes: `a<t-1>`, `ŷ<t>`, `Wa = [Waa | Wax]` is `Wa`.
    public var label: String { label(t: nil) }

    /// The label at step `t` (1-based), e.g. `a<t-1>` at t = 3 is `a<2>`; nil gives the symbolic form.
    public func label(t: Int?) -> String {
        func s(_ offset: Int) -> String {
            guard let t else { return offset == 0 ? "t" : (offset < 0 ? "t\(offset)" : "t+\(offset)") }
            return String(t + offset)
        }
        switch self {
        case .x: return "x<\(s(0))>"
        case .aPrev: return "a<\(s(-1))>"
        case .stacked: return "[a<\(s(-1))>; x<\(s(0))>]"
        case .z: return "z<\(s(0))>"
        case .a: return "a<\(s(0))>"
        case .zy: return "zy<\(s(0))>"
        case .yHat: return "ŷ<\(s(0))>"
        case .y: return "y<\(s(0))>"
        case .loss: return "L<\(s(0))>"
        case .dy: return "dy<\(s(0))>"
        case .daFromOutput: return "Wyaᵀdy<\(s(0))>"
        case .daNext: return "da_next<\(s(0))>"
        case .da: return "da<\(s(0))>"
        case .dz: return "dz<\(s(0))>"
        case .daPrev: return "da_prev<\(s(0))>"
        case .dWaStep: return "ΔdWa<\(s(0))>"
        case .dWaaStep: return "ΔdWaa<\(s(0))>"
        case .dWaxStep: return "ΔdWax<\(s(0))>"
        case .dbaStep: return "Δdba<\(s(0))>"
        case .dWyaStep: return "ΔdWya<\(s(0))>"
        case .dbyStep: return "Δdby<\(s(0))>"
        case .dWa, .dWaa, .dWax, .dba, .dWya, .dby:
            return t.map { "\(rawValue)<\($0)>" } ?? rawValue
        case .da0: return "da<0>"
        case .Wa, .Waa, .Wax, .Wya, .ba, .by: return rawValue
        case .a0: return "a<0>"
        case .totalLoss: return "L"
        case .gammaF, .gammaU, .gammaR, .gammaO: return "Γ\(gateLetter ?? "")<\(s(0))>"
        case .cTilde: return "c̃<\(s(0))>"
        case .c: return "c<\(s(0))>"
        case .cPrev: return "c<\(s(-1))>"
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO: return "dΓ\(gateLetter ?? "")<\(s(0))>"
        case .dcTilde: return "dc̃<\(s(0))>"
        case .dzf, .dzu, .dzr, .dzo, .dzc, .dc: return "\(rawValue)<\(s(0))>"
        case .dcNext: return "dc_next<\(s(0))>"
        case .dcPrev: return "dc_prev<\(s(0))>"
        case .dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep:
            return "Δ\(rawValue.dropLast(4))<\(s(0))>"
        case .dWf, .dWu, .dWr, .dWo, .dWc, .dbf, .dbu, .dbr, .dbo, .dbc:
            return t.map { "\(rawValue)<\($0)>" } ?? rawValue
        case .dc0: return "dc<0>"
        case .Wf, .Wu, .Wr, .Wo, .Wc, .bf, .bu, .br, .bo, .bc: return rawValue
        case .c0: return "c<0>"
        }
    }

    /// The gate letter of a gated-cell symbol (f, u, r, o; c for the candidate c̃), or nil.
    public var gateLetter: String? {
        switch self {
        case .gammaF, .dGammaF, .dzf, .dWfStep, .dbfStep, .dWf, .dbf, .Wf, .bf: return "f"
        case .gammaU, .dGammaU, .dzu, .dWuStep, .dbuStep, .dWu, .dbu, .Wu, .bu: return "u"
        case .gammaR, .dGammaR, .dzr, .dWrStep, .dbrStep, .dWr, .dbr, .Wr, .br: return "r"
        case .gammaO, .dGammaO, .dzo, .dWoStep, .dboStep, .dWo, .dbo, .Wo, .bo: return "o"
        case .cTilde, .dcTilde, .dzc, .dWcStep, .dbcStep, .dWc, .dbc, .Wc, .bc: return "c"
        default: return nil
        }
    }

    /// Whether the quantity belongs to the gated cells only (GRU, LSTM).
    public var isGated: Bool {
        gateLetter != nil || [.c, .cPrev, .c0, .dc, .dcNext, .dcPrev, .dc0].contains(self)
    }

    /// The key used for this quantity in `unroll trace` JSON.
    public var jsonKey: String {
        switch self {
        case .aPrev: return "a_prev"
        case .yHat: return "y_hat"
        case .daPrev: return "da_prev"
        case .daNext: return "da_next"
        case .gammaF, .gammaU, .gammaR, .gammaO: return "gamma_" + (gateLetter ?? "")
        case .cTilde: return "c_tilde"
        case .cPrev: return "c_prev"
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO: return "dgamma_" + (gateLetter ?? "")
        case .dcTilde: return "dc_tilde"
        case .dcNext: return "dc_next"
        case .dcPrev: return "dc_prev"
        default: return rawValue
        }
    }

    /// Names accepted in references such as `a<3>[0]` (first is the screen name).
    public var referenceNames: [String] {
        switch self {
        case .x, .z, .a, .zy, .y, .dy, .da, .dz, .Wa, .Waa, .Wax, .Wya, .ba, .by,
             .dWa, .dWaa, .dWax, .dba, .dWya, .dby: return [rawValue]
        case .yHat: return ["ŷ", "yhat", "y_hat"]
        case .loss: return ["L"]
        case .stacked: return ["stacked"]
        case .daNext: return ["da_next"]
        case .daPrev: return ["da_prev"]
        case .daFromOutput: return ["da_out"]
        case .dWaStep, .dWaaStep, .dWaxStep, .dbaStep, .dWyaStep, .dbyStep:
            let base = String(rawValue.dropLast(4))
            return ["Δ" + base, base + "_step"]
        case .aPrev, .a0, .da0, .totalLoss: return []   // written a<t-1> → a<2>, a<0>, da<0>, L
        case .gammaF, .gammaU, .gammaR, .gammaO: return ["Γ" + (gateLetter ?? ""), jsonKey]
        case .cTilde: return ["c̃", "c_tilde"]
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO: return ["dΓ" + (gateLetter ?? ""), jsonKey]
        case .dcTilde: return ["dc̃", "dc_tilde"]
        case .dzf, .dzu, .dzr, .dzo, .dzc, .c, .dc, .dWf, .dWu, .dWr, .dWo, .dWc, .dbf, .dbu, .dbr, .dbo, .dbc,
             .Wf, .Wu, .Wr, .Wo, .Wc, .bf, .bu, .br, .bo, .bc: return [rawValue]
        case .dcNext: return ["dc_next"]
        case .dcPrev: return ["dc_prev"]
        case .dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep:
            let base = String(rawValue.dropLast(4))
            return ["Δ" + base, base + "_step"]
        case .cPrev, .c0, .dc0: return []   // written c<t-1> → c<2>, c<0>, dc<0>
        }
    }
}
