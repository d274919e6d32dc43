/// Which recurrent cell a lesson uses: the plain RNN cell, the GRU or the LSTM.
public enum CellKind: String, CaseIterable, Sendable {
    case rnn, gru, lstm
}

/// The two gated cells of the course (week 1), in the lectures' notation.
///
/// GRU (c<0> = a<0>):
///   Γu = σ(Wu [c<t-1>; x<t>] + bu),  Γr = σ(Wr [c<t-1>; x<t>] + br)
///   c̃<t> = tanh(Wc [Γr ⊙ c<t-1>; x<t>] + bc)
///   c<t> = Γu ⊙ c̃<t> + (1 − Γu) ⊙ c<t-1>,  a<t> = c<t>
/// LSTM (a<0>, c<0> given):
///   Γf = σ(Wf [a<t-1>; x<t>] + bf),  Γu = σ(Wu […] + bu),  Γo = σ(Wo […] + bo)
///   c̃<t> = tanh(Wc [a<t-1>; x<t>] + bc)
///   c<t> = Γf ⊙ c<t-1> + Γu ⊙ c̃<t>,  a<t> = Γo ⊙ tanh(c<t>)
public enum GatedCell: String, CaseIterable, Sendable {
    case gru, lstm

    /// The cell's weight blocks in the order the lesson format lists them (and `init` draws them):
    /// GRU Wu, Wr, Wc; LSTM Wf, Wu, Wc, Wo.
    public var gates: [Gate] {
        switch self {
        case .gru: return [.u, .r, .c]
        case .lstm: return [.f, .u, .c, .o]
        }
    }

    public var kind: CellKind { self == .gru ? .gru : .lstm }
}

/// One weight block of a gated cell: a gate (σ) or the candidate c̃ (tanh).
public enum Gate: String, CaseIterable, Sendable {
    /// forget, update, relevance (reset), output, candidate
    case f, u, r, o, c

    /// True for the σ gates, false for the candidate c̃ (tanh).
    public var isSigmoid: Bool { self != .c }
    /// The weight's name, e.g. Wu.
    public var weightName: String { "W" + rawValue }
    /// The bias's name, e.g. bu.
    public var biasName: String { "b" + rawValue }
}

/// The sizes and output activation of a gated cell (a gated cell has no g1).
public struct GatedShape: Equatable, Sendable {
    public var cell: GatedCell
    public var nx: Int
    public var na: Int
    public var ny: Int
    public var g2: OutputActivation

    public init(cell: GatedCell, nx: Int, na: Int, ny: Int, g2: OutputActivation) {
        self.cell = cell; self.nx = nx; self.na = na; self.ny = ny; self.g2 = g2
    }

    /// The plain shape with the same sizes and g2 (g1 is not used by a gated cell).
    public var plain: Shape { Shape(nx: nx, na: na, ny: ny, g1: .tanh, g2: g2) }
}

/// The shared weights of a gated cell. `W[k]`, `b[k]` belong to `cell.gates[k]`; every W is
/// n_a × (n_a+n_x), its first n_a columns multiplying a<t-1> (or c<t-1>, Γr ⊙ c<t-1>).
public struct GatedParams: Equatable, Sendable {
    public var cell: GatedCell
    /// W per gate, aligned with `cell.gates`   (n_a × (n_a+n_x) each)
    public var W: [Matrix]
    /// b per gate, aligned with `cell.gates`   (n_a each)
    public var b: [[Double]]
    /// Wya   (n_y × n_a)
    public var Wya: Matrix
    /// by   (n_y)
    public var by: [Double]
    /// a<0>   (n_a)
    public var a0: [Double]
    /// c<0>   (n_a); for the GRU always equal to a<0>.
    public var c0: [Double]

    public init(cell: GatedCell, W: [Matrix], b: [[Double]], Wya: Matrix, by: [Double], a0: [Double], c0: [Double]? = nil) {
        let na = Wya.cols
        precondition(W.count == cell.gates.count && b.count == W.count
                     && W.allSatisfy { $0.rows == na && $0.cols == W[0].cols && $0.cols >= na }
                     && b.allSatisfy { $0.count == na } && by.count == Wya.rows && a0.count == na
                     && (c0?.count ?? na) == na, "GatedParams shape mismatch")
        self.cell = cell; self.W = W; self.b = b; self.Wya = Wya; self.by = by; self.a0 = a0
        self.c0 = cell == .gru ? a0 : (c0 ?? Array(repeating: 0, count: na))
    }

    public var na: Int { Wya.cols }
    public var nx: Int { W[0].cols - na }
    public var ny: Int { Wya.rows }

    /// The index of `gate` in `cell.gates`, or nil when the cell has no such gate.
    public func index(_ gate: Gate) -> Int? { cell.gates.firstIndex(of: gate) }
    /// The weight of `gate`, or nil when the cell has no such gate.
    public func weight(_ gate: Gate) -> Matrix? { index(gate).map { W[$0] } }
    /// The bias of `gate`, or nil when the cell has no such gate.
    public func bias(_ gate: Gate) -> [Double]? { index(gate).map { b[$0] } }

    /// Seeded initialisation, the same numbers everywhere (the generator and draw of
    /// `Params.seeded`: SplitMix64(seed), each weight scale · (2u − 1)).
    ///
    /// Entries are drawn row by row in the order of `cell.gates` (GRU Wu, Wr, Wc; LSTM Wf, Wu,
    /// Wc, Wo), then Wya. Every bias is zero except bf = `forgetBias` (LSTM); a<0>, c<0> are zero.
    public static func seeded(_ shape: GatedShape, seed: UInt64, scale: Double, forgetBias: Double = 0) -> GatedParams {
        var g = SplitMix64(seed: seed)
        func draw(_ r: Int, _ c: Int) -> Matrix {
            Matrix(rows: r, cols: c, values: (0..<(r * c)).map { _ in scale * (2 * g.nextUnit() - 1) })
        }
        let W = shape.cell.gates.map { _ in draw(shape.na, shape.na + shape.nx) }
        let Wya = draw(shape.ny, shape.na)
        let b = shape.cell.gates.map { Array(repeating: $0 == .f ? forgetBias : 0, count: shape.na) }
        return GatedParams(cell: shape.cell, W: W, b: b, Wya: Wya, by: Array(repeating: 0, count: shape.ny),
                           a0: Array(repeating: 0, count: shape.na))
    }
}

/// A gated RNN: its shape and its shared weights.
public struct GatedRNN: Equatable, Sendable {
    public var shape: GatedShape
    public var params: GatedParams
    public init(shape: GatedShape, params: GatedParams) {
        precondition(params.cell == shape.cell && params.na == shape.na && params.nx == shape.nx
                     && params.ny == shape.ny, "GatedRNN shape mismatch")
        self.shape = shape
        self.params = params
    }

    /// The output layer alone as a plain RNN (Wya, by, a<0>; Wa and ba zero), for the code
    /// that only reads sizes, the output layer or a<0>.
    public var outputLayer: RNN {
        let na = shape.na
        return RNN(shape: shape.plain, params: Params(
            Waa: Matrix(rows: na, cols: na), Wax: Matrix(rows: na, cols: shape.nx), Wya: params.Wya,
            ba: Array(repeating: 0, count: na), by: params.by, a0: params.a0))
    }
}

/// The gradients of a gated cell's shared weights (or one step's contribution to them).
public struct GatedGradients: Equatable, Sendable {
    /// dW per gate, aligned with `cell.gates`
    public var dW: [Matrix]
    /// db per gate
    public var db: [[Double]]
    public var dWya: Matrix
    public var dby: [Double]

    public init(dW: [Matrix], db: [[Double]], dWya: Matrix, dby: [Double]) {
        self.dW = dW; self.db = db; self.dWya = dWya; self.dby = dby
    }

    static func zero(_ s: GatedShape) -> GatedGradients {
        GatedGradients(dW: s.cell.gates.map { _ in Matrix(rows: s.na, cols: s.na + s.nx) },
                       db: s.cell.gates.map { _ in Array(repeating: 0, count: s.na) },
                       dWya: Matrix(rows: s.ny, cols: s.na), dby: Array(repeating: 0, count: s.ny))
    }

    public mutating func add(_ o: GatedGradients) {
        for k in dW.indices {
            for i in dW[k].values.indices { dW[k].values[i] += o.dW[k].values[i] }
            for i in db[k].indices { db[k][i] += o.db[k][i] }
        }
        for i in dWya.values.indices { dWya.values[i] += o.dWya.values[i] }
        for i in dby.indices { dby[i] += o.dby[i] }
    }

    /// Every entry, in a fixed order (for norms and clipping).
    public var allValues: [Double] { dW.flatMap(\.values) + db.flatMap { $0 } + dWya.values + dby }
}
