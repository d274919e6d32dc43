import Foundation
import RNNCore

/// What a wrong typed answer most likely forgot, found by computing the usual slips on the
/// lesson's own numbers and comparing them with what was typed.
public enum Mistake: Equatable, Sendable {
    /// The sum without this term (a product of the sum, or a step's contribution).
    case missingTerm(SumTerm)
    /// The sum without its bias (ba[i], by[i]).
    case biasLeftOut(SumTerm)
    /// The sum with the sign of this term flipped.
    case signFlipped(SumTerm)
    /// The wrong activation (`used` nil: none at all, i.e. the value before it).
    case activation(used: String?, right: String)
    /// dz = da ⊙ g1′(z) without the g1′ factor (the name of g1).
    case derivativeLeftOut(String)
    /// dz with a wrong slope, e.g. `1 - a` instead of `1 - a²`.
    case wrongDerivative(String)
    /// The whole value with the opposite sign (y − ŷ for ŷ − y, a positive log for a loss).
    case wholeSign
    /// A matrix read the wrong way round (Waa[i,k] for Waa[k,i]).
    case transposed(String)
    /// One factor taken from the wrong place: (used, right), e.g. a<2>[0] for a<1>[0].
    case wrongFactor(String, String)
    /// A weight gradient's step contribution with da<t>[i] for dz<t>[i] (g1′ forgotten): (da, dz).
    case notDz(String, String)
    /// A product entry with a factor from the wrong row or column: (used, right, the entry's formula).
    case wrongIndex(String, String, String)
    /// The loss with the cases y = 1 and y = 0 swapped.
    case swappedTarget
    /// The same entry one step off in t (the reference of that entry).
    case stepOff(EntryRef)
    /// An LSTM's a<t> without its output gate: (the gate, what it multiplies), e.g.
    /// (`Γo<30>[0]`, `tanh(c<30>[0])`): the typed number is tanh(c<t>) alone.
    case gateLeftOut(String, String)
    /// An LSTM's a<t> as the output gate alone: (the gate, what it multiplies).
    case gateAlone(String, String)
}

/// The feedback on a wrong number: how far off, the slip it matches (if any), and else a hint
/// from the sum that never gives the answer away.
public struct Diagnosis: Equatable, Sendable {
    /// typed − right answer.
    public var off: Double
    public var mistake: Mistake?
    /// One term of the sum, shown when no slip matches.
    public var hint: Hint?
    /// How the entry follows from its sum (`a<2>[0] = tanh(z<2>[0])`), when it is not the sum.
    public var formula: String?

    public init(off: Double, mistake: Mistake?, hint: Hint?, formula: String? = nil) {
        self.off = off; self.mistake = mistake; self.hint = hint; self.formula = formula
    }
}

public enum MistakeDiagnosis {
    /// Diagnoses `typed` as an answer for the entry `ref` on `trace` (the slide's network);
    /// a slip "matches" when it gives `typed` within `tolerance` and differs from the right
    /// answer by more than that. Slips are tried in the order: activation and derivative, the
    /// whole sign, the bias, one term missing, one sign flipped, the other alternatives, one step off.
    public static func diagnose(typed: Double, ref: EntryRef, trace: Trace, tolerance: Double) -> Diagnosis {
        let right = (try? trace.number(ref).get()) ?? .nan
        let decomposition = Decomposition.of(ref, on: trace)
        let candidates = (decomposition.map(slips) ?? [(.wholeSign, -right)]) + stepsOff(ref, trace)
        var d = Diagnosis(off: typed - right, mistake: match(typed, right, candidates, tolerance), hint: nil,
                          formula: decomposition?.formula)
        if d.mistake == nil, let dec = decomposition { d.hint = Hint.choose(dec, right: right, tolerance: tolerance) }
        return d
    }

    /// A wrong answer to a question whose value is no single entry: only the whole sign is known.
    public static func diagnose(typed: Double, right: Double, tolerance: Double) -> Diagnosis {
        Diagnosis(off: typed - right, mistake: match(typed, right, [(.wholeSign, -right)], tolerance), hint: nil)
    }

    /// The first slip that gives `typed` (within `tolerance`) and not the right answer.
    static func match(_ typed: Double, _ right: Double, _ candidates: [(Mistake, Double)], _ tolerance: Double) -> Mistake? {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * (1 + 1e-9) }
        return candidates.first { close($0.1, typed) && !close($0.1, right) && $0.1.isFinite }?.0
    }

    /// Every slip of a decomposed entry, in the order they are tried, with the value each gives.
    static func slips(_ dec: Decomposition) -> [(Mistake, Double)] {
        let sum = dec.terms.reduce(0.0) { $0 + $1.value }
        let early = dec.alternatives.filter {
            switch $0.0 {
            case .activation, .derivativeLeftOut, .wrongDerivative: return true
            default: return false
            }
        }
        let late = dec.alternatives.filter { a in a.0 != .wholeSign && !early.contains { $0.0 == a.0 } }
        // the whole value with the other sign (−0.71 for 0.71), before any one term's sign
        let whole = dec.alternatives.first { $0.0 == .wholeSign }?.1 ?? -dec.outer.apply(sum)
        var out = early + [(Mistake.wholeSign, whole)]
        out += dec.terms.filter(\.isBias).map { (.biasLeftOut($0), dec.outer.apply(sum - $0.value)) }
        if dec.terms.count > 1 {
            out += dec.terms.filter { !$0.isBias }.map { (.missingTerm($0), dec.outer.apply(sum - $0.value)) }
        }
        out += dec.terms.map { (.signFlipped($0), dec.outer.apply(sum - 2 * $0.value)) }
        return out + late
    }

    /// The same entry at t − 1 and t + 1, where it exists.
    static func stepsOff(_ ref: EntryRef, _ trace: Trace) -> [(Mistake, Double)] {
        guard let t = ref.t else { return [] }
        return [t - 1, t + 1].compactMap { s in
            var r = ref
            r.t = s
            guard s >= 1, s <= trace.T, case .success(let v) = trace.number(r) else { return nil }
            return (.stepOff(r), v)
        }
    }
}
