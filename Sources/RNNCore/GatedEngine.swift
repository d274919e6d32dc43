import Foundation

/// Forward propagation and BPTT for the GRU and the LSTM on flat buffers (step t at offset
/// t·n_a, 0-based), through RNNCore's kernels. See `GatedCell` for the equations; every
/// backward line below is written under the forward line it differentiates.
///
/// A class holding manually allocated buffers (freed in deinit); a trace copies what it needs.
public final class GatedWorkspace: @unchecked Sendable {
    public let shape: GatedShape
    public let T: Int
    var hasInput: [Bool]
    var hasOutput: [Bool]
    var xs: [[Double]]
    var ys: [[Double]?]
    let na: Int, nx: Int, ny: Int
    /// Per gate k (aligned with `cell.gates`): Γ<t> for a σ gate, c̃<t> for the candidate   (T × n_a)
    let act: [UnsafeMutablePointer<Double>]
    /// ∂L/∂Γ<t> (or ∂L/∂c̃<t>) per gate   (T × n_a)
    let dact: [UnsafeMutablePointer<Double>]
    /// ∂L/∂(pre-activation) per gate: dz = dΓ ⊙ Γ(1−Γ), or dc̃ ⊙ (1 − c̃²)   (T × n_a)
    let dz: [UnsafeMutablePointer<Double>]
    /// c<t>, a<t>, tanh(c<t>) (LSTM)   (T × n_a)
    let c, a, tanhC: UnsafeMutablePointer<Double>
    /// Wya a<t> + by, ŷ<t>, dy<t>   (T × n_y)
    let zy, yHat, dy: UnsafeMutablePointer<Double>
    /// da<t>, dc<t> (totals), da_prev<t>, dc_prev<t>   (T × n_a)
    let da, dc, daPrev, dcPrev: UnsafeMutablePointer<Double>
    /// L<t> (0 where no target)
    public private(set) var loss: [Double]
    public private(set) var totalLoss = 0.0
    /// dW, db per gate (sums over all steps), dWya, dby, da<0>, dc<0>
    let dW: [UnsafeMutablePointer<Double>], db: [UnsafeMutablePointer<Double>]
    let dWya, dby, da0, dc0: UnsafeMutablePointer<Double>
    /// scratch: Γr ⊙ c<t-1> (GRU), a column of n_a
    let scratch: UnsafeMutablePointer<Double>
    private var owned: [(UnsafeMutablePointer<Double>, Int)] = []

    public init(shape: GatedShape, episode: Episode) {
        let T = episode.T, na = shape.na, nx = shape.nx, ny = shape.ny, k = shape.cell.gates.count
        self.shape = shape; self.T = T; self.na = na; self.nx = nx; self.ny = ny
        hasInput = episode.layout.hasInput; hasOutput = episode.layout.hasOutput
        xs = episode.x; ys = episode.y
        precondition(xs.allSatisfy { $0.count == nx } && ys.allSatisfy { $0 == nil || $0?.count == ny },
                     "input and target widths must be n_x and n_y")
        var owned: [(UnsafeMutablePointer<Double>, Int)] = []
        func alloc(_ n: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
            p.initialize(repeating: 0, count: max(n, 1))
            owned.append((p, max(n, 1)))
            return p
        }
        act = (0..<k).map { _ in alloc(T * na) }
        dact = (0..<k).map { _ in alloc(T * na) }
        dz = (0..<k).map { _ in alloc(T * na) }
        c = alloc(T * na); a = alloc(T * na); tanhC = alloc(T * na)
        zy = alloc(T * ny); yHat = alloc(T * ny); dy = alloc(T * ny)
        da = alloc(T * na); dc = alloc(T * na); daPrev = alloc(T * na); dcPrev = alloc(T * na)
        dW = (0..<k).map { _ in alloc(na * (na + nx)) }
        db = (0..<k).map { _ in alloc(na) }
        dWya = alloc(ny * na); dby = alloc(ny); da0 = alloc(na); dc0 = alloc(na)
        scratch = alloc(na)
        loss = Array(repeating: 0, count: T)
        self.owned = owned
    }

    deinit { for (p, n) in owned { p.deinitialize(count: n); p.deallocate() } }

    /// Takes the inputs, targets and layout of another episode of the same length.
    public func load(_ episode: Episode) {
        precondition(episode.T == T, "a workspace is reused only for episodes of its length")
        hasInput = episode.layout.hasInput; hasOutput = episode.layout.hasOutput
        xs = episode.x; ys = episode.y
        precondition(xs.allSatisfy { $0.count == nx } && ys.allSatisfy { $0 == nil || $0?.count == ny },
                     "input and target widths must be n_x and n_y")
        dy.update(repeating: 0, count: T * ny)
    }

    /// out = b + W[:, :n_a] h + W[:, n_a:] x<t>   (n_a): one gate's pre-activation.
    private func preActivation(_ W: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ h: UnsafePointer<Double>,
                               _ t: Int, _ out: UnsafeMutablePointer<Double>) {
        let ld = na + nx
        out.update(from: b, count: na)
        Kernels.matVecAdd(W, rows: na, cols: na, ld: ld, h, out)
        if hasInput[t] {
            xs[t].withUnsafeBufferPointer { Kernels.matVecAddSparse(W + na, rows: na, cols: nx, ld: ld, $0.baseAddress!, out) }
        }
    }

    /// Forward over t = 1…T (see `GatedCell`); returns L = Σ_t L<t> over the steps with a target.
    @discardableResult
    public func forward(_ p: GatedParams) -> Double {
        let na = na, ny = ny, gates = shape.cell.gates, g2 = shape.g2, lstm = shape.cell == .lstm
        var total = 0.0
        for t in 0..<T { loss[t] = 0 }
        withPointers(p.W) { W in withPointers(p.b) { b in
        p.a0.withUnsafeBufferPointer { a0 in p.c0.withUnsafeBufferPointer { c0 in
        p.Wya.values.withUnsafeBufferPointer { Wya in p.by.withUnsafeBufferPointer { by in
            for t in 0..<T {
                let aPrev = t == 0 ? a0.baseAddress! : UnsafePointer(a + (t - 1) * na)
                let cPrev = t == 0 ? c0.baseAddress! : UnsafePointer(c + (t - 1) * na)
                let ct = c + t * na, at = a + t * na, off = t * na
                for (k, gate) in gates.enumerated() {
                    let out = act[k] + off
                    if gate == .c && !lstm {
                        // c̃ = tanh(Wc [Γr ⊙ c<t-1>; x<t>] + bc)   (GRU)
                        let r = act[1] + off
                        for i in 0..<na { scratch[i] = r[i] * cPrev[i] }
                        preActivation(W[k], b[k], scratch, t, out)
                    } else {
                        // Γ = σ(W [a<t-1>; x<t>] + b), or c̃ = tanh(…) for the LSTM's candidate
                        preActivation(W[k], b[k], aPrev, t, out)
                    }
                    if gate.isSigmoid { for i in 0..<na { out[i] = OutputActivation.sigmoid(out[i]) } }
                    else { for i in 0..<na { out[i] = tanh(out[i]) } }
                }
                if lstm {
                    let f = act[0] + off, u = act[1] + off, ct_ = act[2] + off, o = act[3] + off, th = tanhC + off
                    for i in 0..<na {
                        // c<t> = Γf ⊙ c<t-1> + Γu ⊙ c̃<t>;  a<t> = Γo ⊙ tanh(c<t>)
                        ct[i] = f[i] * cPrev[i] + u[i] * ct_[i]
                        th[i] = tanh(ct[i])
                        at[i] = o[i] * th[i]
                    }
                } else {
                    let u = act[0] + off, ct_ = act[2] + off
                    for i in 0..<na {
                        // c<t> = Γu ⊙ c̃<t> + (1 − Γu) ⊙ c<t-1>;  a<t> = c<t>
                        ct[i] = u[i] * ct_[i] + (1 - u[i]) * cPrev[i]
                        at[i] = ct[i]
                    }
                }
                guard hasOutput[t] else { continue }
                // ŷ<t> = g2(Wya a<t> + by);  L<t> = cross-entropy(ŷ<t>, y<t>) from the logits
                let ot = zy + t * ny
                ot.update(from: by.baseAddress!, count: ny)
                Kernels.matVecAdd(Wya.baseAddress!, rows: ny, cols: na, ld: na, at, ot)
                g2.apply(UnsafeBufferPointer(start: ot, count: ny), into: UnsafeMutableBufferPointer(start: yHat + t * ny, count: ny))
                if let target = ys[t] {
                    let l = target.withUnsafeBufferPointer { g2.loss(logits: UnsafeBufferPointer(start: ot, count: ny), target: $0) }
                    loss[t] = l
                    total += l
                }
            }
        }}}}}}
        totalLoss = total
        return total
    }

    /// BPTT, t = T…1, after `forward`: per step dy, da (total ∂L/∂a<t>), dc (total ∂L/∂c<t>),
    /// each gate's dΓ and dz, da_prev and dc_prev; then (with `sums`) the weight gradients
    /// dW = Σ_t dz<t> s<t>ᵀ and db = Σ_t dz<t>, with s<t> the gate's stacked input, and
    /// dWya = Σ_t dy<t> a<t>ᵀ, dby = Σ_t dy<t>; and da<0>, dc<0>.
    public func backward(_ p: GatedParams, sums: Bool = true) {
        let na = na, ny = ny, ld = na + nx, lstm = shape.cell == .lstm
        let daNext = UnsafeMutablePointer<Double>.allocate(capacity: na); daNext.initialize(repeating: 0, count: na)
        let dcNext = UnsafeMutablePointer<Double>.allocate(capacity: na); dcNext.initialize(repeating: 0, count: na)
        let dr = UnsafeMutablePointer<Double>.allocate(capacity: na); dr.initialize(repeating: 0, count: na)
        defer { daNext.deallocate(); dcNext.deallocate(); dr.deallocate() }
        withPointers(p.W) { W in
        p.a0.withUnsafeBufferPointer { a0 in p.c0.withUnsafeBufferPointer { c0 in
        p.Wya.values.withUnsafeBufferPointer { Wya in
            for t in stride(from: T - 1, through: 0, by: -1) {
                let off = t * na
                let cPrev = t == 0 ? c0.baseAddress! : UnsafePointer(c + (t - 1) * na)
                let dat = da + off, dct = dc + off, dapt = daPrev + off, dcpt = dcPrev + off
                // da<t> = Wyaᵀ dy<t> + da_next;  dy<t> = ŷ<t> − y<t>
                dat.update(from: daNext, count: na)
                if let target = ys[t] {
                    let dyt = dy + t * ny
                    for i in 0..<ny { dyt[i] = yHat[t * ny + i] - target[i] }
                    Kernels.matTVecAdd(Wya.baseAddress!, rows: ny, cols: na, ld: na, dyt, dat)
                }
                for i in 0..<na { dapt[i] = 0 }
                if lstm {
                    let f = act[0] + off, u = act[1] + off, ct_ = act[2] + off, o = act[3] + off, th = tanhC + off
                    let df = dact[0] + off, du = dact[1] + off, dct_ = dact[2] + off, dO = dact[3] + off
                    for i in 0..<na {
                        // a<t> = Γo ⊙ tanh(c<t>):  dΓo = da ⊙ tanh(c);  dc<t> = dc_next + da ⊙ Γo ⊙ (1 − tanh²(c))
                        dO[i] = dat[i] * th[i]
                        dct[i] = dcNext[i] + dat[i] * o[i] * (1 - th[i] * th[i])
                        // c<t> = Γf ⊙ c<t-1> + Γu ⊙ c̃:  dΓf = dc ⊙ c<t-1>, dΓu = dc ⊙ c̃, dc̃ = dc ⊙ Γu, dc_prev = dc ⊙ Γf
                        df[i] = dct[i] * cPrev[i]
                        du[i] = dct[i] * ct_[i]
                        dct_[i] = dct[i] * u[i]
                        dcpt[i] = dct[i] * f[i]
                    }
                    for k in 0..<4 { gateDerivative(k, off) }
                    // da_prev = Σ_k W_k[:, :n_a]ᵀ dz_k
                    for k in 0..<4 { Kernels.matTVecAdd(W[k], rows: na, cols: na, ld: ld, dz[k] + off, dapt) }
                } else {
                    let u = act[0] + off, r = act[1] + off, ct_ = act[2] + off
                    let du = dact[0] + off, drr = dact[1] + off, dct_ = dact[2] + off
                    for i in 0..<na {
                        // a<t> = c<t>:  dc<t> = da<t>
                        dct[i] = dat[i]
                        // c<t> = Γu ⊙ c̃ + (1 − Γu) ⊙ c<t-1>:  dc̃ = dc ⊙ Γu;  dΓu = dc ⊙ (c̃ − c<t-1>)
                        dct_[i] = dct[i] * u[i]
                        du[i] = dct[i] * (ct_[i] - cPrev[i])
                    }
                    gateDerivative(2, off)
                    gateDerivative(0, off)
                    // c̃ = tanh(Wc [Γr ⊙ c<t-1>; x] + bc):  d(Γr ⊙ c<t-1>) = Wc[:, :n_a]ᵀ dz_c
                    for i in 0..<na { dr[i] = 0 }
                    Kernels.matTVecAdd(W[2], rows: na, cols: na, ld: ld, dz[2] + off, dr)
                    // dΓr = d(Γr ⊙ c<t-1>) ⊙ c<t-1>
                    for i in 0..<na { drr[i] = dr[i] * cPrev[i] }
                    gateDerivative(1, off)
                    // dc_prev = dc ⊙ (1 − Γu) + d(Γr ⊙ c<t-1>) ⊙ Γr + Wu[:, :n_a]ᵀ dz_u + Wr[:, :n_a]ᵀ dz_r;  da_prev = dc_prev
                    for i in 0..<na { dcpt[i] = dct[i] * (1 - u[i]) + dr[i] * r[i] }
                    Kernels.matTVecAdd(W[0], rows: na, cols: na, ld: ld, dz[0] + off, dcpt)
                    Kernels.matTVecAdd(W[1], rows: na, cols: na, ld: ld, dz[1] + off, dcpt)
                    dapt.update(from: dcpt, count: na)
                }
                daNext.update(from: dapt, count: na)
                dcNext.update(from: dcpt, count: na)
            }
            da0.update(from: daNext, count: na)
            dc0.update(from: dcNext, count: na)
            guard sums else { return }
            let k = shape.cell.gates.count
            for g in 0..<k { dW[g].update(repeating: 0, count: na * ld); db[g].update(repeating: 0, count: na) }
            dWya.update(repeating: 0, count: ny * na); dby.update(repeating: 0, count: ny)
            for t in stride(from: T - 1, through: 0, by: -1) {   // in the order the backward pass visits the steps
                for g in 0..<k { addContribution(g, t, a0: a0.baseAddress!, c0: c0.baseAddress!, into: dW[g], db[g]) }
                Kernels.outerAdd(dWya, rows: ny, cols: na, ld: na, dy + t * ny, a + t * na)
                for i in 0..<ny { dby[i] += dy[t * ny + i] }
            }
        }}}}
    }

    /// dz = dΓ ⊙ Γ (1 − Γ) for a σ gate, dc̃ ⊙ (1 − c̃²) for the candidate, at offset `off`.
    private func gateDerivative(_ k: Int, _ off: Int) {
        let y = act[k] + off, dy = dact[k] + off, out = dz[k] + off
        if shape.cell.gates[k].isSigmoid { for i in 0..<na { out[i] = dy[i] * y[i] * (1 - y[i]) } }
        else { for i in 0..<na { out[i] = dy[i] * (1 - y[i] * y[i]) } }
    }

    /// The gate's stacked input at step t (0-based), first block: a<t-1> (c<t-1> for the GRU), or
    /// Γr ⊙ c<t-1> for the GRU's candidate (written into `scratch`).
    func stackedHead(_ k: Int, _ t: Int, a0: UnsafePointer<Double>, c0: UnsafePointer<Double>) -> UnsafePointer<Double> {
        let prev = t == 0 ? (shape.cell == .gru ? c0 : a0) : UnsafePointer(a + (t - 1) * na)
        guard shape.cell == .gru && shape.cell.gates[k] == .c else { return prev }
        let r = act[1] + t * na
        for i in 0..<na { scratch[i] = r[i] * prev[i] }
        return UnsafePointer(scratch)
    }

    /// Adds step t's contribution dz<t> s<t>ᵀ to `dW` and dz<t> to `db` (gate k, t 0-based).
    func addContribution(_ k: Int, _ t: Int, a0: UnsafePointer<Double>, c0: UnsafePointer<Double>,
                         into dW: UnsafeMutablePointer<Double>, _ db: UnsafeMutablePointer<Double>) {
        let ld = na + nx, dzt = UnsafePointer(dz[k] + t * na)
        Kernels.outerAdd(dW, rows: na, cols: na, ld: ld, dzt, stackedHead(k, t, a0: a0, c0: c0))
        if hasInput[t] {
            xs[t].withUnsafeBufferPointer { Kernels.outerAddSparse(dW + na, rows: na, cols: nx, ld: ld, dzt, $0.baseAddress!) }
        }
        for i in 0..<na { db[i] += dzt[i] }
    }

    /// The buffer's slice for step t (0-based) as an array.
    func row(_ p: UnsafeMutablePointer<Double>, _ t: Int, _ width: Int) -> [Double] {
        Array(UnsafeBufferPointer(start: p + t * width, count: width))
    }

    /// The whole buffer of T rows as one array.
    func all(_ p: UnsafeMutablePointer<Double>, _ width: Int) -> [Double] {
        Array(UnsafeBufferPointer(start: p, count: T * width))
    }

    /// The summed gradients after `backward(sums: true)`.
    public var gradients: GatedGradients {
        let ld = na + nx
        return GatedGradients(
            dW: dW.map { Matrix(rows: na, cols: ld, values: Array(UnsafeBufferPointer(start: $0, count: na * ld))) },
            db: db.map { Array(UnsafeBufferPointer(start: $0, count: na)) },
            dWya: Matrix(rows: ny, cols: na, values: Array(UnsafeBufferPointer(start: dWya, count: ny * na))),
            dby: Array(UnsafeBufferPointer(start: dby, count: ny)))
    }
}

/// Calls `body` with the base addresses of every array in `arrays` (in order).
func withPointers<R>(_ arrays: [[Double]], _ body: ([UnsafePointer<Double>]) -> R) -> R {
    func go(_ i: Int, _ acc: [UnsafePointer<Double>]) -> R {
        if i == arrays.count { return body(acc) }
        return arrays[i].withUnsafeBufferPointer { go(i + 1, acc + [$0.baseAddress!]) }
    }
    return go(0, [])
}

/// Calls `body` with the base addresses of every matrix's values (in order).
func withPointers<R>(_ matrices: [Matrix], _ body: ([UnsafePointer<Double>]) -> R) -> R {
    withPointers(matrices.map(\.values), body)
}
