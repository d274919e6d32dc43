/// The kernels by the names the first engine gave them (the gated cells' engine calls these),
/// each on the path chosen at load. Vectors are raw pointers; `ld` is a matrix's row stride.
extension Kernels {
    /// out[i] += Σ_j W[i·ld + j] · v[j]   (out += W v) for i < rows, j < cols
    @inlinable public static func matVecAdd(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                            _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        chosen.gemv(W, rows: rows, cols: cols, ld: ld, v, plus: out, into: out)
    }

    /// out[j] += Σ_i W[i·ld + j] · v[i]   (out += Wᵀ v) for i < rows, j < cols
    @inlinable public static func matTVecAdd(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                             _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        chosen.gemvT(W, rows: rows, cols: cols, ld: ld, v, plus: out, into: out)
    }

    /// D[i·ld + j] += u[i] · v[j]   (D += u vᵀ) for i < rows, j < cols
    @inlinable public static func outerAdd(_ D: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                                           _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        chosen.ger(D, rows: rows, cols: cols, ld: ld, u, v)
    }

    /// Whether at most a quarter of v[0..<n] is non-zero (a one-hot input).
    @inlinable public static func mostlyZero(_ v: UnsafePointer<Double>, _ n: Int) -> Bool {
        var nonzero = 0
        for j in 0..<n where v[j] != 0 { nonzero += 1 }
        return nonzero * 4 <= n
    }

    /// out += W v, visiting only the columns j where v[j] ≠ 0 when v is mostly zero.
    @inlinable public static func matVecAddSparse(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int,
                                                  _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        guard mostlyZero(v, cols) else { return matVecAdd(W, rows: rows, cols: cols, ld: ld, v, out) }
        for j in 0..<cols where v[j] != 0 {
            let vj = v[j]
            for i in 0..<rows { out[i] += W[i * ld + j] * vj }
        }
    }

    /// D += u vᵀ, visiting only the columns j where v[j] ≠ 0 when v is mostly zero.
    @inlinable public static func outerAddSparse(_ D: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                                                 _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        guard mostlyZero(v, cols) else { return outerAdd(D, rows: rows, cols: cols, ld: ld, u, v) }
        for j in 0..<cols where v[j] != 0 {
            let vj = v[j]
            for i in 0..<rows { D[i * ld + j] += u[i] * vj }
        }
    }
}
