import Foundation

/// The update rules a training run can use.
public enum OptimizerKind: String, CaseIterable, Sendable {
    case sgd, adagrad, adam

    /// The learning rate used when none is given: the course's 0.01 for SGD, min-char-rnn's 0.1
    /// for Adagrad, 0.01 for Adam (small models, few steps).
    public var defaultLearningRate: Double {
        switch self {
        case .sgd: return 0.01
        case .adagrad: return 0.1
        case .adam: return 0.01
        }
    }
}

/// An optimizer and its memory, one slot per entry of Wa, Wya, ba, by (a<0> is not trained).
///
/// - SGD: θ ← θ − α·g
/// - Adagrad (min-char-rnn): m ← m + g²;  θ ← θ − α·g / √(m + 1e-8)
/// - Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8): m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;
///   θ ← θ − α·m̂ / (√v̂ + ε) with m̂ = m / (1−β1ᵏ), v̂ = v / (1−β2ᵏ) at update k = 1, 2, …
public struct Optimizer: Sendable {
    public let kind: OptimizerKind
    public let learningRate: Double
    public static let adagradEpsilon = 1e-8
    public static let adamBeta1 = 0.9, adamBeta2 = 0.999, adamEpsilon = 1e-8
    /// Updates made so far (k).
    public private(set) var updates = 0
    /// First memory (Adagrad's Σg², Adam's m), per group Wa, Wya, ba, by.
    private var m: [[Double]]
    /// Second memory (Adam's v), per group.
    private var v: [[Double]]

    public init(_ kind: OptimizerKind, learningRate: Double, shape: Shape) {
        self.kind = kind
        self.learningRate = learningRate
        let sizes = [shape.na * (shape.na + shape.nx), shape.ny * shape.na, shape.na, shape.ny]
        m = kind == .sgd ? [] : sizes.map { Array(repeating: 0, count: $0) }
        v = kind == .adam ? sizes.map { Array(repeating: 0, count: $0) } : []
    }

    /// An optimizer over groups of the given sizes (a gated cell's W and b per gate, Wya, by).
    public init(_ kind: OptimizerKind, learningRate: Double, groupSizes sizes: [Int]) {
        self.kind = kind
        self.learningRate = learningRate
        m = kind == .sgd ? [] : sizes.map { Array(repeating: 0, count: $0) }
        v = kind == .adam ? sizes.map { Array(repeating: 0, count: $0) } : []
    }

    /// θ_k ← update(θ_k, g_k) for every group k (the sizes given to `init(_:learningRate:groupSizes:)`).
    public mutating func update(_ groups: inout [[Double]], with grads: [[Double]]) {
        updates += 1
        for k in groups.indices { step(&groups[k], grads[k], k) }
    }

    /// θ ← update(θ, g) for Wa, Wya, ba, by, with the gradients a `Workspace` holds after `backward`.
    public mutating func update(_ p: inout Params, with ws: Workspace) {
        updates += 1
        step(&p.Wa.values, ws.dWa, 0)
        step(&p.Wya.values, ws.dWya, 1)
        step(&p.ba, ws.dba, 2)
        step(&p.by, ws.dby, 3)
    }

    /// One group: θ (n) ← θ − α·(rule applied to g (n)), with this optimizer's memory of the group.
    private mutating func step(_ theta: inout [Double], _ g: [Double], _ group: Int) {
        precondition(theta.count == g.count, "gradient and weight sizes differ")
        let lr = learningRate, n = theta.count
        switch kind {
        case .sgd:
            theta.withUnsafeMutableBufferPointer { t in g.withUnsafeBufferPointer { g in
                for i in 0..<n { t[i] -= lr * g[i] }
            }}
        case .adagrad:
            let eps = Self.adagradEpsilon
            theta.withUnsafeMutableBufferPointer { t in g.withUnsafeBufferPointer { g in
            m[group].withUnsafeMutableBufferPointer { m in
                for i in 0..<n {
                    m[i] += g[i] * g[i]
                    t[i] -= lr * g[i] / (m[i] + eps).squareRoot()
                }
            }}}
        case .adam:
            let b1 = Self.adamBeta1, b2 = Self.adamBeta2, eps = Self.adamEpsilon
            let c1 = 1 - pow(b1, Double(updates)), c2 = 1 - pow(b2, Double(updates))
            theta.withUnsafeMutableBufferPointer { t in g.withUnsafeBufferPointer { g in
            m[group].withUnsafeMutableBufferPointer { m in v[group].withUnsafeMutableBufferPointer { v in
                for i in 0..<n {
                    m[i] = b1 * m[i] + (1 - b1) * g[i]
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                    t[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                }
            }}}}
        }
    }
}
