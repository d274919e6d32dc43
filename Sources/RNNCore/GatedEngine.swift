import Foundation

/// Forward propagation and BPTT for the GRU and the LSTM (see `GatedCell` for the equations), a
/// step at a time as the notes write them; each line calls a kernel (Kernels.swift) on the
/// workspace's rows (GatedWorkspace.swift). What does not feed the recurrence — every gate's
/// input part b + W[:, n_a:]·x<t>, the outputs, the outputs' part of da<t>, the weight
/// gradients — is computed for all steps at once.
extension GatedWorkspace {
    var isLSTM: Bool { shape.cell == .lstm }

    /// Forward over t = 1…T; returns L = Σ_t L<t> over the steps with a target.
    @discardableResult
    public func forward(_ p: GatedParams) -> Double {
        packIfChanged(p)   // the same arrays as the last pass: already packed
        inputParts()
        for t in 1...T { if isLSTM { lstmStep(t) } else { gruStep(t) } }
        outputLogits()
        var L = 0.0
        for t in 1...T where hasOutput[t - 1] { L += outputStep(t) }
        totalLoss = L
        return L
    }

    /// Every gate's input part b + W[:, n_a:]·x<t>, for every step at once (K·n_a per step):
    /// a row of WxT for a one-hot x<t>, b alone without input, X·WxT when inputs are dense.
    func inputParts() {
        let k = kernels
        for t in 1...T {
            let j = inputIndex[t - 1]
            if j >= 0 { k.add(WxT + j * NG, b, into: gates(t), KA) } else { gates(t).update(from: b, count: KA) }
        }
        guard denseInputs else { return }
        k.gemmTN(G, m: T, n: KA, ldc: NG, X, ldp: 1, pi: NX, WxT, ldq: NG, steps: nx, accumulate: true)
    }

    /// [Γf; Γu; c̃; Γo]<t> = [σ; σ; tanh; σ](Wh·a<t-1> + b + Wx·x<t>)   (all four gates in one product)
    /// c<t> = Γf ⊙ c<t-1> + Γu ⊙ c̃<t>;  a<t> = Γo ⊙ tanh(c<t>)   (n_a)
    func lstmStep(_ t: Int) {
        let k = kernels, na = na, z = gates(t)
        k.gemv(Wh, rows: KA, cols: na, ld: NA, a(t - 1), plus: z, into: z, reversed: t & 1 == 0)
        k.activate(.sigmoid, z, into: z, 2 * na)
        k.activate(.tanh, z + 2 * na, into: z + 2 * na, na)
        k.activate(.sigmoid, z + 3 * na, into: z + 3 * na, na)
        let f = z, u = z + na, cTilde = z + 2 * na, o = z + 3 * na
        let cPrev = c(t - 1), ct = c(t), th = tanhC(t), at = a(t)
        for i in 0..<na { ct[i] = f[i] * cPrev[i] }
        for i in 0..<na { ct[i] += u[i] * cTilde[i] }
        k.activate(.tanh, ct, into: th, na)
        for i in 0..<na { at[i] = o[i] * th[i] }
    }

    /// [Γu; Γr]<t> = σ(W[u;r][:, :n_a]·c<t-1> + b + Wx·x<t>)   (both gates in one product)
    /// c̃<t> = tanh(Wc[:, :n_a]·(Γr<t> ⊙ c<t-1>) + bc + Wc[:, n_a:]·x<t>)
    /// c<t> = Γu ⊙ c̃<t> + (1 − Γu) ⊙ c<t-1>;  a<t> = c<t> (the same row)   (n_a)
    func gruStep(_ t: Int) {
        let k = kernels, na = na, z = gates(t), cPrev = c(t - 1), rc = rc(t), ct = c(t)
        k.gemv(Wh, rows: 2 * na, cols: na, ld: NA, cPrev, plus: z, into: z, reversed: t & 1 == 0)
        k.activate(.sigmoid, z, into: z, 2 * na)
        let u = z, r = z + na, cTilde = z + 2 * na
        for i in 0..<na { rc[i] = r[i] * cPrev[i] }
        k.gemv(Wh + 2 * na * NA, rows: na, cols: na, ld: NA, rc, plus: cTilde, into: cTilde, reversed: t & 1 == 0)
        k.activate(.tanh, cTilde, into: cTilde, na)
        for i in 0..<na { ct[i] = u[i] * cTilde[i] + (1 - u[i]) * cPrev[i] }
    }

    /// zy<t> = Wya·a<t> + by   (n_y) for every step with an output: one product over the steps
    /// when all have one.
    func outputLogits() {
        let k = kernels
        if hasOutput.allSatisfy({ $0 }) {
            k.gemmNT(Wya, rows: ny, cols: na, ld: NA, a(1), ldx: NA, steps: T, plus: by, into: ZY, ldy: NY)
        } else {
            for t in 1...T where hasOutput[t - 1] { k.gemv(Wya, rows: ny, cols: na, ld: NA, a(t), plus: by, into: zy(t)) }
        }
    }

    /// ŷ<t> = g2(zy<t>);  L<t> = loss(ŷ<t>, y<t>) from the logits;  dy<t> = ŷ<t> − y<t>   (n_y);
    /// returns L<t> (0 without a target). A one-hot y<t> = e_c under softmax: L<t> = log Σ e^zy − zy_c,
    /// from the max and sum the softmax kernel found (as the plain cell's `outputStep`).
    func outputStep(_ t: Int) -> Double {
        let zy = zy(t), yHat = yHat(t), dy = dy(t), ny = ny
        var lse = 0.0
        if shape.g2 == .softmax {
            let (mx, s) = kernels.softmax(zy, into: yHat, ny)
            lse = mx + Foundation.log(s)   // log Σ e^zy
        } else {
            kernels.activate(.sigmoid, zy, into: yHat, ny)
        }
        let c = targetIndex[t - 1]
        guard c != -2, let y = ys[t - 1] else { loss[t - 1] = 0; return 0 }
        let L: Double
        if c >= 0 {
            L = lse - zy[c]
            dy.update(from: yHat, count: ny)
            dy[c] = yHat[c] - 1
        } else {
            L = y.withUnsafeBufferPointer { shape.g2.loss(logits: UnsafeBufferPointer(start: zy, count: ny), target: $0) }
            for i in 0..<ny { dy[i] = yHat[i] - y[i] }
        }
        loss[t - 1] = L
        return L
    }

    /// BPTT, t = T…1, after `forward` (with the weights of that pass): per step da (total ∂L/∂a<t>),
    /// dc (total ∂L/∂c<t>), each gate's dΓ and dz, da_prev and dc_prev; da<0>, dc<0>; and, with
    /// `sums`, the gradients of the shared weights, each the sum of every step's part.
    public func backward(sums: Bool = true) {
        // the outputs' part of da<t> does not depend on the recurrence: Wyaᵀ·dy<t> for all steps first
        kernels.gemmTN(DA, m: T, n: na, ldc: NA, DY, ldp: 1, pi: NY, Wya, ldq: NA, steps: ny, accumulate: false)
        for t in stride(from: T, through: 1, by: -1) { if isLSTM { lstmBackwardStep(t) } else { gruBackwardStep(t) } }
        da0.update(from: daPrev(1), count: na)
        dc0.update(from: dcPrev(1), count: na)
        guard sums else { return }
        addWeightGradients(steps: 1...T, accumulate: false)
    }

    /// da<t> = Wyaᵀ·dy<t> + da_next
    /// a<t> = Γo ⊙ tanh(c<t>):  dΓo = da ⊙ tanh(c<t>);  dc<t> = dc_next + da ⊙ Γo ⊙ (1 − tanh²(c<t>))
    /// c<t> = Γf ⊙ c<t-1> + Γu ⊙ c̃:  dΓf = dc ⊙ c<t-1>;  dΓu = dc ⊙ c̃;  dc̃ = dc ⊙ Γu;  dc_prev = dc ⊙ Γf
    /// dz = dΓ ⊙ Γ(1 − Γ), dc̃ ⊙ (1 − c̃²);  da_prev = Whᵀ·dz   (all four gates in one product)
    func lstmBackwardStep(_ t: Int) {
        let k = kernels, na = na, da = da(t), dc = dc(t), z = gates(t), dg = dGates(t), dz = dz(t)
        if t < T { k.add(daPrev(t + 1), da, into: da, na) }
        let dcNext = t < T ? dcPrev(t + 1) : zeros, cPrev = c(t - 1), th = tanhC(t), dcPrev = dcPrev(t)
        let f = z, u = z + na, cTilde = z + 2 * na, o = z + 3 * na
        let df = dg, du = dg + na, dcTilde = dg + 2 * na, dO = dg + 3 * na
        // one loop per result: each reads two or three rows, so each runs in vectors
        for i in 0..<na { dO[i] = da[i] * th[i] }
        for i in 0..<na { dc[i] = da[i] * o[i] }
        for i in 0..<na { dc[i] = dcNext[i] + dc[i] * (1 - th[i] * th[i]) }
        for i in 0..<na { df[i] = dc[i] * cPrev[i] }
        for i in 0..<na { du[i] = dc[i] * cTilde[i] }
        for i in 0..<na { dcTilde[i] = dc[i] * u[i] }
        for i in 0..<na { dcPrev[i] = dc[i] * f[i] }
        k.activateBackward(.sigmoid, dg, output: z, into: dz, 2 * na)
        k.activateBackward(.tanh, dcTilde, output: cTilde, into: dz + 2 * na, na)
        k.activateBackward(.sigmoid, dO, output: o, into: dz + 3 * na, na)
        k.gemvT(Wh, rows: KA, cols: na, ld: NA, dz, plus: nil, into: daPrev(t), reversed: t & 1 == 1)
    }

    /// da<t> = Wyaᵀ·dy<t> + da_next;  a<t> = c<t>:  dc<t> = da<t>
    /// c<t> = Γu ⊙ c̃ + (1 − Γu) ⊙ c<t-1>:  dc̃ = dc ⊙ Γu;  dΓu = dc ⊙ (c̃ − c<t-1>)
    /// c̃ = tanh(Wc[:, :n_a]·(Γr ⊙ c<t-1>) + …):  dz_c = dc̃ ⊙ (1 − c̃²);  d(Γr ⊙ c<t-1>) = Wc[:, :n_a]ᵀ·dz_c
    /// dΓr = d(Γr ⊙ c<t-1>) ⊙ c<t-1>;  dz_u, dz_r = dΓ ⊙ Γ(1 − Γ)
    /// dc_prev = dc ⊙ (1 − Γu) + d(Γr ⊙ c<t-1>) ⊙ Γr + W[u;r][:, :n_a]ᵀ·[dz_u; dz_r];  da_prev = dc_prev
    func gruBackwardStep(_ t: Int) {
        let k = kernels, na = na, da = da(t), dc = dc(t), z = gates(t), dg = dGates(t), dz = dz(t), cPrev = c(t - 1)
        if t < T { k.add(daPrev(t + 1), da, into: da, na) }
        let u = z, r = z + na, cTilde = z + 2 * na, du = dg, dr = dg + na, dcTilde = dg + 2 * na
        dc.update(from: da, count: na)
        for i in 0..<na { dcTilde[i] = dc[i] * u[i] }
        for i in 0..<na { du[i] = dc[i] * (cTilde[i] - cPrev[i]) }
        k.activateBackward(.tanh, dcTilde, output: cTilde, into: dz + 2 * na, na)
        k.gemvT(Wh + 2 * na * NA, rows: na, cols: na, ld: NA, dz + 2 * na, plus: nil, into: DR, reversed: t & 1 == 1)
        for i in 0..<na { dr[i] = DR[i] * cPrev[i] }
        k.activateBackward(.sigmoid, dg, output: z, into: dz, 2 * na)
        let dcPrev = dcPrev(t)
        for i in 0..<na { dcPrev[i] = dc[i] * (1 - u[i]) + DR[i] * r[i] }
        k.gemvT(Wh, rows: 2 * na, cols: na, ld: NA, dz, plus: dcPrev, into: dcPrev, reversed: t & 1 == 1)
        daPrev(t).update(from: dcPrev, count: na)
    }
}
