import Foundation

/// g1, the hidden activation: `a<t> = g1(z<t>)`.
public enum HiddenActivation: String, CaseIterable, Sendable {
    case tanh, relu

    /// g1(z)
    @inlinable public func apply(_ z: Double) -> Double {
        switch self {
        case .tanh: return Foundation.tanh(z)
        case .relu: return z > 0 ? z : (z.isNaN ? z : 0)
        }
    }

    /// g1'(z), written from the output a = g1(z) (both activations allow it):
    /// tanh' = 1 − a², relu' = 1 if a > 0 else 0 (0 at exactly z = 0).
    @inlinable public func derivative(fromOutput a: Double) -> Double {
        switch self {
        case .tanh: return 1 - a * a
        case .relu: return a > 0 ? 1 : (a.isNaN ? a : 0)
        }
    }

    public var formula: String {
        switch self {
        case .tanh: return "tanh"
        case .relu: return "ReLU"
        }
    }
}

/// g2, the output activation: `ŷ<t> = g2(Wya a<t> + by)`.
public enum OutputActivation: String, CaseIterable, Sendable {
    case sigmoid, softmax

    /// ŷ = g2(o), element-wise for sigmoid, over the whole vector for softmax (max subtracted).
    public func apply(_ o: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        switch self {
        case .sigmoid:
            for i in 0..<o.count { out[i] = Self.sigmoid(o[i]) }
        case .softmax:
            var m = -Double.infinity
            for v in o where v > m { m = v }
            if !m.isFinite { m = 0 }
            var s = 0.0
            for i in 0..<o.count { let e = exp(o[i] - m); out[i] = e; s += e }
            for i in 0..<o.count { out[i] /= s }
        }
    }

    /// L<t> from the logits `o` and the target `y`, computed stably:
    /// sigmoid: Σ_i max(o_i,0) − o_i y_i + log(1 + e^(−|o_i|))  (= Σ −y log ŷ − (1−y) log(1−ŷ));
    /// softmax: logsumexp(o) · Σ y − Σ_i y_i o_i  (= −Σ y log ŷ).
    public func loss(logits o: UnsafeBufferPointer<Double>, target y: UnsafeBufferPointer<Double>) -> Double {
        switch self {
        case .sigmoid:
            var l = 0.0
            for i in 0..<o.count {
                let v = o[i]
                l += max(v, 0) - v * y[i] + log1p(exp(-abs(v)))
            }
            return l
        case .softmax:
            var m = -Double.infinity
            for v in o where v > m { m = v }
            if !m.isFinite { m = 0 }
            var s = 0.0
            for v in o { s += exp(v - m) }
            let lse = m + log(s)
            var l = 0.0
            for i in 0..<o.count where y[i] != 0 { l += y[i] * (lse - o[i]) }
            return l
        }
    }

    @inlinable static func sigmoid(_ v: Double) -> Double {
        v >= 0 ? 1 / (1 + exp(-v)) : { let e = exp(v); return e / (1 + e) }()
    }
}
