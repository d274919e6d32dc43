/// What a gradient predicts for a small change of one number, and what happened: the
/// finite-difference check a student does with one key.
public struct NudgeReport: Equatable, Sendable {
    /// The entry changed (canonical: Wa[i,j], Wya[i,j], ba[i], by[i], a<0>[i], x<t>[k]).
    public var ref: EntryRef
    public var before: Double
    public var after: Double
    /// L before and after the change (nil without targets).
    public var lossBefore: Double?
    public var lossAfter: Double?
    /// ∂L/∂(the entry) at `before`.
    public var gradient: Double?

    /// Δ = after − before
    public var delta: Double { after - before }
    /// ΔL = L(after) − L(before)
    public var lossChange: Double? { lossAfter.flatMap { a in lossBefore.map { a - $0 } } }
    /// The first-order prediction ∂L/∂w · Δ.
    public var predicted: Double? { gradient.map { $0 * delta } }

    /// Whether the prediction missed by more than 5% of the change (and more than 1e-9):
    /// then L curves over the step, and the tangent the gradient gives is not enough.
    public var curvatureShows: Bool {
        guard let actual = lossChange, let p = predicted else { return false }
        return abs(actual - p) > max(0.05 * abs(actual), 1e-9)
    }

    public init(ref: EntryRef, before: Double, after: Double, lossBefore: Double?, lossAfter: Double?, gradient: Double?) {
        self.ref = ref; self.before = before; self.after = after
        self.lossBefore = lossBefore; self.lossAfter = lossAfter; self.gradient = gradient
    }

    /// The report for changing `ref` from its value in `old` to its value in `new`.
    public init(ref: EntryRef, old: Trace, new: Trace) {
        self.init(ref: ref, before: old.editableValue(ref) ?? .nan, after: new.editableValue(ref) ?? .nan,
                  lossBefore: old.totalLoss, lossAfter: new.totalLoss, gradient: old.gradient(of: ref))
    }
}

extension Trace {
    /// The value of an editable entry (canonical reference) in this trace's network.
    public func editableValue(_ ref: EntryRef) -> Double? {
        if let g = gated { return NetworkEdits.value(of: ref, gated: g.rnn.params, episode: episode) }
        return NetworkEdits.value(of: ref, params: rnn.params, episode: episode)
    }

    /// ∂L/∂(an editable entry): dWa, dWya, dba, dby, da<0>, and for an input
    /// ∂L/∂x<t>[k] = Σ_i dz<t>[i]·Wax[i,k]; nil without a backward pass.
    public func gradient(of ref: EntryRef) -> Double? {
        if gated != nil { return gatedGradient(of: ref) }
        guard hasBackward, let g = gradients, let i = ref.row else { return nil }
        switch ref.symbol {
        case .Wa: return ref.col.map { g.dWa[i, $0] }
        case .Wya: return ref.col.map { g.dWya[i, $0] }
        case .ba: return g.dba[i]
        case .by: return g.dby[i]
        case .a0: return da0?[i]
        case .x:
            guard let t = ref.t, let dz = vector(.dz, t) else { return nil }
            let na = shape.na, Wa = rnn.params.Wa
            return (0..<na).reduce(0.0) { $0 + dz[$1] * Wa[$1, na + i] }
        default: return nil
        }
    }

    /// ‖a<t>(other) − a<t>(self)‖ for t = 1…T: how far a change travels forward.
    public func activationShift(to other: Trace) -> [Double] {
        (1...T).map { t in
            guard let a = vector(.a, t), let b = other.vector(.a, t) else { return 0 }
            return zip(a, b).reduce(0.0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }.squareRoot()
        }
    }
}

extension NetworkEdits {
    /// The value of an editable entry (canonical reference) in `params` and `episode`.
    public static func value(of ref: EntryRef, params p: Params, episode: Episode) -> Double? {
        guard let i = ref.row else { return nil }
        switch ref.symbol {
        case .Wa: return ref.col.flatMap { j in i < p.Wa.rows && j < p.Wa.cols ? p.Wa[i, j] : nil }
        case .Wya: return ref.col.flatMap { j in i < p.Wya.rows && j < p.Wya.cols ? p.Wya[i, j] : nil }
        case .ba: return p.ba.indices.contains(i) ? p.ba[i] : nil
        case .by: return p.by.indices.contains(i) ? p.by[i] : nil
        case .a0: return p.a0.indices.contains(i) ? p.a0[i] : nil
        case .x:
            guard let t = ref.t, episode.x.indices.contains(t - 1), episode.x[t - 1].indices.contains(i) else { return nil }
            return episode.x[t - 1][i]
        default: return nil
        }
    }
}
