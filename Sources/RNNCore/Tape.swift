import Foundation

/// The memory of one forward and backward pass: every per-step vector, the weights packed for
/// the kernels, and the gradients, in one 64-byte-aligned allocation.
///
/// Rows of per-step vectors are padded to a multiple of 8 doubles (`NA`, `NY`, `NX`) so each row
/// starts on a cache line; the padding stays zero. Row t of `A` is a<t> (row 0 is a<0>), so the
/// a<t-1> of step t is row t − 1 and the whole sequence of a<t-1> is rows 0…T−1. Steps are
/// 1-based in the accessors, as in the notes.
final class Tape: @unchecked Sendable {
    let na: Int, nx: Int, ny: Int, T: Int
    /// Padded row lengths.
    let NA: Int, NX: Int, NY: Int
    /// The input of each step: its index when x<t> is one-hot, −1 when dense (row of X), −2 when none.
    var inputIndex: [Int]
    /// The target of each step: its class when y<t> is one-hot, −1 when dense (row of Y), −2 when none.
    var targetIndex: [Int]
    /// Whether X and Y have a row per step (room for dense inputs and targets) or a single row.
    let denseInputs: Bool, denseTargets: Bool

    private let base: UnsafeMutablePointer<Double>
    private let count: Int
    /// The allocation `base` lies in (64-byte aligned within it).
    private let block: UnsafeMutableRawPointer

    // per step
    let A: UnsafeMutablePointer<Double>      // (T+1) × NA: a<0>, a<1>, …, a<T>
    let Z: UnsafeMutablePointer<Double>      // T × NA
    let ZY: UnsafeMutablePointer<Double>     // T × NY: the logits Wya·a<t> + by
    let YH: UnsafeMutablePointer<Double>     // T × NY: ŷ<t>
    let DY: UnsafeMutablePointer<Double>     // T × NY (zero where the step has no target)
    let DA: UnsafeMutablePointer<Double>     // T × NA
    let DZ: UnsafeMutablePointer<Double>     // T × NA
    let DAP: UnsafeMutablePointer<Double>    // T × NA: da<t-1> = Waaᵀ·dz<t>
    let X: UnsafeMutablePointer<Double>      // T × NX dense inputs (one row when all are one-hot)
    let Y: UnsafeMutablePointer<Double>      // T × NY dense targets (one row when all are one-hot)
    let loss: UnsafeMutablePointer<Double>   // T
    // the weights, packed by forward: Waa and Wya row by row, Wax transposed (row j is column j)
    let Waa: UnsafeMutablePointer<Double>    // na × NA
    let WaxT: UnsafeMutablePointer<Double>   // nx × NA
    let Wya: UnsafeMutablePointer<Double>    // ny × NA
    let ba: UnsafeMutablePointer<Double>     // NA
    let by: UnsafeMutablePointer<Double>     // NY
    // gradients, in the layout of Params (dWa = [dWaa | dWax] with rows of n_a + n_x)
    let dWa: UnsafeMutablePointer<Double>    // na × (na + nx)
    let dWya: UnsafeMutablePointer<Double>   // ny × na
    let dba: UnsafeMutablePointer<Double>    // NA
    let dby: UnsafeMutablePointer<Double>    // NY
    let da0: UnsafeMutablePointer<Double>    // NA

    /// Doubles rounded up to whole cache lines.
    static func padded(_ n: Int) -> Int { (n + 7) / 8 * 8 }

    /// The row length for rows of n doubles: whole cache lines, and from 8 lines on an odd
    /// number of them, so that rows 4 KiB apart (n = 512, 1024) do not all fall into the same
    /// few sets of the L1 cache (n_a = 512: weight gradients ~1.3× faster).
    static func rowLength(_ n: Int) -> Int {
        let p = padded(n)
        return p >= 64 && p / 8 % 2 == 0 ? p + 8 : p
    }

    /// The doubles of each part, in order (see the stored pointers above), or nil when a count
    /// does not fit in an Int.
    static func sizes(na: Int, nx: Int, ny: Int, T: Int, denseInputs: Bool, denseTargets: Bool) -> [Int]? {
        func times(_ a: Int, _ b: Int) -> Int? {
            let (p, o) = a.multipliedReportingOverflow(by: b)
            return o ? nil : p
        }
        guard na >= 0, nx >= 0, ny >= 0, T >= 0, na < Int.max / 16, nx < Int.max / 16, ny < Int.max / 16, T < Int.max / 16 else { return nil }
        let NA = rowLength(na), NX = rowLength(nx), NY = rowLength(ny)
        let xRows = denseInputs ? T : 1, yRows = denseTargets ? T : 1
        let parts: [Int?] = [times(T + 1, NA), times(T, NA), times(T, NY), times(T, NY), times(T, NY), times(T, NA), times(T, NA), times(T, NA),
                             times(xRows, NX), times(yRows, NY), padded(T), times(na, NA), times(nx, NA), times(ny, NA), NA, NY,
                             times(na, na + nx).map(padded), times(ny, na).map(padded), NA, NY, NA]
        return parts.allSatisfy { $0 != nil } ? parts.compactMap { $0 } : nil
    }

    /// The bytes of a tape (with its alignment slack), or nil when the count does not fit in an Int.
    static func bytes(na: Int, nx: Int, ny: Int, T: Int, denseInputs: Bool, denseTargets: Bool) -> Int? {
        guard let sizes = sizes(na: na, nx: nx, ny: ny, T: T, denseInputs: denseInputs, denseTargets: denseTargets) else { return nil }
        var total = 64
        for s in sizes {
            let (b, o1) = s.multipliedReportingOverflow(by: 8)
            let (t, o2) = total.addingReportingOverflow(b)
            if o1 || o2 { return nil }
            total = t
        }
        return total
    }

    /// - Parameter limit: refuse (throw) a tape of more bytes than this (tests; nil: no limit
    ///   but the system's).
    /// - Throws: `TraceMemoryError` when the size overflows, passes `limit`, or the system
    ///   will not give the memory.
    init(na: Int, nx: Int, ny: Int, T: Int, denseInputs: Bool, denseTargets: Bool, limit: Int? = nil) throws(TraceMemoryError) {
        self.na = na; self.nx = nx; self.ny = ny; self.T = T
        self.denseInputs = denseInputs; self.denseTargets = denseTargets
        NA = Self.rowLength(na); NX = Self.rowLength(nx); NY = Self.rowLength(ny)
        guard let sizes = Self.sizes(na: na, nx: nx, ny: ny, T: T, denseInputs: denseInputs, denseTargets: denseTargets),
              let bytes = Self.bytes(na: na, nx: nx, ny: ny, T: T, denseInputs: denseInputs, denseTargets: denseTargets) else {
            throw TraceMemoryError(bytes: nil, na: na, T: T)
        }
        if let limit, bytes > limit { throw TraceMemoryError(bytes: bytes, na: na, T: T) }
        // calloc: a large block comes zeroed from the system and its pages take memory only when
        // written, so the rows of a pass that has not run (a trace's backward) cost nothing
        guard let raw = calloc(bytes, 1) else { throw TraceMemoryError(bytes: bytes, na: na, T: T) }
        inputIndex = Array(repeating: -2, count: T)
        targetIndex = Array(repeating: -2, count: T)
        count = sizes.reduce(0, +)
        block = raw
        let aligned = raw + (64 - Int(bitPattern: raw) % 64) % 64
        base = aligned.bindMemory(to: Double.self, capacity: count)
        var offsets: [UnsafeMutablePointer<Double>] = []
        var at = base
        for s in sizes { offsets.append(at); at += s }
        (A, Z, ZY, YH, DY, DA, DZ, DAP) = (offsets[0], offsets[1], offsets[2], offsets[3], offsets[4], offsets[5], offsets[6], offsets[7])
        (X, Y, loss) = (offsets[8], offsets[9], offsets[10])
        (Waa, WaxT, Wya, ba, by) = (offsets[11], offsets[12], offsets[13], offsets[14], offsets[15])
        (dWa, dWya, dba, dby, da0) = (offsets[16], offsets[17], offsets[18], offsets[19], offsets[20])
    }

    deinit { free(block) }

    /// A copy with the same numbers (a workspace copied and then changed gets its own tape).
    func copy() throws(TraceMemoryError) -> Tape {
        let t = try Tape(na: na, nx: nx, ny: ny, T: T, denseInputs: denseInputs, denseTargets: denseTargets)
        t.base.update(from: base, count: count)
        t.inputIndex = inputIndex
        t.targetIndex = targetIndex
        return t
    }

    // MARK: rows by step (t = 1…T; a(0) is a<0>)

    @inline(__always) func a(_ t: Int) -> UnsafeMutablePointer<Double> { A + t * NA }
    @inline(__always) func z(_ t: Int) -> UnsafeMutablePointer<Double> { Z + (t - 1) * NA }
    @inline(__always) func zy(_ t: Int) -> UnsafeMutablePointer<Double> { ZY + (t - 1) * NY }
    @inline(__always) func yHat(_ t: Int) -> UnsafeMutablePointer<Double> { YH + (t - 1) * NY }
    @inline(__always) func dy(_ t: Int) -> UnsafeMutablePointer<Double> { DY + (t - 1) * NY }
    @inline(__always) func da(_ t: Int) -> UnsafeMutablePointer<Double> { DA + (t - 1) * NA }
    @inline(__always) func dz(_ t: Int) -> UnsafeMutablePointer<Double> { DZ + (t - 1) * NA }
    @inline(__always) func daPrev(_ t: Int) -> UnsafeMutablePointer<Double> { DAP + (t - 1) * NA }
    @inline(__always) func x(_ t: Int) -> UnsafeMutablePointer<Double> { X + (t - 1) * NX }
    @inline(__always) func y(_ t: Int) -> UnsafeMutablePointer<Double> { Y + (t - 1) * NY }

    /// v into the memory at p.
    static func copy(_ v: [Double], to p: UnsafeMutablePointer<Double>) {
        v.withUnsafeBufferPointer { if let b = $0.baseAddress { p.update(from: b, count: $0.count) } }
    }

    /// The first n numbers at p, as an array.
    static func array(_ p: UnsafePointer<Double>, _ n: Int) -> [Double] { Array(UnsafeBufferPointer(start: p, count: n)) }

    /// Rows 0..<rows of width n (stride ld) starting at p, without their padding, one after another.
    static func rows(_ p: UnsafePointer<Double>, _ rows: Int, _ n: Int, _ ld: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(rows * n)
        for r in 0..<rows { out.append(contentsOf: UnsafeBufferPointer(start: p + r * ld, count: n)) }
        return out
    }
}
