/// Summaries of a gated trace's per-step buffers, read in place (the colour ranges, the
/// timeline's gate bars, ‖da<t>‖ and ‖dc<t>‖), as `Trace+Summary` does for the plain cell.
extension GatedTrace {
    /// The flat T × width buffer that holds `symbol` (a gate, c̃, c, a, the backward vectors), or nil.
    func buffer(_ symbol: Symbol) -> (values: [Double], width: Int)? {
        let na = shape.na, ny = shape.ny
        switch symbol {
        case .gammaF, .gammaU, .gammaR, .gammaO, .cTilde: return gateIndex(symbol).map { (act[$0], na) }
        case .c: return (c, na)
        case .a: return (a, na)
        case .zy: return (zy, ny)
        case .yHat: return (yHat, ny)
        default: break
        }
        guard hasBackward else { return nil }
        switch symbol {
        case .dGammaF, .dGammaU, .dGammaR, .dGammaO, .dcTilde: return gateIndex(symbol).map { (dact[$0], na) }
        case .dzf, .dzu, .dzr, .dzo, .dzc, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep: return gateIndex(symbol).map { (dz[$0], na) }
        case .da: return (da, na)
        case .dc: return (dc, na)
        case .daPrev: return (daPrev, na)
        case .dcPrev: return (dcPrev, na)
        default: return nil
        }
    }

    /// Whether step t has a value of a buffered quantity (outputs only where the step has one).
    func has(_ symbol: Symbol, _ t: Int) -> Bool {
        symbol == .zy || symbol == .yHat ? hasOutput(t) : true
    }

    /// max_t max_i |symbol<t>[i]| over the steps that have it, or nil when it is not buffered.
    public func maxAbs(of symbol: Symbol) -> Double? {
        guard let (v, w) = buffer(symbol) else { return nil }
        var m = 0.0
        for t in 1...max(T, 1) where has(symbol, t) {
            for i in ((t - 1) * w)..<(t * w) { m = max(m, abs(v[i])) }
        }
        return m
    }

    /// max_i |symbol<t>[i]| at step t, or nil when it is not buffered (0 where the step has none).
    public func maxAbs(of symbol: Symbol, at t: Int) -> Double? {
        guard let (v, w) = buffer(symbol) else { return nil }
        guard has(symbol, t) else { return 0 }
        return v[((t - 1) * w)..<(t * w)].reduce(0) { max($0, abs($1)) }
    }

    /// ‖symbol<t>‖ at step t; nil when it is not buffered or the step has none.
    public func norm(of symbol: Symbol, at t: Int) -> Double? {
        guard let (v, w) = buffer(symbol), has(symbol, t) else { return nil }
        return v[((t - 1) * w)..<(t * w)].reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// (min, mean, max) of a gate's entries at step t (the timeline's gate bar), or nil.
    public func spread(of symbol: Symbol, at t: Int) -> (min: Double, mean: Double, max: Double)? {
        guard let (v, w) = buffer(symbol), w > 0 else { return nil }
        let part = v[((t - 1) * w)..<(t * w)]
        return (part.min() ?? 0, part.reduce(0, +) / Double(w), part.max() ?? 0)
    }
}
