import Foundation

/// The memory of a GRU's or LSTM's forward and backward pass: every per-step vector, the weights
/// packed for the kernels, and the gradients (the maths is in GatedEngine.swift).
///
/// Per step the gates lie side by side in one row of K·n_a numbers, in the order of `cell.gates`
/// (GRU Γu, Γr, c̃; LSTM Γf, Γu, c̃, Γo), so one product with the gates' recurrent weights
/// stacked (`Wh`, K·n_a × n_a) gives them all, and one product with its transpose takes their
/// gradients back to a<t-1>. Rows are padded to whole cache lines (`Tape.rowLength`); steps are
/// 1-based in the accessors, as in the notes, and row 0 of A and C is a<0>, c<0>.
public final class GatedWorkspace: @unchecked Sendable {
    public let shape: GatedShape
    public let T: Int
    public let kernels: Kernels
    let na: Int, nx: Int, ny: Int
    /// K·n_a: the gates of one step side by side.
    let KA: Int
    /// Padded row lengths for n_a, n_x, n_y and K·n_a numbers.
    let NA: Int, NX: Int, NY: Int, NG: Int
    /// Per step: the index of a one-hot x<t> (≥ 0), −1 when dense (row of X), −2 without input.
    var inputIndex: [Int]
    /// Whether some x<t> is dense: then X holds every step's x<t> (zeros where there is none).
    private(set) var denseInputs = false
    var hasOutput: [Bool]
    var ys: [[Double]?]

    // per step
    let A: UnsafeMutablePointer<Double>      // (T+1) × NA: a<0>, a<1>, …, a<T> (the GRU's A is C: a<t> = c<t>)
    let C: UnsafeMutablePointer<Double>      // (T+1) × NA: c<0>, c<1>, …, c<T>
    let TC: UnsafeMutablePointer<Double>     // T × NA: tanh(c<t>) (LSTM)
    let RC: UnsafeMutablePointer<Double>     // T × NA: Γr<t> ⊙ c<t-1> (GRU)
    let G: UnsafeMutablePointer<Double>      // T × NG: each gate's value Γ<t> (or c̃<t>); first its pre-activation
    let DG: UnsafeMutablePointer<Double>     // T × NG: ∂L/∂Γ<t> (or ∂L/∂c̃<t>)
    let DZ: UnsafeMutablePointer<Double>     // T × NG: ∂L/∂(pre-activation)
    let ZY: UnsafeMutablePointer<Double>     // T × NY: Wya·a<t> + by
    let YH: UnsafeMutablePointer<Double>     // T × NY: ŷ<t>
    let DY: UnsafeMutablePointer<Double>     // T × NY: ŷ<t> − y<t> (zero where the step has no target)
    let DA: UnsafeMutablePointer<Double>     // T × NA: da<t>, every path
    let DC: UnsafeMutablePointer<Double>     // T × NA: dc<t>, every path
    let DAP: UnsafeMutablePointer<Double>    // T × NA: da_prev<t> = ∂L/∂a<t-1> through step t
    let DCP: UnsafeMutablePointer<Double>    // T × NA: dc_prev<t>
    let DR: UnsafeMutablePointer<Double>     // NA: d(Γr ⊙ c<t-1>) of the step being taken back (GRU)
    let zeros: UnsafeMutablePointer<Double>  // NA: dc_next after the last step
    private(set) var X: UnsafeMutablePointer<Double>   // T × NX dense inputs (one row when none is dense)
    private var xRows = 1
    // the weights, packed by forward
    let Wh: UnsafeMutablePointer<Double>     // K·na × NA: every gate's W[:, :n_a], stacked
    let WxT: UnsafeMutablePointer<Double>    // nx × NG: every gate's W[:, n_a:], transposed (row j is column j)
    let b: UnsafeMutablePointer<Double>      // NG: every gate's b
    let Wya: UnsafeMutablePointer<Double>    // ny × NA
    let by: UnsafeMutablePointer<Double>     // NY
    // gradients, in the layout of GatedParams: dW = [dW of gate 0; gate 1; …], rows of n_a + n_x
    let dW: UnsafeMutablePointer<Double>     // K·na × (na + nx)
    let db: UnsafeMutablePointer<Double>     // K·na
    let dWya: UnsafeMutablePointer<Double>   // ny × na
    let dby: UnsafeMutablePointer<Double>    // ny
    let da0: UnsafeMutablePointer<Double>    // NA
    let dc0: UnsafeMutablePointer<Double>    // NA
    /// L<t> (0 where no target)
    public internal(set) var loss: [Double]
    public internal(set) var totalLoss = 0.0
    private var blocks: [UnsafeMutableRawPointer] = []
    /// The weights packed last (`pack`), kept so that a pass with the very same arrays does not
    /// pack them again (holding them, the workspace knows they cannot change underneath it).
    private var packedWeights: GatedParams?
    /// The index of the episode `load`ed last among its trainer's episodes (set by the trainer,
    /// which then skips loading it again; nil after any other `load`).
    var loadedEpisode: Int?
    /// Per step: the index of the 1 of a one-hot y<t> under softmax (≥ 0), −1 for another
    /// target, −2 without one.
    var targetIndex: [Int]

    /// As `init(checked:…)`, for shapes whose trace was made once already: when the memory
    /// cannot be had after all, the program ends with `TraceMemoryError`'s one line.
    public convenience init(shape: GatedShape, episode: Episode, kernels: Kernels = .chosen) {
        do throws(TraceMemoryError) { try self.init(checked: shape, episode: episode, kernels: kernels) } catch { error.stop() }
    }

    /// A workspace for `episode`, or `TraceMemoryError` when its memory cannot be had (nothing
    /// is kept then). - Parameter limit: refuse more bytes than this (tests).
    public init(checked shape: GatedShape, episode: Episode, kernels: Kernels = .chosen, limit: Int? = nil) throws(TraceMemoryError) {
        let T = episode.T, na = shape.na, nx = shape.nx, ny = shape.ny, K = shape.cell.gates.count
        let dense = !Workspace.allOneHot(episode.x, where: episode.layout.hasInput)
        let total = Self.bytes(shape: shape, T: T, denseInputs: dense)
        guard let total, total <= limit ?? Int.max else { throw TraceMemoryError(bytes: total, na: na, T: T) }
        self.shape = shape; self.T = T; self.kernels = kernels
        self.na = na; self.nx = nx; self.ny = ny; KA = K * na
        NA = Tape.rowLength(na); NX = Tape.rowLength(nx); NY = Tape.rowLength(ny); NG = Tape.rowLength(K * na)
        var blocks: [UnsafeMutableRawPointer] = []
        func alloc(_ n: Int) throws(TraceMemoryError) -> UnsafeMutablePointer<Double> {
            try Self.zeroed(n, &blocks, error: TraceMemoryError(bytes: total, na: na, T: T))
        }
        C = try alloc((T + 1) * NA)
        A = shape.cell == .gru ? C : try alloc((T + 1) * NA)
        TC = try alloc(shape.cell == .lstm ? T * NA : 0); RC = try alloc(shape.cell == .gru ? T * NA : 0)
        G = try alloc(T * NG); DG = try alloc(T * NG); DZ = try alloc(T * NG)
        ZY = try alloc(T * NY); YH = try alloc(T * NY); DY = try alloc(T * NY)
        DA = try alloc(T * NA); DC = try alloc(T * NA); DAP = try alloc(T * NA); DCP = try alloc(T * NA)
        DR = try alloc(NA); zeros = try alloc(NA); X = try alloc(dense ? T * NX : NX); xRows = dense ? T : 1
        Wh = try alloc(K * na * NA); WxT = try alloc(nx * NG); b = try alloc(NG); Wya = try alloc(ny * NA); by = try alloc(NY)
        dW = try alloc(K * na * (na + nx)); db = try alloc(NG); dWya = try alloc(ny * na); dby = try alloc(NY)
        da0 = try alloc(NA); dc0 = try alloc(NA)
        assert(blocks.count == (shape.cell == .gru ? 27 : 28), "Self.bytes counts the blocks allocated here")
        inputIndex = Array(repeating: -2, count: T)
        targetIndex = Array(repeating: -2, count: T)
        hasOutput = episode.layout.hasOutput; ys = episode.y
        loss = Array(repeating: 0, count: T)
        self.blocks = blocks
        load(episode)
    }

    deinit { for p in blocks { free(p) } }

    /// The bytes `init(checked:)` asks for (its blocks, as it allocates them), or nil when the
    /// count overflows: per step 8·(2·N_a + N_a + 3·N_g + 3·N_y + 4·N_a) (the GRU: one N_a less,
    /// a<t> = c<t>; N_g = K·n_a rounded up as `Tape.rowLength`; + N_x for dense inputs), and the
    /// weights, their packed copy and the gradients.
    public static func bytes(shape: GatedShape, T: Int, denseInputs: Bool) -> Int? {
        let na = shape.na, nx = shape.nx, ny = shape.ny, K = shape.cell.gates.count
        let NA = Tape.rowLength(na), NX = Tape.rowLength(nx), NY = Tape.rowLength(ny), NG = Tape.rowLength(K * na)
        let steps: [(Int, Int)] = [(T + 1, NA), (shape.cell == .gru ? 0 : T + 1, NA), (T, NA), (T, 3 * NG),
                                   (T, 3 * NY), (T, 4 * NA), (denseInputs ? T : 1, NX)]
        let fixed: [(Int, Int)] = [(4, NA), (K * na, NA), (nx, NG), (2, NG), (ny, NA), (2, NY),
                                   (K * na, na + nx), (ny, na)]
        var total = 0
        for (a, b) in steps + fixed {
            let (n, o1) = a.multipliedReportingOverflow(by: b)
            let (bytes, o2) = n.multipliedReportingOverflow(by: 8)
            let (t, o3) = total.addingReportingOverflow(bytes)
            if o1 || o2 || o3 { return nil }
            total = t
        }
        return total
    }

    /// n doubles, zero, 64-byte aligned (calloc: pages never written take no memory). When the
    /// memory cannot be had, frees `blocks` (so nothing is kept) and throws `error`.
    private static func zeroed(_ n: Int, _ blocks: inout [UnsafeMutableRawPointer],
                               error: TraceMemoryError) throws(TraceMemoryError) -> UnsafeMutablePointer<Double> {
        let (bytes, overflow) = max(n, 1).multipliedReportingOverflow(by: 8)
        guard !overflow, bytes <= Int.max - 64, let raw = calloc(bytes + 64, 1) else {
            for p in blocks { free(p) }
            blocks.removeAll()
            throw error
        }
        blocks.append(raw)
        let aligned = raw + (64 - Int(bitPattern: raw) % 64) % 64
        return aligned.bindMemory(to: Double.self, capacity: max(n, 1))
    }

    /// Takes the inputs, targets and layout of an episode of this length.
    public func load(_ episode: Episode) {
        precondition(episode.T == T, "a workspace is reused only for episodes of its length")
        loadedEpisode = nil
        let xs = episode.x, present = episode.layout.hasInput
        precondition(xs.allSatisfy { $0.count == nx } && episode.y.allSatisfy { $0 == nil || $0?.count == ny },
                     "input and target widths must be n_x and n_y")
        hasOutput = episode.layout.hasOutput; ys = episode.y
        denseInputs = !Workspace.allOneHot(xs, where: present)
        if denseInputs && xRows < T {
            do throws(TraceMemoryError) {
                X = try Self.zeroed(T * NX, &blocks, error: TraceMemoryError(bytes: T * NX * 8, na: na, T: T))
            } catch { error.stop() }
            xRows = T
        }
        for s in 0..<T {
            if let y = ys[s] {
                targetIndex[s] = shape.g2 == .softmax ? Workspace.oneHotIndex(y) ?? -1 : -1
            } else {
                targetIndex[s] = -2
            }
            if denseInputs { (X + s * NX).update(repeating: 0, count: nx) }
            if !present[s] {
                inputIndex[s] = -2
            } else if !denseInputs, let j = Workspace.oneHotIndex(xs[s]) {
                inputIndex[s] = j
            } else {
                inputIndex[s] = -1
                Tape.copy(xs[s], to: X + s * NX)
            }
        }
        DY.update(repeating: 0, count: T * NY)
    }

    // MARK: rows by step (t = 1…T; a(0), c(0) are a<0>, c<0>)

    @inline(__always) func a(_ t: Int) -> UnsafeMutablePointer<Double> { A + t * NA }
    @inline(__always) func c(_ t: Int) -> UnsafeMutablePointer<Double> { C + t * NA }
    @inline(__always) func tanhC(_ t: Int) -> UnsafeMutablePointer<Double> { TC + (t - 1) * NA }
    @inline(__always) func rc(_ t: Int) -> UnsafeMutablePointer<Double> { RC + (t - 1) * NA }
    @inline(__always) func gates(_ t: Int) -> UnsafeMutablePointer<Double> { G + (t - 1) * NG }
    @inline(__always) func dGates(_ t: Int) -> UnsafeMutablePointer<Double> { DG + (t - 1) * NG }
    @inline(__always) func dz(_ t: Int) -> UnsafeMutablePointer<Double> { DZ + (t - 1) * NG }
    @inline(__always) func zy(_ t: Int) -> UnsafeMutablePointer<Double> { ZY + (t - 1) * NY }
    @inline(__always) func yHat(_ t: Int) -> UnsafeMutablePointer<Double> { YH + (t - 1) * NY }
    @inline(__always) func dy(_ t: Int) -> UnsafeMutablePointer<Double> { DY + (t - 1) * NY }
    @inline(__always) func da(_ t: Int) -> UnsafeMutablePointer<Double> { DA + (t - 1) * NA }
    @inline(__always) func dc(_ t: Int) -> UnsafeMutablePointer<Double> { DC + (t - 1) * NA }
    @inline(__always) func daPrev(_ t: Int) -> UnsafeMutablePointer<Double> { DAP + (t - 1) * NA }
    @inline(__always) func dcPrev(_ t: Int) -> UnsafeMutablePointer<Double> { DCP + (t - 1) * NA }
    @inline(__always) func x(_ t: Int) -> UnsafeMutablePointer<Double> { X + (t - 1) * NX }

    /// Packs `p` (`pack`) unless these very arrays were packed last; returns whether it packed.
    @discardableResult
    func packIfChanged(_ p: GatedParams) -> Bool {
        if let last = packedWeights, last.sharesStorage(with: p) { return false }
        pack(p)
        packedWeights = p
        return true
    }

    /// Copies the weights into the kernels' layout: the gates' recurrent blocks stacked row by row,
    /// their input blocks transposed (so a one-hot x<t> picks a row), the biases side by side,
    /// Wya, by, and a<0>, c<0> into row 0 of A and C.
    func pack(_ p: GatedParams) {
        let ld = na + nx
        for (k, W) in p.W.enumerated() {
            W.values.withUnsafeBufferPointer { w in
                guard let w = w.baseAddress else { return }
                for i in 0..<na { (Wh + (k * na + i) * NA).update(from: w + i * ld, count: na) }
                // WxT[j, k·n_a + i] = W[i, n_a + j], four rows of W at a time: each j writes four
                // neighbours, and the four rows are read front to back
                var i = 0
                while i + 4 <= na {
                    let r = w + i * ld + na, out = WxT + k * na + i
                    for j in 0..<nx {
                        let o = out + j * NG
                        o[0] = r[j]; o[1] = r[ld + j]; o[2] = r[2 * ld + j]; o[3] = r[3 * ld + j]
                    }
                    i += 4
                }
                for i in i..<na { for j in 0..<nx { WxT[j * NG + k * na + i] = w[i * ld + na + j] } }
            }
            Tape.copy(p.b[k], to: b + k * na)
        }
        p.Wya.values.withUnsafeBufferPointer { w in
            guard let w = w.baseAddress else { return }
            for i in 0..<ny { (Wya + i * NA).update(from: w + i * na, count: na) }
        }
        Tape.copy(p.by, to: by)
        Tape.copy(p.c0, to: C)
        Tape.copy(p.a0, to: A)
    }

    // MARK: reading out

    /// A per-step quantity of the workspace: a gate's value, its gradient or its dz (gate k of
    /// `cell.gates`), or c, a, the output layer's, or a total derivative.
    public enum Quantity: Sendable {
        case gate(Int), dGate(Int), dzGate(Int), c, a, zy, yHat, dy, da, dc, daPrev, dcPrev
    }

    /// Where a quantity's row t = 1 starts, its row stride and its width.
    private func layout(_ q: Quantity) -> (UnsafeMutablePointer<Double>, Int, Int) {
        switch q {
        case .gate(let k): return (G + k * na, NG, na)
        case .dGate(let k): return (DG + k * na, NG, na)
        case .dzGate(let k): return (DZ + k * na, NG, na)
        case .c: return (C + NA, NA, na)
        case .a: return (A + NA, NA, na)
        case .zy: return (ZY, NY, ny)
        case .yHat: return (YH, NY, ny)
        case .dy: return (DY, NY, ny)
        case .da: return (DA, NA, na)
        case .dc: return (DC, NA, na)
        case .daPrev: return (DAP, NA, na)
        case .dcPrev: return (DCP, NA, na)
        }
    }

    /// The quantity at step t (1-based).
    public func vector(_ q: Quantity, _ t: Int) -> [Double] {
        let (p, stride, width) = layout(q)
        return Tape.array(p + (t - 1) * stride, width)
    }

    /// The quantity at step t (1-based), in place: valid while the workspace lives, until its next pass.
    public func row(_ q: Quantity, _ t: Int) -> UnsafeBufferPointer<Double> {
        let (p, stride, width) = layout(q)
        return UnsafeBufferPointer(start: p + (t - 1) * stride, count: width)
    }

    /// The quantity at every step, one row after another (T × width, without padding).
    public func all(_ q: Quantity) -> [Double] {
        let (p, stride, width) = layout(q)
        var out: [Double] = []
        out.reserveCapacity(T * width)
        for t in 0..<T { out.append(contentsOf: UnsafeBufferPointer(start: p + t * stride, count: width)) }
        return out
    }

    /// ∂L/∂a<0> and ∂L/∂c<0> after `backward`.
    public var da0Vector: [Double] { Tape.array(da0, na) }
    public var dc0Vector: [Double] { Tape.array(dc0, na) }

    /// The gradients the workspace holds (after `backward(sums: true)` or `addWeightGradients`).
    public var gradients: GatedGradients {
        let ld = na + nx
        return GatedGradients(
            dW: (0..<shape.cell.gates.count).map { Matrix(rows: na, cols: ld, values: Tape.array(dW + $0 * na * ld, na * ld)) },
            db: (0..<shape.cell.gates.count).map { Tape.array(db + $0 * na, na) },
            dWya: Matrix(rows: ny, cols: na, values: Tape.array(dWya, ny * na)),
            dby: Tape.array(dby, ny))
    }
}

extension GatedParams {
    /// Whether both hold the very same arrays, buffer for buffer: then they hold the same numbers
    /// (an array still shared by two values cannot change: writing to it copies it first).
    func sharesStorage(with o: GatedParams) -> Bool {
        func same(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { x.baseAddress == $0.baseAddress } }
        }
        return cell == o.cell && W.count == o.W.count && b.count == o.b.count
            && zip(W, o.W).allSatisfy { $0.rows == $1.rows && same($0.values, $1.values) } && zip(b, o.b).allSatisfy { same($0, $1) }
            && Wya.rows == o.Wya.rows && same(Wya.values, o.Wya.values) && same(by, o.by) && same(a0, o.a0) && same(c0, o.c0)
    }
}
