/// How the gradients of the shared weights are clipped before an update.
public enum Clipping: Equatable, Sendable {
    /// No clipping.
    case none
    /// Every entry of dWa, dWya, dba, dby to [−c, c], as the course's `clip(gradients, maxValue)`
    /// (`np.clip(g, -c, c)`) and min-char-rnn do. The direction of the gradient may change.
    case elementwise(Double)
    /// g ← g · c / ‖g‖ when ‖g‖ > c, where ‖g‖ is the Euclidean norm of dWa, dWya, dba and dby
    /// taken together: the direction is kept, only the length is capped.
    case globalNorm(Double)

    /// g ← clip(g)   for the buffers `parts` (any lengths); returns ‖g‖ before clipping.
    @discardableResult
    public func apply(_ parts: inout [[Double]]) -> Double {
        let norm = parts.reduce(0.0) { $0 + Self.sumOfSquares($1) }.squareRoot()
        switch self {
        case .none: break
        case .elementwise(let c):
            for k in parts.indices { Self.clamp(&parts[k], c) }
        case .globalNorm(let c):
            guard norm > c, norm.isFinite else { break }
            for k in parts.indices { Self.scale(&parts[k], c / norm) }
        }
        return norm
    }

    /// g_i ← min(max(g_i, −c), c)   (any length); NaN stays NaN.
    static func clamp(_ g: inout [Double], _ c: Double) {
        g.withUnsafeMutableBufferPointer { g in
            for i in 0..<g.count { g[i] = g[i] > c ? c : (g[i] < -c ? -c : g[i]) }
        }
    }

    /// s ← s · f   (any length)
    static func scale(_ g: inout [Double], _ f: Double) {
        g.withUnsafeMutableBufferPointer { g in for i in 0..<g.count { g[i] *= f } }
    }

    /// Σ g_i²   (any length)
    static func sumOfSquares(_ g: [Double]) -> Double {
        g.withUnsafeBufferPointer { g in
            var s = 0.0
            for i in 0..<g.count { s += g[i] * g[i] }
            return s
        }
    }
}

extension Workspace {
    /// Clips dWa, dWya, dba, dby in place after `backward`; returns ‖g‖ over all four before
    /// clipping (the Euclidean norm, as `Clipping.globalNorm` measures it). Training does the
    /// same inside the optimizer's pass (`Optimizer.update(_:with:clipping:)`).
    @discardableResult
    public mutating func clipGradients(_ clipping: Clipping) -> Double {
        var parts = [dWa, dWya, dba, dby]
        let norm = clipping.apply(&parts)
        (dWa, dWya, dba, dby) = (parts[0], parts[1], parts[2], parts[3])
        return norm
    }
}
