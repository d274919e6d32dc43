import Foundation

/// Forward propagation and backpropagation through time, a step at a time, as the notes write
/// them. Each line calls a kernel (Kernels.swift); the numbers live in the workspace's tape.
extension Workspace {
    /// Forward over t = 1…T; returns L = Σ_t L<t> over the steps with a target.
    ///
    /// a<t> = g1(Waa·a<t-1> + Wax·x<t> + ba)   (n_a);   ŷ<t> = g2(Wya·a<t> + by)   (n_y)
    ///
    /// The outputs do not feed the recurrence: after each block of steps (`blocks`) that
    /// block's outputs go to the second core (`Overlap`) while the recurrence goes on. With
    /// `preparingBackward` the blocks also compute the outputs' part of da<t> for BPTT.
    @discardableResult
    public mutating func forward(_ p: Params, preparingBackward: Bool = false) -> Double {
        if let last = packedWeights, last.sharesStorage(with: p) {
            _ = uniqueTape()   // the same weights as the last pass: already packed
        } else {
            uniqueTape().pack(p)
            packedWeights = p
        }
        let rows = self.rows
        if Self.overlaps(shape) && Kernels.threads > 1 {
            var overlap = Overlap()
            let blocks = Self.blocks(T)
            for (n, block) in blocks.enumerated() {
                for t in block { hiddenStep(t) }
                // (the last block's outputs: nothing is left to do beside them)
                if n < blocks.count - 1 {
                    overlap.post { _ in rows.outputs(steps: block, gradients: preparingBackward) }
                } else {
                    rows.outputs(steps: block, gradients: preparingBackward)
                }
            }
            overlap.join()
        } else {   // (one thread, or n_a = 1024: the same numbers, every row of the products is computed alike)
            for t in 1...T { hiddenStep(t) }
            if Kernels.threads > 1 && T >= 2 {
                // the outputs after the recurrence: half the steps on each core (the softmax,
                // loss and dy of each step too, not only the product)
                let h = T / 2, halves = [1...h, (h + 1)...T]
                var overlap = Overlap()
                overlap.post(parts: 2) { p in rows.outputs(steps: halves[p], gradients: preparingBackward) }
                overlap.join()
            } else {
                rows.outputs(steps: 1...T, gradients: preparingBackward)
            }
        }
        outputGradientsDone = preparingBackward
        var L = 0.0
        for t in 1...T where hasOutput[t - 1] { L += tape.loss[t - 1] }
        totalLoss = L
        return L
    }

    /// Backpropagation through time, t = T…1, after `forward` (with the weights of that pass).
    /// Fills da, dz, daPrev per step (dy came with the forward pass), da0 = ∂L/∂a<0>, and,
    /// with `sums`, the gradients of the shared weights, each the sum of every step's part —
    /// the upper half of the steps' on the second core while the recurrence goes on down.
    /// (The trace adds those parts up itself, step by step, through `addWeightGradients`.)
    public mutating func backward(sums: Bool = true) {
        _ = uniqueTape()   // (holding no reference to it: the calls below must find it unique)
        let rows = self.rows
        // the outputs' part of da<t> does not depend on the recurrence: all of it first
        if !outputGradientsDone { rows.outputGradients(steps: 1...T) }
        outputGradientsDone = false
        if sums && Self.overlaps(shape) {
            // the upper half's weight gradients on the second core while the recurrence goes on
            // down through the lower half; then the lower half's, half the rows on each core
            let T = self.T, h = T / 2
            var overlap = Overlap()
            for t in stride(from: T, through: 1, by: -1) {
                backwardStep(t)
                if t == h + 1 && h >= 1 { overlap.post { _ in rows.weightGradients(steps: t...T, accumulate: false) } }
            }
            let lower = 1...Swift.max(h, 1), accumulate = h >= 1
            if Kernels.threads > 1 {
                overlap.post { _ in rows.weightGradients(steps: lower, accumulate: accumulate, half: 1) }
                rows.weightGradients(steps: lower, accumulate: accumulate, half: 0)
                overlap.join()
            } else {   // (the same numbers)
                overlap.join()
                rows.weightGradients(steps: lower, accumulate: accumulate)
            }
        } else {
            for t in stride(from: T, through: 1, by: -1) { backwardStep(t) }
            if sums { rows.weightGradients(steps: 1...T, accumulate: false) }
        }
        tape.da0.update(from: tape.daPrev(1), count: shape.na)
    }

    /// Steps per block of the passes that overlap the off-recurrence work.
    public static let overlapBlock = 8

    /// 1…T in blocks of `overlapBlock` steps, in order, the last one the shorter: the work of
    /// the last block is the one the caller waits for.
    static func blocks(_ T: Int) -> [ClosedRange<Int>] {
        stride(from: 1, through: T, by: overlapBlock).map { $0...Swift.min($0 + overlapBlock - 1, T) }
    }

    /// Whether a pass of this shape hands its off-recurrence work to the second core by blocks
    /// (small and middle sizes), or computes it for all steps at once after the recurrence,
    /// splitting the large products themselves over the two cores (n_a = 1024). The shape alone
    /// decides (never the thread count), so the sums have the same bits on one thread or two.
    static func overlaps(_ shape: Shape) -> Bool { shape.na * shape.na < 1 << 20 }

    /// z<t> = Waa·a<t-1> + Wax·x<t> + ba;  a<t> = g1(z<t>)   (n_a)
    /// (Waa's rows are read top to bottom at odd steps, bottom to top at even ones, so each
    /// step starts on the rows the last one left in the cache.)
    func hiddenStep(_ t: Int) {
        let m = tape, k = kernels, na = shape.na
        k.gemv(m.Waa, rows: na, cols: na, ld: m.NA, m.a(t - 1), plus: m.ba, into: m.z(t), reversed: t & 1 == 0)
        addInput(t, to: m.z(t))
        k.activate(shape.g1.kernel, m.z(t), into: m.a(t), na)
    }

    /// z += Wax·x<t>: one column of Wax when x<t> is one-hot, the whole product when it is dense.
    func addInput(_ t: Int, to z: UnsafeMutablePointer<Double>) {
        let m = tape, na = shape.na, j = m.inputIndex[t - 1]
        if j >= 0 {
            kernels.add(m.WaxT + j * m.NA, z, into: z, na)
        } else if j == -1 {
            kernels.gemvT(m.WaxT, rows: shape.nx, cols: na, ld: m.NA, m.x(t), plus: z, into: z)
        }
    }

    /// da<t> = Wyaᵀ·dy<t> + da_next;  dz<t> = da<t> ⊙ g1'(z<t>);  da<t-1> = Waaᵀ·dz<t>   (n_a)
    /// where da_next = da<t> from step t+1 (the da_prev of that step; nothing after T), and
    /// Wyaᵀ·dy<t> is already in da<t> (`PassRows.outputGradients`).
    func backwardStep(_ t: Int) {
        let m = tape, k = kernels, na = shape.na
        if t < T { k.add(m.daPrev(t + 1), m.da(t), into: m.da(t), na) }
        k.activateBackward(shape.g1.kernel, m.da(t), output: m.a(t), into: m.dz(t), na)
        k.gemvT(m.Waa, rows: na, cols: na, ld: m.NA, m.dz(t), plus: nil, into: m.daPrev(t), reversed: t & 1 == 1)
    }

    /// Adds the parts of steps `steps` to the gradients of the shared weights of `parts` (see
    /// `PassRows.weightGradients`); with `accumulate: false` sets the gradients to them.
    /// (Half the rows on each core when there are two: the same sums.)
    mutating func addWeightGradients(steps: ClosedRange<Int>, accumulate: Bool = true, parts: GradientParts = .all) {
        _ = uniqueTape()
        let rows = self.rows
        if Kernels.threads > 1 && !Self.overlaps(shape) {
            var overlap = Overlap()
            overlap.post { _ in rows.weightGradients(steps: steps, accumulate: accumulate, half: 1, parts: parts) }
            rows.weightGradients(steps: steps, accumulate: accumulate, half: 0, parts: parts)
            overlap.join()
        } else {
            rows.weightGradients(steps: steps, accumulate: accumulate, parts: parts)
        }
    }

    /// dWa, dba ← 0 (`.recurrent`);  dWya, dby ← 0 (`.output`)
    mutating func clearWeightGradients(_ parts: GradientParts = .all) {
        let m = uniqueTape(), s = shape
        if parts.contains(.recurrent) {
            m.dWa.update(repeating: 0, count: s.na * (s.na + s.nx))
            m.dba.update(repeating: 0, count: s.na)
        }
        if parts.contains(.output) {
            m.dWya.update(repeating: 0, count: s.ny * s.na)
            m.dby.update(repeating: 0, count: s.ny)
        }
    }

    /// The pass's rows as the off-recurrence work sees them (the tape not retained: the caller
    /// holds it, unique, for the whole pass).
    var rows: PassRows { PassRows(m: tape, k: kernels, shape: shape, T: T, hasOutput: hasOutput) }
}

/// The work of a pass that is off the recurrence — the outputs and the weight gradients — on
/// ranges of steps, so it can run a block at a time on the second core. Every row (and every
/// sum over a block) is computed alike whoever runs it and whatever the blocks around it.
struct PassRows {
    unowned(unsafe) let m: Tape
    let k: Kernels
    let shape: Shape
    let T: Int
    let hasOutput: [Bool]

    /// For each step t of `steps`: zy<t>, ŷ<t>, L<t>, dy<t> (`outputStep`), and with `gradients`
    /// the outputs' part of da<t> (`outputGradients`).
    func outputs(steps: ClosedRange<Int>, gradients: Bool) {
        outputLogits(steps: steps)
        for t in steps where hasOutput[t - 1] { outputStep(t) }
        if gradients { outputGradients(steps: steps) }
    }

    /// zy<t> = Wya·a<t> + by   (n_y) for every step t of `steps` with an output: one product
    /// over the steps when all have one (each row the same bits as a step's own product).
    func outputLogits(steps: ClosedRange<Int>) {
        let ny = shape.ny, na = shape.na, first = steps.lowerBound
        if steps.allSatisfy({ hasOutput[$0 - 1] }) {
            k.gemmNT(m.Wya, rows: ny, cols: na, ld: m.NA, m.a(first), ldx: m.NA, steps: steps.count, plus: m.by,
                     into: m.zy(first), ldy: m.NY)
        } else {
            for t in steps where hasOutput[t - 1] { k.gemv(m.Wya, rows: ny, cols: na, ld: m.NA, m.a(t), plus: m.by, into: m.zy(t)) }
        }
    }

    /// ŷ<t> = g2(zy<t>);  L<t> = loss(ŷ<t>, y<t>);  dy<t> = ŷ<t> − y<t> (= ∂L<t>/∂zy<t> for both
    /// losses)   (n_y), from the logits zy<t> = Wya·a<t> + by; L<t> into the tape (0 without a target).
    func outputStep(_ t: Int) {
        let ny = shape.ny, zy = m.zy(t), yHat = m.yHat(t), dy = m.dy(t)
        var lse = 0.0
        if shape.g2 == .softmax {
            let (mx, s) = k.softmax(zy, into: yHat, ny)
            lse = mx + Foundation.log(s)   // log Σ e^zy
        } else {
            k.activate(.sigmoid, zy, into: yHat, ny)
        }
        let c = m.targetIndex[t - 1]
        guard c != -2 else { m.loss[t - 1] = 0; return }
        if c >= 0 {   // one-hot y<t> = e_c (softmax): L<t> = log Σ e^zy − zy_c
            m.loss[t - 1] = lse - zy[c]
            dy.update(from: yHat, count: ny)
            dy[c] = yHat[c] - 1
        } else {
            let y = m.y(t)
            m.loss[t - 1] = shape.g2.loss(logits: UnsafeBufferPointer(start: zy, count: ny), target: UnsafeBufferPointer(start: y, count: ny))
            for i in 0..<ny { dy[i] = yHat[i] - y[i] }
        }
    }

    /// da<t> = Wyaᵀ·dy<t>, the outputs' part of ∂L/∂a<t>, for the steps t of `steps` at once:
    /// their rows of DY·Wya   (0 where step t has no target, as dy<t> = 0 there)
    func outputGradients(steps: ClosedRange<Int>) {
        let first = steps.lowerBound
        k.gemmTN(m.da(first), m: steps.count, n: shape.na, ldc: m.NA, m.dy(first), ldp: 1, pi: m.NY, m.Wya, ldq: m.NA,
                 steps: shape.ny, accumulate: false)
    }

    /// Adds the parts of steps `steps` to the gradients of the shared weights, as products over
    /// those steps at once:
    /// dWaa += Σ_t dz<t>·a<t-1>ᵀ;  dWax += Σ_t dz<t>·x<t>ᵀ;  dWya += Σ_t dy<t>·a<t>ᵀ;
    /// dba += Σ_t dz<t>;  dby += Σ_t dy<t>   (dy<t> = 0 where step t has no target).
    /// With `accumulate: false` the gradients are set to those sums instead. `half` 0 or 1 does
    /// only the first or the second half of the rows of dWa and dWya (and entries of dba, dby):
    /// each entry is the same sum whichever call computes it. `parts` leaves out the recurrent
    /// (dWa, dba) or the output (dWya, dby) gradients: each is computed on its own either way.
    func weightGradients(steps: ClosedRange<Int>, accumulate: Bool, half: Int? = nil, parts: GradientParts = .all) {
        let na = shape.na, nx = shape.nx, ny = shape.ny, ld = na + nx
        let first = steps.lowerBound, n = steps.count
        func range(_ count: Int) -> Range<Int> {
            guard let half else { return 0..<count }
            return half == 0 ? 0..<(count + 1) / 2 : (count + 1) / 2..<count
        }
        let r = parts.contains(.recurrent) ? range(na) : 0..<0, q = parts.contains(.output) ? range(ny) : 0..<0
        if !r.isEmpty {
            let i0 = r.lowerBound, rows = r.count
            if !accumulate && !m.denseInputs {
                for i in r { (m.dWa + i * ld + na).update(repeating: 0, count: nx) }
            }
            k.gemmTN(m.dWa + i0 * ld, m: rows, n: na, ldc: ld, m.dz(first) + i0, ldp: m.NA, m.a(first - 1), ldq: m.NA,
                     steps: n, accumulate: accumulate)
            if m.denseInputs {
                k.gemmTN(m.dWa + i0 * ld + na, m: rows, n: nx, ldc: ld, m.dz(first) + i0, ldp: m.NA, m.x(first), ldq: m.NX,
                         steps: n, accumulate: accumulate)
            } else {
                // one-hot x<t>: column j gets dz<t>, step by step; 64 rows at a time, so the
                // entries written stay in the cache (a column is a row apart per entry)
                for i0 in stride(from: r.lowerBound, to: r.upperBound, by: 64) {
                    let rows = i0..<Swift.min(i0 + 64, r.upperBound)
                    for t in steps where m.inputIndex[t - 1] >= 0 {
                        let column = m.dWa + na + m.inputIndex[t - 1], dz = m.dz(t)
                        for i in rows { column[i * ld] += dz[i] }
                    }
                }
            }
        }
        if !q.isEmpty {
            k.gemmTN(m.dWya + q.lowerBound * na, m: q.count, n: na, ldc: na, m.dy(first) + q.lowerBound, ldp: m.NY, m.a(first),
                     ldq: m.NA, steps: n, accumulate: accumulate)
        }
        // dba, dby: the rows dz<t>, dy<t> added up in order, as products with a row of ones (1·v is exact)
        var one = 1.0
        if !r.isEmpty {
            k.gemmTN(m.dba + r.lowerBound, m: 1, n: r.count, ldc: m.NA, &one, ldp: 0, pi: 0, m.dz(first) + r.lowerBound,
                     ldq: m.NA, steps: n, accumulate: accumulate)
        }
        if !q.isEmpty {
            k.gemmTN(m.dby + q.lowerBound, m: 1, n: q.count, ldc: m.NY, &one, ldp: 0, pi: 0, m.dy(first) + q.lowerBound,
                     ldq: m.NY, steps: n, accumulate: accumulate)
        }
    }
}

extension Tape {
    /// Copies the weights into aligned rows for the kernels: Waa and Wya row by row, Wax
    /// transposed (so a one-hot x<t> picks a row), ba, by and a<0>.
    func pack(_ p: Params) {
        let ld = na + nx
        p.Wa.values.withUnsafeBufferPointer { w in
            guard let Wa = w.baseAddress else { return }
            for i in 0..<na { (Waa + i * NA).update(from: Wa + i * ld, count: na) }
            // Wax transposed after the copy (which would push WaxT's rows out of the cache), four
            // rows of Wa at a time, so each row of WaxT is written in runs of four
            var i = 0
            while i + 4 <= na {
                let s = Wa + (i &* ld &+ na)
                for j in 0..<nx {
                    let d = WaxT + (j &* NA &+ i)
                    d[0] = s[j]; d[1] = s[ld &+ j]; d[2] = s[2 &* ld &+ j]; d[3] = s[3 &* ld &+ j]
                }
                i += 4
            }
            for r in i..<na { for j in 0..<nx { WaxT[j &* NA &+ r] = Wa[r &* ld &+ na &+ j] } }
        }
        p.Wya.values.withUnsafeBufferPointer { w in
            guard let W = w.baseAddress else { return }
            for i in 0..<ny { (Wya + i * NA).update(from: W + i * na, count: na) }
        }
        Tape.copy(p.ba, to: ba)
        Tape.copy(p.by, to: by)
        Tape.copy(p.a0, to: A)
    }
}

/// The gradients of the shared weights in two groups that are summed apart: the recurrence's
/// (dWa, dba, from dz<t>) and the output layer's (dWya, dby, from dy<t>). A trace sums the
/// second only when something asks for it (`unroll check` of dWaa never does).
public struct GradientParts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// dWa = [dWaa | dWax], dba
    public static let recurrent = GradientParts(rawValue: 1)
    /// dWya, dby
    public static let output = GradientParts(rawValue: 2)
    public static let all: GradientParts = [.recurrent, .output]
}
