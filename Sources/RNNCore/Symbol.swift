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

    /// Whether the quantity has one value per time step.
    public var isPerStep: Bool {
        switch self {
        case .x, .aPrev, .stacked, .z, .a, .zy, .yHat, .y, .loss,
             .dy, .daFromOutput, .daNext, .da, .dz, .daPrev,
             .dWaStep, .dWaaStep, .dWaxStep, .dbaStep, .dWyaStep, .dbyStep: return true
        default: return false
        }
    }

    /// Whether the quantity is a running sum that may be asked for at a step (or as a total).
    public var isRunningSum: Bool {
        switch self {
        case .dWa, .dWaa, .dWax, .dba, .dWya, .dby: return true
        default: return false
        }
    }

    public var isBackward: Bool {
        switch self {
        case .dy, .daFromOutput, .daNext, .da, .dz, .daPrev, .dWaStep, .dWaaStep, .dWaxStep,
             .dbaStep, .dWyaStep, .dbyStep, .dWa, .dWaa, .dWax, .dba, .dWya, .dby, .da0: return true
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
        }
    }

    /// The key used for this quantity in `unroll trace` JSON.
    public var jsonKey: String {
        switch self {
        case .aPrev: return "a_prev"
        case .yHat: return "y_hat"
        case .daPrev: return "da_prev"
        case .daNext: return "da_next"
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
        }
    }
}
