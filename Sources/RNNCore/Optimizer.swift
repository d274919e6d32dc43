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
///
/// Each update is one pass of a kernel per group that also measures ‖g‖ and clips g.
public struct Optimizer: Sendable {
    public let kind: OptimizerKind
    public let learningRate: Double
    public static let adagradEpsilon = 1e-8
    public static let adamBeta1 = 0.9, adamBeta2 = 0.999, adamEpsilon = 1e-8
    /// Updates made so far (k).
    public var updates = 0
    /// First memory (Adagrad's Σg², Adam's m), per group Wa, Wya, ba, by, each the size of
    /// its group (empty for SGD). Plain arrays, so a saved run can be restored.
    public var m: [[Double]]
    /// Second memory (Adam's v), per group (empty unless Adam).
    public var v: [[Double]]

    /// The sizes of the groups Wa, Wya, ba, by.
    public static func groupSizes(_ shape: Shape) -> [Int] {
        [shape.na * (shape.na + shape.nx), shape.ny * shape.na, shape.na, shape.ny]
    }

    public init(_ kind: OptimizerKind, learningRate: Double, shape: Shape) {
        self.kind = kind
        self.learningRate = learningRate
        let sizes = Self.groupSizes(shape)
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
        for k in groups.indices {
            precondition(grads[k].count == groups[k].count, "gradient and weight sizes differ")
            var g = grads[k]
            g.withUnsafeMutableBufferPointer { g in
                guard let gp = g.baseAddress else { return }
                _ = step(&groups[k], gp, k, .chosen, 1, .infinity)
            }
        }
    }

    /// θ ← update(θ, g) for Wa, Wya, ba, by, with the gradients a `Workspace` holds after `backward`.
    public mutating func update(_ p: inout Params, with ws: Workspace) {
        var ws = ws
        update(&p, with: &ws, clipping: .none)
    }

    /// Clips the workspace's gradients and updates θ with them, one pass per group; returns ‖g‖
    /// (dWa, dWya, dba, dby together) before clipping. The workspace keeps the clipped gradients.
    @discardableResult
    public mutating func update(_ p: inout Params, with ws: inout Workspace, clipping: Clipping) -> Double {
        let m = ws.uniqueTape(), k = ws.kernels
        let grads = [m.dWa, m.dWya, m.dba, m.dby]
        let (scale, clip, norm) = Self.scaleAndClip(clipping, grads, Self.groupSizes(ws.shape), k)
        updates += 1
        var squares = 0.0
        squares += step(&p.Wa.values, grads[0], 0, k, scale, clip)
        squares += step(&p.Wya.values, grads[1], 1, k, scale, clip)
        squares += step(&p.ba, grads[2], 2, k, scale, clip)
        squares += step(&p.by, grads[3], 3, k, scale, clip)
        return norm ?? squares.squareRoot()
    }

    /// The same update written beside the old state instead of over it: θ' into `next` (Wa, Wya,
    /// ba, by; a<0> is p's) and the memory after the update into `nextOptimizer`, which has then
    /// made one update more than this one. `p` and this optimizer keep the state before the step,
    /// so a trainer keeps the last good weights without copying them. The same numbers as
    /// `update(_:with:clipping:)`.
    @discardableResult
    public func update(_ p: Params, into next: inout Params, memoryInto nextOptimizer: inout Optimizer,
                       with ws: inout Workspace, clipping: Clipping) -> Double {
        let o = ws.uniqueTape()
        if next.Wa.values.count != p.Wa.values.count || next.Wya.values.count != p.Wya.values.count
            || next.ba.count != p.ba.count || next.by.count != p.by.count {
            next = p
        }
        next.a0 = p.a0
        let groups: [WritableKeyPath<Params, [Double]>] = [\.Wa.values, \.Wya.values, \.ba, \.by]
        return update(sizes: Self.groupSizes(ws.shape), gradients: [o.dWa, o.dWya, o.dba, o.dby], memoryInto: &nextOptimizer,
                      kernels: ws.kernels, clipping: clipping) { group, step in
            p[keyPath: groups[group]].withUnsafeBufferPointer { theta in
                next[keyPath: groups[group]].withUnsafeMutableBufferPointer { out in
                    guard let t = theta.baseAddress, let to = out.baseAddress else { return 0 }
                    return step(t, to)
                }
            }
        }
    }

    /// The scale and bound the clipping rule puts on g, and ‖g‖ when the rule needs it first.
    static func scaleAndClip(_ clipping: Clipping, _ grads: [UnsafeMutablePointer<Double>], _ n: [Int],
                                     _ k: Kernels) -> (scale: Double, clip: Double, norm: Double?) {
        switch clipping {
        case .none: return (1, .infinity, nil)
        case .elementwise(let c): return (1, c, nil)
        case .globalNorm(let c):   // the norm first, then one pass with g ← g·c/‖g‖
            let s = grads.indices.reduce(0.0) { $0 + k.sumOfSquares(grads[$1], n[$1]) }.squareRoot()
            return (s > c && s.isFinite ? c / s : 1, .infinity, s)
        }
    }

    /// One group, out of place: θ' ← θ − (rule applied to clip(g·scale)) into `out`, this
    /// optimizer's memory ← `old`'s after the step; returns Σ g² before scaling.
    mutating func step(from theta: UnsafePointer<Double>, _ g: UnsafeMutablePointer<Double>, _ n: Int,
                               into out: UnsafeMutablePointer<Double>, _ group: Int, old: Optimizer,
                               _ k: Kernels, _ scale: Double, _ clip: Double) -> Double {
        let lr = learningRate
        switch kind {
        case .sgd:
            return Self.halves(n) { s, c in k.sgd(theta + s, g + s, c, lr: lr, scale: scale, clip: clip, thetaOut: out + s) }
        case .adagrad:
            precondition(old.m[group].count == n, "optimizer memory and weights differ in size")
            return old.m[group].withUnsafeBufferPointer { m in self.m[group].withUnsafeMutableBufferPointer { mOut in
                let m = m.baseAddress!, mOut = mOut.baseAddress!
                return Self.halves(n) { s, c in
                    k.adagrad(theta + s, m + s, g + s, c, lr: lr, eps: Self.adagradEpsilon, scale: scale, clip: clip,
                              thetaOut: out + s, mOut: mOut + s)
                }
            }}
        case .adam:
            precondition(old.m[group].count == n && old.v[group].count == n, "optimizer memory and weights differ in size")
            let b1 = Self.adamBeta1, b2 = Self.adamBeta2
            let c1 = 1 - pow(b1, Double(updates)), c2 = 1 - pow(b2, Double(updates))
            return old.m[group].withUnsafeBufferPointer { m in old.v[group].withUnsafeBufferPointer { v in
                self.m[group].withUnsafeMutableBufferPointer { mOut in self.v[group].withUnsafeMutableBufferPointer { vOut in
                    let m = m.baseAddress!, v = v.baseAddress!, mOut = mOut.baseAddress!, vOut = vOut.baseAddress!
                    return Self.halves(n) { s, c in
                        k.adam(theta + s, m + s, v + s, g + s, c, lr: lr, b1: b1, b2: b2, c1: c1, c2: c2,
                               eps: Self.adamEpsilon, scale: scale, clip: clip, thetaOut: out + s, mOut: mOut + s,
                               vOut: vOut + s)
                    }
                }}
            }}
        }
    }

    /// One group: θ ← θ − (rule applied to clip(g·scale)); returns Σ g² before scaling.
    private mutating func step(_ theta: inout [Double], _ g: UnsafeMutablePointer<Double>, _ group: Int,
                               _ k: Kernels, _ scale: Double, _ clip: Double) -> Double {
        let lr = learningRate, n = theta.count
        switch kind {
        case .sgd:
            return theta.withUnsafeMutableBufferPointer { t in
                let t = t.baseAddress!
                return Self.halves(n) { s, c in k.sgd(t + s, g + s, c, lr: lr, scale: scale, clip: clip) }
            }
        case .adagrad:
            precondition(m[group].count == n, "optimizer memory and weights differ in size")
            return theta.withUnsafeMutableBufferPointer { t in m[group].withUnsafeMutableBufferPointer { m in
                let t = t.baseAddress!, m = m.baseAddress!
                return Self.halves(n) { s, c in
                    k.adagrad(t + s, m + s, g + s, c, lr: lr, eps: Self.adagradEpsilon, scale: scale, clip: clip)
                }
            }}
        case .adam:
            precondition(m[group].count == n && v[group].count == n, "optimizer memory and weights differ in size")
            let b1 = Self.adamBeta1, b2 = Self.adamBeta2
            let c1 = 1 - pow(b1, Double(updates)), c2 = 1 - pow(b2, Double(updates))
            return theta.withUnsafeMutableBufferPointer { t in m[group].withUnsafeMutableBufferPointer { m in
                v[group].withUnsafeMutableBufferPointer { v in
                    let t = t.baseAddress!, m = m.baseAddress!, v = v.baseAddress!
                    return Self.halves(n) { s, c in
                        k.adam(t + s, m + s, v + s, g + s, c, lr: lr, b1: b1, b2: b2,
                               c1: c1, c2: c2, eps: Self.adamEpsilon, scale: scale, clip: clip)
                    }
                }
            }}
        }
    }

    /// Groups of at least this many numbers are updated in two halves, on two cores.
    static let halvesMin = 2048

    /// An element-wise pass over n numbers, as `pass(start, count)`: from `halvesMin` numbers on
    /// in two halves (the second from a multiple of 8), the second on the second core while this
    /// thread does the first (`Overlap`); returns the first half's result + the second's (Σ g²).
    /// The split depends on n alone, so the numbers are the same on one thread or two.
    static func halves(_ n: Int, _ pass: (Int, Int) -> Double) -> Double {
        guard n >= halvesMin else { return pass(0, n) }
        let h = (n / 2 + 7) / 8 * 8
        return withoutActuallyEscaping(pass) { pass in
            var second = 0.0
            var overlap = Overlap()
            overlap.post { _ in second = pass(h, n - h) }
            let first = pass(0, h)
            overlap.join()
            return first + second
        }
    }
}
