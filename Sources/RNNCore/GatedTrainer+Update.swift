/// A gated cell's update on the kernels: the gradients stay in the workspace, the weights are
/// read and written in place, group by group (`Optimizer.update(sizes:gradients:…)`, as the
/// plain cell's), in the order of `GatedTrainer.groupSizes`: W of each gate, b of each gate, Wya, by.
extension Optimizer {
    /// Clips the workspace's gradients (after `backward`) and writes θ' = rule(θ, clip(g)) for
    /// every trained group of `p` into `next` (a<0>, c<0> are p's) and the memory after the update
    /// into `nextOptimizer`; `p` and this optimizer keep the state before the step. Returns ‖g‖
    /// over dW, db of every gate, dWya, dby before clipping.
    @discardableResult
    public func update(_ p: GatedParams, into next: inout GatedParams, memoryInto nextOptimizer: inout Optimizer,
                       with ws: GatedWorkspace, clipping: Clipping) -> Double {
        let sizes = GatedTrainer.groupSizes(p)
        if GatedTrainer.groupSizes(next) != sizes || next.cell != p.cell { next = p }
        next.a0 = p.a0
        next.c0 = p.c0
        return update(sizes: sizes, gradients: ws.gradientGroups, memoryInto: &nextOptimizer, kernels: ws.kernels,
                      clipping: clipping) { group, step in
            p.withGroup(group) { theta in
                next.withMutableGroup(group) { out in
                    guard let t = theta.baseAddress, let o = out.baseAddress else { return 0 }
                    return step(t, o)
                }
            }
        }
    }
}

extension GatedWorkspace {
    /// Where the gradients of `GatedTrainer.groupSizes`' groups lie: dW of each gate, db of each
    /// gate, dWya, dby (each contiguous, in the layout of `GatedParams`).
    var gradientGroups: [UnsafeMutablePointer<Double>] {
        let K = shape.cell.gates.count, ld = na + nx
        return (0..<K).map { dW + $0 * na * ld } + (0..<K).map { db + $0 * na } + [dWya, dby]
    }
}

extension GatedParams {
    /// Trained group g (`GatedTrainer.groupSizes`' order: W of each gate, b of each gate, Wya, by), to read.
    func withGroup<R>(_ g: Int, _ body: (UnsafeBufferPointer<Double>) -> R) -> R {
        let K = W.count
        switch g {
        case ..<K: return W[g].values.withUnsafeBufferPointer(body)
        case K..<(2 * K): return b[g - K].withUnsafeBufferPointer(body)
        case 2 * K: return Wya.values.withUnsafeBufferPointer(body)
        default: return by.withUnsafeBufferPointer(body)
        }
    }

    /// Trained group g, to write (copied first if another value shares it).
    mutating func withMutableGroup<R>(_ g: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
        let K = W.count
        switch g {
        case ..<K: return W[g].values.withUnsafeMutableBufferPointer { body($0) }
        case K..<(2 * K): return b[g - K].withUnsafeMutableBufferPointer { body($0) }
        case 2 * K: return Wya.values.withUnsafeMutableBufferPointer { body($0) }
        default: return by.withUnsafeMutableBufferPointer { body($0) }
        }
    }
}
