/// Gradients of L with respect to the shared weights (or one step's contribution to them).
public struct Gradients: Equatable, Sendable {
    /// dWa = [dWaa | dWax]   (n_a × (n_a+n_x))
    public var dWa: Matrix
    /// dWya   (n_y × n_a)
    public var dWya: Matrix
    /// dba   (n_a)
    public var dba: [Double]
    /// dby   (n_y)
    public var dby: [Double]

    public init(dWa: Matrix, dWya: Matrix, dba: [Double], dby: [Double]) {
        self.dWa = dWa; self.dWya = dWya; self.dba = dba; self.dby = dby
    }

    static func zero(_ s: Shape) -> Gradients {
        Gradients(dWa: Matrix(rows: s.na, cols: s.na + s.nx), dWya: Matrix(rows: s.ny, cols: s.na),
                  dba: Array(repeating: 0, count: s.na), dby: Array(repeating: 0, count: s.ny))
    }

    public var na: Int { dWa.rows }
    /// dWaa = dWa[:, 0..<n_a]
    public var dWaa: Matrix { dWa.columns(0..<na) }
    /// dWax = dWa[:, n_a..<n_a+n_x]
    public var dWax: Matrix { dWa.columns(na..<dWa.cols) }

    mutating func add(_ o: Gradients) {
        for i in dWa.values.indices { dWa.values[i] += o.dWa.values[i] }
        for i in dWya.values.indices { dWya.values[i] += o.dWya.values[i] }
        for i in dba.indices { dba[i] += o.dba[i] }
        for i in dby.indices { dby[i] += o.dby[i] }
    }
}
