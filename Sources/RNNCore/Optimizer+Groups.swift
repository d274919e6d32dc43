/// The one pass of an update over any list of weight groups — the plain cell's Wa, Wya, ba, by,
/// a gated cell's W and b per gate, Wya, by — so both cells' trainers clip, measure ‖g‖ and
/// step through the same kernel calls (`Kernels.sgd/adagrad/adam`, one call per group).
extension Optimizer {
    /// θ'_k ← rule(θ_k, clip(g_k)) for every group k, written beside the old state: `weights(k, step)`
    /// hands `step` group k's θ_k to read and the buffer to write θ'_k into (as many numbers as
    /// `sizes[k]`); the memory after the update goes into `next` (one update more than this
    /// optimizer, which keeps its own). The gradients (`sizes[k]` numbers at `grads[k]`) are left
    /// clipped. Returns ‖g‖ over all groups before clipping.
    ///
    /// Clipping: elementwise g ← min(max(g, −c), c) inside the pass; global norm g ← g·c/‖g‖ when
    /// ‖g‖ > c, with ‖g‖ measured first (`Kernels.sumOfSquares`).
    func update(sizes: [Int], gradients grads: [UnsafeMutablePointer<Double>], memoryInto next: inout Optimizer,
                kernels k: Kernels, clipping: Clipping,
                weights: (_ group: Int, _ step: (UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Double) -> Double) -> Double {
        precondition(sizes.count == grads.count, "one size per gradient group")
        let (scale, clip, norm) = Self.scaleAndClip(clipping, grads, sizes, k)
        if next.kind != kind || next.learningRate != learningRate
            || next.m.map(\.count) != m.map(\.count) || next.v.map(\.count) != v.map(\.count) {
            next = self
        }
        next.updates = updates + 1
        var squares = 0.0
        for group in grads.indices {
            squares += weights(group) { theta, out in
                next.step(from: theta, grads[group], sizes[group], into: out, group, old: self, k, scale, clip)
            }
        }
        return norm ?? squares.squareRoot()
    }
}
