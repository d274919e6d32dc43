/// One sequence's forward and backward pass: its inputs and targets, every per-step vector,
/// and the gradients of the shared weights (the maths is in Engine.swift).
///
/// A value: a copy that is changed gets its own memory. Training keeps one workspace per
/// sequence length and `load`s each episode into it.
public struct Workspace: Sendable {
    public let shape: Shape
    public let T: Int
    /// The kernels every pass of this workspace runs.
    public let kernels: Kernels
    public private(set) var hasInput: [Bool]
    public private(set) var hasOutput: [Bool]
    public private(set) var hasTarget: [Bool]
    /// The inputs x<t> and targets y<t>, shared with the episode (not copied).
    public private(set) var xs: [[Double]]
    public private(set) var ys: [[Double]?]
    /// L = Σ_t L<t> of the last forward pass.
    public internal(set) var totalLoss = 0.0
    var tape: Tape
    /// The weights the tape holds packed (`Tape.pack`), kept so that a pass with the very same
    /// weights does not pack them again; nil after the tape is replaced.
    var packedWeights: Params?
    /// Whether the last forward pass also computed the outputs' part of every da<t>
    /// (`forward(_:preparingBackward:)`), so `backward` need not.
    var outputGradientsDone = false

    /// The per-step vectors a workspace keeps, each T rows of its width.
    public enum StepVector: Sendable {
        case z, a, zy, yHat, dy, da, dz, daPrev
    }

    /// A workspace for `episode`, or `TraceMemoryError` when its memory cannot be had.
    /// - Parameter limit: refuse a tape of more bytes than this (tests).
    public init(checked shape: Shape, episode: Episode, kernels: Kernels = .chosen, limit: Int? = nil) throws(TraceMemoryError) {
        self.shape = shape
        self.kernels = kernels
        T = episode.T
        hasInput = []; hasOutput = []; hasTarget = []; xs = []; ys = []
        tape = try Tape(na: shape.na, nx: shape.nx, ny: shape.ny, T: T,
                        denseInputs: !Self.allOneHot(episode.x, where: episode.layout.hasInput),
                        denseTargets: !(shape.g2 == .softmax && Self.allOneHot(episode.y.map { $0 ?? [] }, where: episode.y.map { $0 != nil })),
                        limit: limit)
        load(episode)
    }

    /// A workspace for `episode`, for shapes whose trace was made once already (the lesson
    /// loader makes one with `Trace.make`): when the memory cannot be had after all, the
    /// program ends with one line (`TraceMemoryError.stop`).
    public init(shape: Shape, episode: Episode, kernels: Kernels = .chosen) {
        do throws(TraceMemoryError) { try self.init(checked: shape, episode: episode, kernels: kernels) } catch { error.stop() }
    }

    /// Takes the inputs, targets and layout of another episode of the same length, keeping
    /// the memory (training reuses one workspace per sequence length).
    public mutating func load(_ episode: Episode) {
        precondition(episode.T == T, "a workspace is reused only for episodes of its length")
        precondition(episode.x.allSatisfy { $0.count == shape.nx }, "input width must be n_x")
        precondition(episode.y.allSatisfy { $0 == nil || $0?.count == shape.ny }, "target width must be n_y")
        outputGradientsDone = false
        hasInput = episode.layout.hasInput
        hasOutput = episode.layout.hasOutput
        hasTarget = episode.y.map { $0 != nil }
        xs = episode.x
        ys = episode.y
        let oneHotInputs = Self.allOneHot(xs, where: hasInput)
        let oneHotTargets = shape.g2 == .softmax && Self.allOneHot(ys.map { $0 ?? [] }, where: hasTarget)
        if (!oneHotInputs && !tape.denseInputs) || (!oneHotTargets && !tape.denseTargets) {
            do throws(TraceMemoryError) { tape = try Tape(na: shape.na, nx: shape.nx, ny: shape.ny, T: T, denseInputs: !oneHotInputs, denseTargets: !oneHotTargets) }
            catch { error.stop() }
            packedWeights = nil
        }
        let m = uniqueTape()
        for t in 1...T {
            let s = t - 1
            if !hasInput[s] {
                m.inputIndex[s] = -2
            } else if oneHotInputs, let j = Self.oneHotIndex(xs[s]) {
                m.inputIndex[s] = j
            } else {
                m.inputIndex[s] = -1
            }
            if m.denseInputs { Tape.copy(xs[s], to: m.x(t)) }
            m.dy(t).update(repeating: 0, count: shape.ny)   // rows of steps without a target stay zero
            guard let y = ys[s] else { m.targetIndex[s] = -2; continue }
            if oneHotTargets, let c = Self.oneHotIndex(y) {
                m.targetIndex[s] = c
            } else {
                m.targetIndex[s] = -1
                Tape.copy(y, to: m.y(t))
            }
        }
    }

    /// The tape, copied first if another workspace shares it.
    mutating func uniqueTape() -> Tape {
        if !isKnownUniquelyReferenced(&tape) {
            do throws(TraceMemoryError) { tape = try tape.copy() } catch { error.stop() }
        }
        return tape
    }

    /// The index of the 1 when v is one-hot (one entry exactly 1, the rest exactly 0).
    static func oneHotIndex(_ v: [Double]) -> Int? {
        var index: Int?
        for (i, e) in v.enumerated() where e != 0 {
            guard e == 1, index == nil else { return nil }
            index = i
        }
        return index
    }

    static func allOneHot(_ vs: [[Double]], where present: [Bool]) -> Bool {
        zip(vs, present).allSatisfy { !$1 || oneHotIndex($0) != nil }
    }

    // MARK: reading the numbers

    private func rows(_ q: StepVector) -> (UnsafeMutablePointer<Double>, width: Int, ld: Int) {
        let m = tape
        switch q {
        case .z: return (m.Z, shape.na, m.NA)
        case .a: return (m.A + m.NA, shape.na, m.NA)
        case .zy: return (m.ZY, shape.ny, m.NY)
        case .yHat: return (m.YH, shape.ny, m.NY)
        case .dy: return (m.DY, shape.ny, m.NY)
        case .da: return (m.DA, shape.na, m.NA)
        case .dz: return (m.DZ, shape.na, m.NA)
        case .daPrev: return (m.DAP, shape.na, m.NA)
        }
    }

    /// The vector `q` at step t (1…T).
    public func vector(_ q: StepVector, _ t: Int) -> [Double] {
        precondition(t >= 1 && t <= T, "step out of range")
        let (p, n, ld) = rows(q)
        return Tape.array(p + (t - 1) * ld, n)
    }

    /// max over t, i of |q<t>[i]| (0 for none; NaN entries are passed over).
    public func maxAbs(_ q: StepVector) -> Double {
        let (p, n, ld) = rows(q)
        var m = 0.0
        for t in 0..<T { for i in 0..<n { m = Swift.max(m, Swift.abs(p[t * ld + i])) } }
        return m
    }

    /// ‖q<t>‖, the Euclidean norm of the vector at step t.
    public func norm(_ q: StepVector, _ t: Int) -> Double {
        let (p, n, ld) = rows(q)
        return kernels.sumOfSquares(p + (t - 1) * ld, n).squareRoot()
    }

    /// Every step's vector q, one after another (T × width).
    private func all(_ q: StepVector) -> [Double] {
        let (p, n, ld) = rows(q)
        return Tape.rows(p, T, n, ld)
    }

    // The per-step vectors, step t at offset (t−1)·width (copies: prefer `vector(_:_:)`).
    public var z: [Double] { all(.z) }             // T × n_a
    public var a: [Double] { all(.a) }             // T × n_a
    public var zy: [Double] { all(.zy) }           // T × n_y  (Wya a<t> + by, the logits)
    public var yHat: [Double] { all(.yHat) }       // T × n_y
    public var dy: [Double] { all(.dy) }           // T × n_y
    public var da: [Double] { all(.da) }           // T × n_a
    public var dz: [Double] { all(.dz) }           // T × n_a
    public var daPrev: [Double] { all(.daPrev) }   // T × n_a
    /// L<t> at step t (1…T; 0 where no target).
    public func stepLoss(_ t: Int) -> Double { tape.loss[t - 1] }
    /// L<t> for every step (0 where no target).
    public var loss: [Double] { Tape.array(tape.loss, T) }

    // The gradients of the shared weights (sums over the steps) and ∂L/∂a<0>.
    private mutating func write(_ p: KeyPath<Tape, UnsafeMutablePointer<Double>>, _ v: [Double], _ n: Int) {
        precondition(v.count == n, "a gradient keeps its size")
        Tape.copy(v, to: uniqueTape()[keyPath: p])
    }
    public var dWa: [Double] {   // n_a × (n_a+n_x)
        get { Tape.array(tape.dWa, shape.na * (shape.na + shape.nx)) }
        set { write(\.dWa, newValue, shape.na * (shape.na + shape.nx)) }
    }
    public var dWya: [Double] {   // n_y × n_a
        get { Tape.array(tape.dWya, shape.ny * shape.na) }
        set { write(\.dWya, newValue, shape.ny * shape.na) }
    }
    public var dba: [Double] {   // n_a
        get { Tape.array(tape.dba, shape.na) }
        set { write(\.dba, newValue, shape.na) }
    }
    public var dby: [Double] {   // n_y
        get { Tape.array(tape.dby, shape.ny) }
        set { write(\.dby, newValue, shape.ny) }
    }
    public var da0: [Double] { Tape.array(tape.da0, shape.na) }   // n_a

    /// The gradients as one value.
    public var gradients: Gradients {
        Gradients(dWa: Matrix(rows: shape.na, cols: shape.na + shape.nx, values: dWa),
                  dWya: Matrix(rows: shape.ny, cols: shape.na, values: dWya), dba: dba, dby: dby)
    }
}
