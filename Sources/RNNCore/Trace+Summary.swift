/// Summaries of a whole quantity over the steps, read straight from the trace's buffers (so
/// the views never slice them): colour ranges and the timeline's ‖da<t>‖.
extension Trace {
    /// The workspace's per-step vector for a quantity, when the trace keeps one.
    private func buffer(_ symbol: Symbol) -> Workspace.StepVector? {
        guard gated == nil else { return nil }
        switch symbol {
        case .z: return .z
        case .a: return .a
        case .zy: return .zy
        case .yHat: return .yHat
        case .dy, .dbyStep: return hasBackward ? .dy : nil
        case .da: return hasBackward ? .da : nil
        case .dz, .dbaStep: return hasBackward ? .dz : nil
        case .daPrev, .daNext: return hasBackward ? .daPrev : nil
        default: return nil
        }
    }

    /// Whether the forward pass fills the buffer (dy comes with ŷ), so reading it needs no backward pass.
    private static func isForward(_ q: Workspace.StepVector) -> Bool {
        switch q {
        case .z, .a, .zy, .yHat, .dy: return true
        case .da, .dz, .daPrev: return false
        }
    }

    /// Whether step t has the buffered quantity (an output, a target).
    private func has(_ symbol: Symbol, _ t: Int) -> Bool {
        switch symbol {
        case .zy, .yHat: return hasOutput(t)
        case .dy, .loss: return hasTarget(t)
        default: return true
        }
    }

    /// max_t max_i |symbol<t>[i]| over every step that has it; for a shared parameter or a
    /// total, max_i |symbol[i]|. 0 when the trace does not have it.
    public func maxAbs(of symbol: Symbol) -> Double {
        if let m = gated?.maxAbs(of: symbol) { return m }
        if let q = buffer(symbol) { return (Self.isForward(q) ? forwardPass : workspace).maxAbs(q) }
        if symbol == .loss, gated == nil { return forwardPass.loss.reduce(0) { max($0, abs($1)) } }
        if symbol.isPerStep {
            return (1...max(T, 1)).reduce(0) { max($0, maxAbs(of: symbol, at: $1)) }
        }
        return tensor(symbol, t: nil).map { $0.values.reduce(0) { max($0, abs($1)) } } ?? 0
    }

    /// max_i |symbol<t>[i]| at step t (1-based); 0 where the step does not have it.
    public func maxAbs(of symbol: Symbol, at t: Int) -> Double {
        if let m = gated?.maxAbs(of: symbol, at: t) { return m }
        if let q = buffer(symbol), symbol != .daNext {
            guard has(symbol, t) else { return 0 }
            return (Self.isForward(q) ? forwardPass : workspace).vector(q, t).reduce(0) { max($0, abs($1)) }
        }
        return (tensor(symbol, t: t)?.values ?? []).reduce(0) { max($0, abs($1)) }
    }

    /// ‖symbol<t>‖ = √(Σ_i symbol<t>[i]²) at step t (1-based), or nil where the step does not
    /// have it (no backward pass for a gradient, no output or target).
    public func norm(of symbol: Symbol, at t: Int) -> Double? {
        if let g = gated, g.buffer(symbol) != nil { return g.norm(of: symbol, at: t) }
        if let q = buffer(symbol), symbol != .daNext {
            guard has(symbol, t) else { return nil }
            return (Self.isForward(q) ? forwardPass : workspace).norm(q, t)
        }
        return tensor(symbol, t: t).map { $0.values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    }
}
