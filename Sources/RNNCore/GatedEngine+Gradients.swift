/// The gradients of a gated cell's shared weights, as products over many steps at once.
extension GatedWorkspace {
    /// Adds the parts of steps `steps` to the gradients of the shared weights, each gate k's as
    /// one product over those steps (s<t> the gate's stacked input: [a<t-1>; x<t>] for the LSTM,
    /// [c<t-1>; x<t>] for the GRU's Γu and Γr, [Γr<t> ⊙ c<t-1>; x<t>] for its c̃):
    /// dW_k += Σ_t dz_k<t>·s<t>ᵀ;  db_k += Σ_t dz_k<t>;  dWya += Σ_t dy<t>·a<t>ᵀ;  dby += Σ_t dy<t>
    /// (dy<t> = 0 where step t has no target). With `accumulate: false` they are set to those sums.
    func addWeightGradients(steps: ClosedRange<Int>, accumulate: Bool = true) {
        let k = kernels, na = na, ld = na + nx, first = steps.lowerBound, n = steps.count
        if !accumulate && !denseInputs { for i in 0..<KA { (dW + i * ld + na).update(repeating: 0, count: nx) } }
        if isLSTM {   // every gate reads a<t-1>
            k.gemmTN(dW, m: KA, n: na, ldc: ld, dz(first), ldp: NG, a(first - 1), ldq: NA, steps: n, accumulate: accumulate)
        } else {      // Γu, Γr read c<t-1>; c̃ reads Γr<t> ⊙ c<t-1>
            k.gemmTN(dW, m: 2 * na, n: na, ldc: ld, dz(first), ldp: NG, c(first - 1), ldq: NA, steps: n, accumulate: accumulate)
            k.gemmTN(dW + 2 * na * ld, m: na, n: na, ldc: ld, dz(first) + 2 * na, ldp: NG, rc(first), ldq: NA,
                     steps: n, accumulate: accumulate)
        }
        if denseInputs {
            k.gemmTN(dW + na, m: KA, n: nx, ldc: ld, dz(first), ldp: NG, x(first), ldq: NX, steps: n, accumulate: accumulate)
        } else {
            for t in steps where inputIndex[t - 1] >= 0 {   // one-hot x<t>: column j gets dz<t>
                let column = dW + na + inputIndex[t - 1], dz = dz(t)
                for i in 0..<KA { column[i * ld] += dz[i] }
            }
        }
        k.gemmTN(dWya, m: ny, n: na, ldc: na, dy(first), ldp: NY, a(first), ldq: NA, steps: n, accumulate: accumulate)
        // db, dby: the rows dz<t>, dy<t> added up in order, as products with a row of ones (1·v is exact)
        var one = 1.0
        k.gemmTN(db, m: 1, n: KA, ldc: NG, &one, ldp: 0, pi: 0, dz(first), ldq: NG, steps: n, accumulate: accumulate)
        k.gemmTN(dby, m: 1, n: ny, ldc: NY, &one, ldp: 0, pi: 0, dy(first), ldq: NY, steps: n, accumulate: accumulate)
    }

    /// dW, db, dWya, dby ← 0
    func clearWeightGradients() {
        dW.update(repeating: 0, count: KA * (na + nx))
        db.update(repeating: 0, count: KA)
        dWya.update(repeating: 0, count: ny * na)
        dby.update(repeating: 0, count: ny)
    }
}
