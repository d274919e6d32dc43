/// Forward propagation and backpropagation through time on flat buffers, written side by
/// side so each backward line can be read against the forward line it differentiates.
///
/// All per-step vectors live in one flat array per quantity (step t at offset (t−1)·width),
/// so a lesson's trace and the benchmark share this one implementation.
public struct Workspace: Sendable {
    public let shape: Shape
    public let T: Int
    public var hasInput: [Bool]
    public var hasOutput: [Bool]
    public var hasTarget: [Bool]
    /// The inputs x<t> and targets y<t>, shared with the episode (not copied).
    public private(set) var xs: [[Double]]
    public private(set) var ys: [[Double]?]
    // forward, per step
    public var z: [Double]      // T × n_a
    public var a: [Double]      // T × n_a
    public var zy: [Double]     // T × n_y   (Wya a<t> + by, the logits)
    public var yHat: [Double]   // T × n_y
    public var loss: [Double]   // T         (0 where no target)
    public var totalLoss = 0.0
    // backward, per step
    public var dy: [Double]     // T × n_y
    public var da: [Double]     // T × n_a
    public var dz: [Double]     // T × n_a
    public var daPrev: [Double] // T × n_a
    // gradients of the shared weights (sums over all steps)
    public var dWa: [Double]    // n_a × (n_a+n_x)
    public var dWya: [Double]   // n_y × n_a
    public var dba: [Double]    // n_a
    public var dby: [Double]    // n_y
    public var da0: [Double]    // n_a
    // scratch: Waaᵀ and Wyaᵀ, row-major
    private var WaaT: [Double]  // n_a × n_a
    private var WyaT: [Double]  // n_a × n_y

    public init(shape: Shape, episode: Episode) {
        let T = episode.T, nx = shape.nx, na = shape.na, ny = shape.ny
        self.shape = shape
        self.T = T
        hasInput = episode.layout.hasInput
        hasOutput = episode.layout.hasOutput
        hasTarget = episode.y.map { $0 != nil }
        xs = episode.x
        ys = episode.y
        precondition(xs.allSatisfy { $0.count == nx }, "input width must be n_x")
        precondition(ys.allSatisfy { $0 == nil || $0?.count == ny }, "target width must be n_y")
        z = Array(repeating: 0, count: T * na); a = z; da = z; dz = z; daPrev = z
        zy = Array(repeating: 0, count: T * ny); yHat = zy; dy = zy
        loss = Array(repeating: 0, count: T)
        dWa = Array(repeating: 0, count: na * (na + nx))
        dWya = Array(repeating: 0, count: ny * na)
        dba = Array(repeating: 0, count: na)
        dby = Array(repeating: 0, count: ny)
        da0 = Array(repeating: 0, count: na)
        WaaT = Array(repeating: 0, count: na * na)
        WyaT = Array(repeating: 0, count: na * ny)
    }

    /// Takes the inputs, targets and layout of another episode of the same length, keeping
    /// the buffers (training reuses one workspace per sequence length).
    public mutating func load(_ episode: Episode) {
        precondition(episode.T == T, "a workspace is reused only for episodes of its length")
        hasInput = episode.layout.hasInput
        hasOutput = episode.layout.hasOutput
        hasTarget = episode.y.map { $0 != nil }
        xs = episode.x
        ys = episode.y
        precondition(xs.allSatisfy { $0.count == shape.nx }, "input width must be n_x")
        precondition(ys.allSatisfy { $0 == nil || $0?.count == shape.ny }, "target width must be n_y")
        for i in dy.indices { dy[i] = 0 }   // rows of steps without a target stay zero
    }

    /// Forward over t = 1…T; returns L = Σ_t L<t> over the steps with a target.
    ///
    /// a<t> = g1(Wa·[a<t-1>; x<t>] + ba)   (n_a);   ŷ<t> = g2(Wya·a<t> + by)   (n_y)
    @discardableResult
    public mutating func forward(_ p: Params) -> Double {
        let nx = shape.nx, na = shape.na, ny = shape.ny, ld = na + nx, g1 = shape.g1, g2 = shape.g2
        var total = 0.0
        p.Wa.values.withUnsafeBufferPointer { Wa in
        p.Wya.values.withUnsafeBufferPointer { Wya in
        p.a0.withUnsafeBufferPointer { a0 in
        p.ba.withUnsafeBufferPointer { ba in
        p.by.withUnsafeBufferPointer { by in
        z.withUnsafeMutableBufferPointer { z in
        a.withUnsafeMutableBufferPointer { a in
        zy.withUnsafeMutableBufferPointer { zy in
        yHat.withUnsafeMutableBufferPointer { yHat in
            let Wa = Wa.baseAddress!, Wya = Wya.baseAddress!
            for t in 0..<T {
                let aPrev = t == 0 ? a0.baseAddress! : UnsafePointer(a.baseAddress! + (t - 1) * na)
                let zt = z.baseAddress! + t * na, at = a.baseAddress! + t * na
                // z<t> = Waa a<t-1> + Wax x<t> + ba   (the two blocks of Wa · [a<t-1>; x<t>])
                for i in 0..<na { zt[i] = ba[i] }
                Kernels.matVecAdd(Wa, rows: na, cols: na, ld: ld, aPrev, zt)
                if hasInput[t] {
                    xs[t].withUnsafeBufferPointer { Kernels.matVecAddSparse(Wa + na, rows: na, cols: nx, ld: ld, $0.baseAddress!, zt) }
                }
                // a<t> = g1(z<t>)
                for i in 0..<na { at[i] = g1.apply(zt[i]) }
                guard hasOutput[t] else { continue }
                // ŷ<t> = g2(Wya a<t> + by)
                let ot = zy.baseAddress! + t * ny
                for i in 0..<ny { ot[i] = by[i] }
                Kernels.matVecAdd(Wya, rows: ny, cols: na, ld: na, at, ot)
                g2.apply(UnsafeBufferPointer(start: ot, count: ny),
                         into: UnsafeMutableBufferPointer(start: yHat.baseAddress! + t * ny, count: ny))
                // L<t> = cross-entropy(ŷ<t>, y<t>), from the logits
                if let target = ys[t] {
                    let l = target.withUnsafeBufferPointer { g2.loss(logits: UnsafeBufferPointer(start: ot, count: ny), target: $0) }
                    loss[t] = l
                    total += l
                }
            }
        }}}}}}}}}
        totalLoss = total
        return total
    }

    /// Backpropagation through time, t = T…1, after `forward`. Fills dy, da, dz, daPrev per
    /// step, then the gradients of the shared weights, each the sum over the steps of that
    /// step's contribution: dWa = Σ_t dz<t>·[a<t-1>; x<t>]ᵀ, dba = Σ_t dz<t>,
    /// dWya = Σ_t dy<t>·a<t>ᵀ, dby = Σ_t dy<t>; and da0 = ∂L/∂a<0>. With `sums: false` the
    /// weight gradients are left alone (the trace adds them up itself, step by step).
    public mutating func backward(_ p: Params, sums: Bool = true) {
        let nx = shape.nx, na = shape.na, ny = shape.ny, ld = na + nx, g1 = shape.g1, T = T
        let hasInput = hasInput, xs = xs, ys = ys
        // Waaᵀ and Wyaᵀ row by row, so the products below are contiguous dot products
        for i in 0..<na { for j in 0..<na { WaaT[j * na + i] = p.Wa.values[i * ld + j] } }
        for i in 0..<ny { for j in 0..<na { WyaT[j * ny + i] = p.Wya.values[i * na + j] } }
        var daNext = [Double](repeating: 0, count: na)   // ∂L/∂a<t> from the future (step t+1)
        WaaT.withUnsafeBufferPointer { WaaT in
        WyaT.withUnsafeBufferPointer { WyaT in
        p.a0.withUnsafeBufferPointer { a0 in
        a.withUnsafeBufferPointer { a in
        yHat.withUnsafeBufferPointer { yHat in
        dy.withUnsafeMutableBufferPointer { dy in
        da.withUnsafeMutableBufferPointer { da in
        dz.withUnsafeMutableBufferPointer { dz in
        daPrev.withUnsafeMutableBufferPointer { daPrev in
        dWa.withUnsafeMutableBufferPointer { dWa in
        dWya.withUnsafeMutableBufferPointer { dWya in
        dba.withUnsafeMutableBufferPointer { dba in
        dby.withUnsafeMutableBufferPointer { dby in
        daNext.withUnsafeMutableBufferPointer { daNext in
            let WaaT = WaaT.baseAddress!, WyaT = WyaT.baseAddress!
            for t in stride(from: T - 1, through: 0, by: -1) {
                let at = a.baseAddress! + t * na
                let dyt = dy.baseAddress! + t * ny, dat = da.baseAddress! + t * na
                let dzt = dz.baseAddress! + t * na, dapt = daPrev.baseAddress! + t * na
                // da<t> = Wyaᵀ dy<t> + da_next
                for i in 0..<na { dat[i] = daNext[i] }
                if let target = ys[t] {
                    // dy<t> = ŷ<t> − y<t>   (both losses, from the logits)
                    for i in 0..<ny { dyt[i] = yHat[t * ny + i] - target[i] }
                    Kernels.matVecAdd(WyaT, rows: na, cols: ny, ld: ny, dyt, dat)
                }
                // dz<t> = da<t> ⊙ g1'(z<t>)
                for i in 0..<na { dzt[i] = dat[i] * g1.derivative(fromOutput: at[i]) }
                // da<t-1> = Waaᵀ dz<t>
                for i in 0..<na { dapt[i] = 0 }
                Kernels.matVecAdd(WaaT, rows: na, cols: na, ld: na, dzt, dapt)
                for i in 0..<na { daNext[i] = dapt[i] }
            }
            guard sums else { return }
            // The shared weights: each gradient is the sum of every step's contribution.
            let dWaP = dWa.baseAddress!, dzP = UnsafePointer(dz.baseAddress!), dyP = UnsafePointer(dy.baseAddress!)
            for i in 0..<dWa.count { dWa[i] = 0 }
            for i in 0..<dWya.count { dWya[i] = 0 }
            // dWaa = Σ_t dz<t> a<t-1>ᵀ: step 1 with a<0>, steps 2…T with a<1>…a<T-1>
            Kernels.outerAdd(dWaP, rows: na, cols: na, ld: ld, dzP, a0.baseAddress!)
            if T > 1 {
                Kernels.addTransposedProduct(dWaP, rows: na, cols: na, ld: ld,
                                             dzP + na, lda: na, a.baseAddress!, ldb: na, steps: T - 1)
            }
            // dWax = Σ_t dz<t> x<t>ᵀ (one-hot inputs visit one column)
            for t in 0..<T where hasInput[t] {
                xs[t].withUnsafeBufferPointer { Kernels.outerAddSparse(dWaP + na, rows: na, cols: nx, ld: ld, dzP + t * na, $0.baseAddress!) }
            }
            // dWya = Σ_t dy<t> a<t>ᵀ (dy<t> = 0 where the step has no target)
            Kernels.addTransposedProduct(dWya.baseAddress!, rows: ny, cols: na, ld: na,
                                         dyP, lda: ny, a.baseAddress!, ldb: na, steps: T)
            // dba = Σ_t dz<t>;  dby = Σ_t dy<t>
            for i in 0..<na { dba[i] = 0 }
            for i in 0..<ny { dby[i] = 0 }
            for t in 0..<T {
                for i in 0..<na { dba[i] += dzP[t * na + i] }
                for i in 0..<ny { dby[i] += dyP[t * ny + i] }
            }
        }}}}}}}}}}}}}}
        for i in 0..<na { da0[i] = daNext[i] }
    }
}
