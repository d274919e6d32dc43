/// Small dense kernels on raw buffers, written so the compiler can vectorise the inner loops
/// (contiguous, no bounds checks). `ld` is the row stride of a row-major matrix.
@usableFromInline enum Kernels {
    /// out[i] += Σ_j W[i·ld + j] · v[j]   for i < rows, j < cols
    @inlinable static func matVecAdd(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                     _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<rows {
            let row = W + i * ld
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var j = 0
            while j + 4 <= cols {
                s0 += row[j] * v[j]; s1 += row[j + 1] * v[j + 1]
                s2 += row[j + 2] * v[j + 2]; s3 += row[j + 3] * v[j + 3]
                j += 4
            }
            while j < cols { s0 += row[j] * v[j]; j += 1 }
            out[i] += (s0 + s1) + (s2 + s3)
        }
    }

    /// out[j] += Σ_i W[i·ld + j] · v[i]   (Wᵀ v) for i < rows, j < cols
    @inlinable static func matTVecAdd(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                      _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        for i in 0..<rows {
            let vi = v[i]
            if vi == 0 { continue }
            let row = W + i * ld
            for j in 0..<cols { out[j] += row[j] * vi }
        }
    }

    /// D[i·ld + j] += u[i] · v[j]   (u vᵀ) for i < rows, j < cols
    @inlinable static func outerAdd(_ D: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                                    _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        for i in 0..<rows {
            let ui = u[i]
            if ui == 0 { continue }
            let row = D + i * ld
            for j in 0..<cols { row[j] += ui * v[j] }
        }
    }

    /// out[i] += Σ_j W[i·ld + j] · v[j], visiting only the j where v[j] ≠ 0 (one-hot inputs).
    @inlinable static func matVecAddSparse(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                           _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        var nonzero = 0
        for j in 0..<cols where v[j] != 0 { nonzero += 1 }
        if nonzero * 4 > cols { matVecAdd(W, rows: rows, cols: cols, ld: ld, v, out); return }
        for j in 0..<cols where v[j] != 0 {
            let vj = v[j]
            for i in 0..<rows { out[i] += W[i * ld + j] * vj }
        }
    }

    /// D[i·ld + j] += u[i] · v[j], visiting only the j where v[j] ≠ 0 (one-hot inputs).
    @inlinable static func outerAddSparse(_ D: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                                          _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        var nonzero = 0
        for j in 0..<cols where v[j] != 0 { nonzero += 1 }
        if nonzero * 4 > cols { outerAdd(D, rows: rows, cols: cols, ld: ld, u, v); return }
        for j in 0..<cols where v[j] != 0 {
            let vj = v[j]
            for i in 0..<rows { D[i * ld + j] += u[i] * vj }
        }
    }
}
