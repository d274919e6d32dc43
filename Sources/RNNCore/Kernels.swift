/// Small dense kernels on raw buffers. `ld` is the row stride of a row-major matrix.
///
/// The loops work on `SIMD4<Double>` lanes with two accumulators, so they vectorise on any
/// target; the order of additions is fixed by the code, so results are the same every run.
@usableFromInline enum Kernels {
    @inline(__always) @usableFromInline
    static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always) @usableFromInline
    static func store4(_ p: UnsafeMutablePointer<Double>, _ v: SIMD4<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }

    /// Σ_j a[j] · b[j]   for j < n
    @inlinable static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var acc0 = SIMD4<Double>(), acc1 = SIMD4<Double>()
        var j = 0
        while j + 8 <= n {
            acc0 += load4(a + j) * load4(b + j)
            acc1 += load4(a + j + 4) * load4(b + j + 4)
            j += 8
        }
        if j + 4 <= n { acc0 += load4(a + j) * load4(b + j); j += 4 }
        var s = (acc0 + acc1).sum()
        while j < n { s += a[j] * b[j]; j += 1 }
        return s
    }

    /// y[j] += α · x[j]   for j < n
    @inlinable static func axpy(_ y: UnsafeMutablePointer<Double>, _ alpha: Double, _ x: UnsafePointer<Double>, _ n: Int) {
        let a = SIMD4<Double>(repeating: alpha)
        var j = 0
        while j + 8 <= n {
            store4(y + j, load4(y + j) + a * load4(x + j))
            store4(y + j + 4, load4(y + j + 4) + a * load4(x + j + 4))
            j += 8
        }
        while j < n { y[j] += alpha * x[j]; j += 1 }
    }

    /// out[i] += Σ_j W[i·ld + j] · v[j]   for i < rows, j < cols.
    /// Four rows at a time, so each load of v serves four products.
    @inlinable static func matVecAdd(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                     _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        var i = 0
        while i + 4 <= rows {
            let w0 = W + i * ld, w1 = w0 + ld, w2 = w1 + ld, w3 = w2 + ld
            var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
            var j = 0
            while j + 4 <= cols {
                let x = load4(v + j)
                a0 += load4(w0 + j) * x
                a1 += load4(w1 + j) * x
                a2 += load4(w2 + j) * x
                a3 += load4(w3 + j) * x
                j += 4
            }
            var s0 = a0.sum(), s1 = a1.sum(), s2 = a2.sum(), s3 = a3.sum()
            while j < cols {
                let x = v[j]
                s0 += w0[j] * x; s1 += w1[j] * x; s2 += w2[j] * x; s3 += w3[j] * x
                j += 1
            }
            out[i] += s0; out[i + 1] += s1; out[i + 2] += s2; out[i + 3] += s3
            i += 4
        }
        while i < rows { out[i] += dot(W + i * ld, v, cols); i += 1 }
    }

    /// out[j] += Σ_i W[i·ld + j] · v[i]   (Wᵀ v) for i < rows, j < cols
    @inlinable static func matTVecAdd(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                      _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<rows where v[i] != 0 { axpy(out, v[i], W + i * ld, cols) }
    }

    /// D[i·ld + j] += u[i] · v[j]   (u vᵀ) for i < rows, j < cols
    @inlinable static func outerAdd(_ D: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                                    _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        for i in 0..<rows where u[i] != 0 { axpy(D + i * ld, u[i], v, cols) }
    }

    /// Whether at most a quarter of v[0..<n] is non-zero (a one-hot input): then the sparse
    /// kernels below visit only those entries.
    @inlinable static func mostlyZero(_ v: UnsafePointer<Double>, _ n: Int) -> Bool {
        var nonzero = 0
        for j in 0..<n where v[j] != 0 { nonzero += 1 }
        return nonzero * 4 <= n
    }

    /// out[i] += Σ_j W[i·ld + j] · v[j], visiting only the j where v[j] ≠ 0 (one-hot inputs).
    @inlinable static func matVecAddSparse(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                           _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        guard mostlyZero(v, cols) else { matVecAdd(W, rows: rows, cols: cols, ld: ld, v, out); return }
        for j in 0..<cols where v[j] != 0 {
            let vj = v[j]
            for i in 0..<rows { out[i] += W[i * ld + j] * vj }
        }
    }

    /// D[i·ld + j] += u[i] · v[j], visiting only the j where v[j] ≠ 0 (one-hot inputs).
    @inlinable static func outerAddSparse(_ D: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                                          _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        guard mostlyZero(v, cols) else { outerAdd(D, rows: rows, cols: cols, ld: ld, u, v); return }
        for j in 0..<cols where v[j] != 0 {
            let vj = v[j]
            for i in 0..<rows { D[i * ld + j] += u[i] * vj }
        }
    }

    /// C[i·ld + j] += Σ_t A[t·lda + i] · B[t·ldb + j]   (C += Aᵀ B over `steps` rows t),
    /// for i < rows, j < cols. Blocks of eight columns of a row of C stay in registers while
    /// t runs, so C is stored once per block instead of once per step.
    @inlinable static func addTransposedProduct(_ C: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                                                _ A: UnsafePointer<Double>, lda: Int,
                                                _ B: UnsafePointer<Double>, ldb: Int, steps: Int) {
        for i in 0..<rows {
            let c = C + i * ld
            var j = 0
            while j + 8 <= cols {
                var acc0 = load4(c + j), acc1 = load4(c + j + 4)
                for t in 0..<steps {
                    let a = A[t * lda + i]
                    if a == 0 { continue }
                    let av = SIMD4<Double>(repeating: a), b = B + t * ldb + j
                    acc0 += av * load4(b)
                    acc1 += av * load4(b + 4)
                }
                store4(c + j, acc0)
                store4(c + j + 4, acc1)
                j += 8
            }
            while j < cols {
                var s = c[j]
                for t in 0..<steps { s += A[t * lda + i] * B[t * ldb + j] }
                c[j] = s
                j += 1
            }
        }
    }
}
