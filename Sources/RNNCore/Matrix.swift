/// A dense matrix of `Double`, stored row-major. A vector is a matrix with one column.
///
/// Shapes inside the maths are validated when a lesson loads, so a wrong shape here is a
/// programming error and traps (`precondition`).
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    /// Row-major entries: entry (i, j) is `values[i * cols + j]`.
    public var values: [Double]

    public init(rows: Int, cols: Int, values: [Double]) {
        precondition(rows >= 0 && cols >= 0 && values.count == rows * cols, "Matrix shape mismatch")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        self.init(rows: rows, cols: cols, values: Array(repeating: value, count: rows * cols))
    }

    /// A matrix from an array of rows (all of one length).
    public init(_ rowArrays: [[Double]]) {
        let cols = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == cols }, "ragged rows")
        self.init(rows: rowArrays.count, cols: cols, values: rowArrays.flatMap { $0 })
    }

    /// A column vector.
    public init(column: [Double]) {
        self.init(rows: column.count, cols: 1, values: column)
    }

    public subscript(i: Int, j: Int) -> Double {
        get { values[i * cols + j] }
        set { values[i * cols + j] = newValue }
    }

    public var rowArrays: [[Double]] {
        (0..<rows).map { Array(values[($0 * cols)..<($0 * cols + cols)]) }
    }

    public var transposed: Matrix {
        var t = Matrix(rows: cols, cols: rows)
        for i in 0..<rows { for j in 0..<cols { t[j, i] = self[i, j] } }
        return t
    }

    /// Columns `range` of this matrix, as a new matrix.
    public func columns(_ range: Range<Int>) -> Matrix {
        var m = Matrix(rows: rows, cols: range.count)
        for i in 0..<rows { for (k, j) in range.enumerated() { m[i, k] = self[i, j] } }
        return m
    }

    /// `[self | other]`: the two matrices side by side (same number of rows).
    public func hstack(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows, "hstack: row counts differ")
        var m = Matrix(rows: rows, cols: cols + other.cols)
        for i in 0..<rows {
            for j in 0..<cols { m[i, j] = self[i, j] }
            for j in 0..<other.cols { m[i, cols + j] = other[i, j] }
        }
        return m
    }

    /// `self · v`   (rows)
    public func times(_ v: [Double]) -> [Double] {
        precondition(v.count == cols, "matrix-vector shape mismatch")
        return (0..<rows).map { i in
            var s = 0.0
            for j in 0..<cols { s += self[i, j] * v[j] }
            return s
        }
    }

    /// The outer product `u vᵀ`   (u.count × v.count)
    public static func outer(_ u: [Double], _ v: [Double]) -> Matrix {
        var m = Matrix(rows: u.count, cols: v.count)
        for i in 0..<u.count { for j in 0..<v.count { m[i, j] = u[i] * v[j] } }
        return m
    }

    public static func + (l: Matrix, r: Matrix) -> Matrix {
        precondition(l.rows == r.rows && l.cols == r.cols, "matrix sum shape mismatch")
        return Matrix(rows: l.rows, cols: l.cols, values: zip(l.values, r.values).map { $0 + $1 })
    }
}
