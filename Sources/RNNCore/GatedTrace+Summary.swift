/// Summaries of a gated trace's per-step buffers, read in place (the colour ranges, the
/// timeline's gate bars, ‖da<t>‖ and ‖dc<t>‖), as `Trace+Summary` does for the plain cell.
extension GatedTrace {
    /// The workspace quantity that holds `symbol` (a gate, c̃, c, a, the backward vectors), or nil.
    func buffer(_ symbol: Symbol) -> GatedWorkspace.Quantity? {
        switch symbol {
        case .gammaF, .gammaU, .gammaR, .gammaO, .cTilde: return gateIndex(symbol).map { .gate($0) }
        case .c: return .c
        case .a: return .a
        case .zy: return .zy
        case .yHat: return .yHat
        default: break
        }
        guard hasBackward else { return nil }
        switch symbol {
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde: return gateIndex(symbol).map { .dGate($0) }
        case .dzf, .dzu, .dzr, .dzo, .dzc, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep: return gateIndex(symbol).map { .dzGate($0) }
        case .da: return .da
        case .dc: return .dc
        case .daPrev: return .daPrev
        case .dcPrev: return .dcPrev
        default: return nil
        }
    }

    /// Whether step t has a value of a buffered quantity (outputs only where the step has one).
    func has(_ symbol: Symbol, _ t: Int) -> Bool {
        symbol == .zy || symbol == .yHat ? hasOutput(t) : true
    }

    /// max_t max_i |symbol<t>[i]| over the steps that have it, or nil when it is not buffered.
    public func maxAbs(of symbol: Symbol) -> Double? {
        guard let q = buffer(symbol) else { return nil }
        var m = 0.0
        for t in 1...max(T, 1) where has(symbol, t) {
            for v in work.row(q, t) { m = max(m, abs(v)) }
        }
        return m
    }

    /// max_i |symbol<t>[i]| at step t, or nil when it is not buffered (0 where the step has none).
    public func maxAbs(of symbol: Symbol, at t: Int) -> Double? {
        guard let q = buffer(symbol) else { return nil }
        guard has(symbol, t) else { return 0 }
        return work.row(q, t).reduce(0) { max($0, abs($1)) }
    }

    /// ‖symbol<t>‖ at step t; nil when it is not buffered or the step has none.
    public func norm(of symbol: Symbol, at t: Int) -> Double? {
        guard let q = buffer(symbol), has(symbol, t) else { return nil }
        return work.row(q, t).reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// (min, mean, max) of a gate's entries at step t (the timeline's gate bar), or nil.
    public func spread(of symbol: Symbol, at t: Int) -> (min: Double, mean: Double, max: Double)? {
        guard let q = buffer(symbol) else { return nil }
        let part = work.row(q, t)
        guard part.count > 0 else { return nil }
        return (part.min() ?? 0, part.reduce(0, +) / Double(part.count), part.max() ?? 0)
    }
}
