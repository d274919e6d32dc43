/// The sizes and activations of an RNN cell.
public struct Shape: Equatable, Sendable {
    public var nx: Int
    public var na: Int
    public var ny: Int
    public var g1: HiddenActivation
    public var g2: OutputActivation

    public init(nx: Int, na: Int, ny: Int, g1: HiddenActivation, g2: OutputActivation) {
        self.nx = nx; self.na = na; self.ny = ny; self.g1 = g1; self.g2 = g2
    }
}

/// The limits a lesson must respect (checked when it loads).
public enum Limits {
    public static let maxSize = 1024      // n_x, n_a, n_y
    public static let maxSteps = 10_000   // T
}

/// The shared weights of the cell, with `Wa = [Waa | Wax]` kept stacked as the notes teach.
public struct Params: Equatable, Sendable {
    /// Wa = [Waa | Wax]   (n_a × (n_a+n_x))
    public var Wa: Matrix
    /// Wya   (n_y × n_a)
    public var Wya: Matrix
    /// ba   (n_a)
    public var ba: [Double]
    /// by   (n_y)
    public var by: [Double]
    /// a<0>   (n_a)
    public var a0: [Double]

    public init(Waa: Matrix, Wax: Matrix, Wya: Matrix, ba: [Double], by: [Double], a0: [Double]) {
        precondition(Waa.rows == Waa.cols && Wax.rows == Waa.rows && Wya.cols == Waa.rows
                     && ba.count == Waa.rows && by.count == Wya.rows && a0.count == Waa.rows,
                     "Params shape mismatch")
        self.Wa = Waa.hstack(Wax)
        self.Wya = Wya
        self.ba = ba
        self.by = by
        self.a0 = a0
    }

    /// Whether both hold the very same arrays, buffer for buffer: then they hold the same numbers
    /// (an array still shared by two values cannot change: writing to it copies it first).
    func sharesStorage(with o: Params) -> Bool {
        func same(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { x.baseAddress == $0.baseAddress } }
        }
        return same(Wa.values, o.Wa.values) && same(Wya.values, o.Wya.values) && same(ba, o.ba) && same(by, o.by) && same(a0, o.a0)
            && Wa.rows == o.Wa.rows && Wya.rows == o.Wya.rows
    }

    public var na: Int { Wa.rows }
    public var nx: Int { Wa.cols - Wa.rows }
    public var ny: Int { Wya.rows }
    /// Waa = Wa[:, 0..<n_a]   (n_a × n_a)
    public var Waa: Matrix { Wa.columns(0..<na) }
    /// Wax = Wa[:, n_a..<n_a+n_x]   (n_a × n_x)
    public var Wax: Matrix { Wa.columns(na..<(na + nx)) }

    /// Seeded initialisation, the same numbers on every platform and every run.
    ///
    /// The generator is SplitMix64 seeded with `seed`; each draw u = (next() >> 11) · 2⁻⁵³ is
    /// exact in [0, 1), and a weight is `scale · (2u − 1)`, uniform in [−scale, scale).
    /// Entries are drawn row by row in the order Waa, Wax, Wya; ba, by and a<0> are zero.
    public static func seeded(_ shape: Shape, seed: UInt64, scale: Double) -> Params {
        var g = SplitMix64(seed: seed)
        func draw(_ r: Int, _ c: Int) -> Matrix {
            Matrix(rows: r, cols: c, values: (0..<(r * c)).map { _ in scale * (2 * g.nextUnit() - 1) })
        }
        let Waa = draw(shape.na, shape.na)
        let Wax = draw(shape.na, shape.nx)
        let Wya = draw(shape.ny, shape.na)
        return Params(Waa: Waa, Wax: Wax, Wya: Wya,
                      ba: Array(repeating: 0, count: shape.na),
                      by: Array(repeating: 0, count: shape.ny),
                      a0: Array(repeating: 0, count: shape.na))
    }
}

/// An RNN: its shape and its shared weights.
public struct RNN: Equatable, Sendable {
    public var shape: Shape
    public var params: Params
    public init(shape: Shape, params: Params) {
        precondition(params.na == shape.na && params.nx == shape.nx && params.ny == shape.ny, "RNN shape mismatch")
        self.shape = shape
        self.params = params
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator whose output is fixed by its
/// definition, so seeded lessons show the same numbers everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1) with 53 random bits: (next() >> 11) · 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
