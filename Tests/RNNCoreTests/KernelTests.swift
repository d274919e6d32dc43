import Foundation
import Testing
@testable import RNNCore

/// The kernels of every path this CPU runs, against plain loops; and the dispatch itself.
@Suite struct KernelTests {
    static var paths: [Kernels] { KernelPath.supported.compactMap { Kernels($0) } }

    @Test func theChosenPathRunsHereAndBaselineRunsEverywhere() {
        #expect(KernelPath.chosen.isSupported)
        #expect(KernelPath.baseline.isCompiled && KernelPath.baseline.isSupported)
        #expect(Kernels(.baseline) != nil)
        #if arch(x86_64)
        #expect(KernelPath.avx2.isCompiled && KernelPath.avx512.isCompiled)
        #else
        #expect(!KernelPath.avx2.isCompiled && !KernelPath.avx512.isCompiled && Kernels(.avx2) == nil)
        #endif
        #expect(KernelPath.supported.first == .baseline)
        #expect(KernelPath.supported.allSatisfy { Kernels($0)?.path == $0 })
    }

    /// A buffer of n numbers with NaN sentinels on both sides: a kernel that reads outside its
    /// matrix turns a result into NaN, one that writes outside changes a sentinel.
    struct Guarded {
        var storage: [Double]
        let n: Int
        static let pad = 16
        init(_ values: [Double]) {
            n = values.count
            storage = Array(repeating: .nan, count: Self.pad) + values + Array(repeating: .nan, count: Self.pad)
        }
        var values: [Double] { Array(storage[Self.pad..<(Self.pad + n)]) }
        var sentinelsIntact: Bool { (storage.prefix(Self.pad) + storage.suffix(Self.pad)).allSatisfy(\.isNaN) }
        mutating func with<R>(_ body: (UnsafeMutablePointer<Double>) -> R) -> R {
            storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + Self.pad) }
        }
    }

    static func randoms(_ n: Int, _ seed: UInt64) -> [Double] {
        var g = SplitMix64(seed: seed)
        return (0..<n).map { _ in 2 * g.nextUnit() - 1 }
    }

    /// |a − b| ≤ 1e-14 · size entry by entry, where size is Σ|terms| of the sum (sums in another
    /// order differ by a few ulp of that, however much the terms cancel).
    static func expectNear(_ a: [Double], _ b: [Double], _ size: [Double], _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count, "\(what): sizes", sourceLocation: sourceLocation)
        for i in a.indices where !(abs(a[i] - b[i]) <= 1e-14 * size[i]) {
            Issue.record("\(what)[\(i)]: \(a[i]) vs \(b[i]) (terms of size \(size[i]))", sourceLocation: sourceLocation)
            return
        }
    }

    /// Odd sizes exercise every tail of the vector loops (widths 4 and 8, blocks of 8 rows).
    static let sizes: [(rows: Int, cols: Int)] = [(1, 1), (3, 5), (8, 8), (9, 13), (17, 31), (37, 70), (100, 100), (27, 100)]

    @Test(arguments: sizes.indices)
    func matrixVectorProducts(_ s: Int) throws {
        let (rows, cols) = Self.sizes[s], ld = cols + 3
        var W = Guarded(Self.randoms(rows * ld, 1)), x = Guarded(Self.randoms(max(rows, cols), 2))
        var b = Guarded(Self.randoms(max(rows, cols), 3))
        let Wv = W.values, xv = x.values, bv = b.values
        var xs = xv; xs[0] = 0   // a zero entry, skipped by gemvT
        x = Guarded(xs)
        let expectGemv = (0..<rows).map { i in bv[i] + (0..<cols).reduce(0.0) { $0 + Wv[i * ld + $1] * xs[$1] } }
        let expectGemvT = (0..<cols).map { j in bv[j] + (0..<rows).reduce(0.0) { $0 + Wv[$1 * ld + j] * xs[$1] } }
        // the size of the terms: sums in another order differ by a few ulp of Σ|terms|, not of the sum
        let scaleGemv = (0..<rows).map { i in abs(bv[i]) + (0..<cols).reduce(0.0) { $0 + abs(Wv[i * ld + $1] * xs[$1]) } }
        let scaleGemvT = (0..<cols).map { j in abs(bv[j]) + (0..<rows).reduce(0.0) { $0 + abs(Wv[$1 * ld + j] * xs[$1]) } }
        for k in Self.paths {
            var y = Guarded(Array(repeating: 7, count: rows))
            W.with { w in x.with { xp in b.with { bp in y.with { k.gemv(w, rows: rows, cols: cols, ld: ld, xp, plus: bp, into: $0) } } } }
            Self.expectNear(y.values, expectGemv, scaleGemv, "\(k.path) gemv \(rows)×\(cols)")
            #expect(y.sentinelsIntact, "\(k.path) gemv wrote outside")
            var yt = Guarded(Array(repeating: 7, count: cols))
            W.with { w in x.with { xp in b.with { bp in yt.with { k.gemvT(w, rows: rows, cols: cols, ld: ld, xp, plus: bp, into: $0) } } } }
            Self.expectNear(yt.values, expectGemvT, scaleGemvT, "\(k.path) gemvT \(rows)×\(cols)")
            #expect(yt.sentinelsIntact, "\(k.path) gemvT wrote outside")
            // the other direction (rows bottom to top, columns right to left): the same bits
            var yr = Guarded(Array(repeating: 7, count: rows)), ytr = Guarded(Array(repeating: 7, count: cols))
            W.with { w in x.with { xp in b.with { bp in yr.with { k.gemv(w, rows: rows, cols: cols, ld: ld, xp, plus: bp, into: $0, reversed: true) } } } }
            W.with { w in x.with { xp in b.with { bp in ytr.with { k.gemvT(w, rows: rows, cols: cols, ld: ld, xp, plus: bp, into: $0, reversed: true) } } } }
            #expect(yr.values == y.values && yr.sentinelsIntact, "\(k.path) gemv reversed differs")
            #expect(ytr.values == yt.values && ytr.sentinelsIntact, "\(k.path) gemvT reversed differs")
            // in place: y = y + W x
            var acc = Guarded(bv.prefix(rows).map { $0 })
            W.with { w in x.with { xp in acc.with { k.gemv(w, rows: rows, cols: cols, ld: ld, xp, plus: $0, into: $0) } } }
            Self.expectNear(acc.values, expectGemv, scaleGemv, "\(k.path) gemv in place")
        }
    }

    /// A matrix larger than the L2 cache goes through gemvT row by row; each column's sum is the
    /// same chain as in the strips a smaller call takes, so the bits agree.
    @Test(arguments: [(300, 150), (70, 600)])
    func largeGemvTAgreesWithItsStrips(_ rows: Int, _ cols: Int) throws {
        let ld = cols + 3
        var xs = Self.randoms(rows, 8)
        xs[1] = 0; xs[6] = 0   // zero entries are skipped in a block of four rows too
        var W = Guarded(Self.randoms(rows * ld, 7)), x = Guarded(xs), b = Guarded(Self.randoms(cols, 9))
        let Wv = W.values, bv = b.values
        let want = (0..<cols).map { j in bv[j] + (0..<rows).reduce(0.0) { $0 + Wv[$1 * ld + j] * xs[$1] } }
        let scale = (0..<cols).map { j in abs(bv[j]) + (0..<rows).reduce(0.0) { $0 + abs(Wv[$1 * ld + j] * xs[$1]) } }
        for k in Self.paths {
            var whole = Guarded(Array(repeating: 7, count: cols)), strips = Guarded(Array(repeating: 7, count: cols))
            W.with { w in x.with { xp in b.with { bp in whole.with { k.gemvT(w, rows: rows, cols: cols, ld: ld, xp, plus: bp, into: $0) } } } }
            let strip = k.path == .avx512 ? 64 : 32
            W.with { w in x.with { xp in b.with { bp in strips.with { y in
                for j in stride(from: 0, to: cols, by: strip) {
                    k.gemvT(w + j, rows: rows, cols: min(strip, cols - j), ld: ld, xp, plus: bp + j, into: y + j)
                }
            } } } }
            Self.expectNear(whole.values, want, scale, "\(k.path) gemvT \(rows)×\(cols)")
            #expect(whole.values == strips.values, "\(k.path) gemvT row by row differs from its strips")
            #expect(whole.sentinelsIntact && strips.sentinelsIntact, "\(k.path) gemvT wrote outside")
        }
    }

    @Test(arguments: sizes.indices)
    func productsOverASequenceAndOuterProducts(_ s: Int) throws {
        let (m, n) = Self.sizes[s], steps = 7, ldp = m + 2, ldq = n + 1, ldc = n + 5
        var P = Guarded(Self.randoms(steps * ldp, 4)), Q = Guarded(Self.randoms(steps * ldq, 5))
        let Pv = P.values, Qv = Q.values, C0 = Self.randoms(m * ldc, 6)
        for k in Self.paths {
            for accumulate in [false, true] {
                var C = Guarded(C0)
                P.with { p in Q.with { q in C.with { k.gemmTN($0, m: m, n: n, ldc: ldc, p, ldp: ldp, q, ldq: ldq, steps: steps, accumulate: accumulate) } } }
                let Cv = C.values
                for i in 0..<m {
                    for j in 0..<n {
                        let sum = (0..<steps).reduce(0.0) { $0 + Pv[$1 * ldp + i] * Qv[$1 * ldq + j] }
                        let size = (0..<steps).reduce(0.0) { $0 + abs(Pv[$1 * ldp + i] * Qv[$1 * ldq + j]) }
                        let want = accumulate ? C0[i * ldc + j] + sum : sum
                        Self.expectNear([Cv[i * ldc + j]], [want], [size + abs(C0[i * ldc + j])], "\(k.path) gemmTN C[\(i),\(j)]")
                    }
                    for j in n..<ldc { #expect(Cv[i * ldc + j] == C0[i * ldc + j], "\(k.path) gemmTN wrote into the row's padding") }
                }
                #expect(C.sentinelsIntact)
            }
            var D = Guarded(C0)
            var u = Pv.prefix(m).map { $0 }
            u[0] = 0
            var ug = Guarded(u), v = Guarded(Array(Qv.prefix(n)))
            ug.with { up in v.with { vp in D.with { k.ger($0, rows: m, cols: n, ld: ldc, up, vp) } } }
            let Dv = D.values
            for i in 0..<m { for j in 0..<ldc {
                let want = j < n ? C0[i * ldc + j] + u[i] * Qv[j] : C0[i * ldc + j]
                Self.expectNear([Dv[i * ldc + j]], [want], [abs(C0[i * ldc + j]) + abs(u[i] * Qv[j])], "\(k.path) ger D[\(i),\(j)]")
            } }
            #expect(D.sentinelsIntact)
        }
    }

    /// Long sequences and wide C go through gemmTN in panels of steps and columns (and gemmNT in
    /// panels of steps); the sums still agree with plain loops and nothing outside is written.
    @Test func productsOverLongSequencesInPanels() throws {
        let m = 7, n = 300, steps = 300, ldp = m + 1, ldq = n + 2, ldc = n + 3
        var P = Guarded(Self.randoms(steps * ldp, 21)), Q = Guarded(Self.randoms(steps * ldq, 22))
        var W = Guarded(Self.randoms(m * ldq, 23))
        let Pv = P.values, Qv = Q.values
        for k in Self.paths {
            var C = Guarded(Array(repeating: 7, count: m * ldc))
            P.with { p in Q.with { q in C.with { k.gemmTN($0, m: m, n: n, ldc: ldc, p, ldp: ldp, q, ldq: ldq, steps: steps, accumulate: false) } } }
            let Cv = C.values
            for i in 0..<m {
                for j in 0..<n {
                    let want = (0..<steps).reduce(0.0) { $0 + Pv[$1 * ldp + i] * Qv[$1 * ldq + j] }
                    let size = (0..<steps).reduce(0.0) { $0 + abs(Pv[$1 * ldp + i] * Qv[$1 * ldq + j]) }
                    Self.expectNear([Cv[i * ldc + j]], [want], [size], "\(k.path) long gemmTN C[\(i),\(j)]")
                }
                for j in n..<ldc { #expect(Cv[i * ldc + j] == 7, "\(k.path) long gemmTN wrote into the padding") }
            }
            #expect(C.sentinelsIntact)
            // every step's W·x<t> over 300 steps of 300 columns (several panels): gemv's bits
            var Y = Guarded(Array(repeating: 7, count: steps * ldc))
            W.with { w in Q.with { x in Y.with {
                k.gemmNT(w, rows: m, cols: n, ld: ldq, x, ldx: ldq, steps: steps, plus: nil, into: $0, ldy: ldc)
            } } }
            let Yv = Y.values
            for t in stride(from: 0, to: steps, by: 37) {
                var y = Guarded(Array(repeating: 7, count: m))
                W.with { w in Q.with { x in y.with { k.gemv(w, rows: m, cols: n, ld: ldq, x + t * ldq, plus: nil, into: $0) } } }
                #expect(Array(Yv[(t * ldc)..<(t * ldc + m)]) == y.values, "\(k.path) long gemmNT row \(t) differs from gemv")
            }
            #expect(Y.sentinelsIntact)
        }
    }

    /// Y = b + W·Xᵀ (every step's W·x<t> at once) gives each row the bits gemv gives it; C = P·Q
    /// through gemmTN's row stride agrees with plain loops. Nothing outside is written.
    @Test(arguments: sizes.indices)
    func productsOfManyVectors(_ s: Int) throws {
        let (rows, cols) = Self.sizes[s], ld = cols + 3, steps = 7, ldx = cols + 2, ldy = rows + 1
        var W = Guarded(Self.randoms(rows * ld, 11)), X = Guarded(Self.randoms(steps * ldx, 12))
        var b = Guarded(Self.randoms(rows, 13))
        for k in Self.paths {
            for withBias in [true, false] {
                var Y = Guarded(Array(repeating: 7, count: steps * ldy))
                W.with { w in X.with { x in b.with { bp in Y.with {
                    k.gemmNT(w, rows: rows, cols: cols, ld: ld, x, ldx: ldx, steps: steps, plus: withBias ? bp : nil, into: $0, ldy: ldy)
                } } } }
                let Yv = Y.values
                for t in 0..<steps {
                    var y = Guarded(Array(repeating: 7, count: rows))
                    W.with { w in X.with { x in b.with { bp in y.with {
                        k.gemv(w, rows: rows, cols: cols, ld: ld, x + t * ldx, plus: withBias ? bp : nil, into: $0)
                    } } } }
                    #expect(Array(Yv[(t * ldy)..<(t * ldy + rows)]) == y.values, "\(k.path) gemmNT row \(t) differs from gemv")
                    #expect(Yv[t * ldy + rows] == 7, "\(k.path) gemmNT wrote into a row's padding")
                }
                #expect(Y.sentinelsIntact)
            }
            // C = P·Q: P m × K with rows pi apart, Q K × n with rows ldq apart
            let m = rows, n = cols, K = 5, pi = K + 2, ldq = n + 1, ldc = n + 3
            var P = Guarded(Self.randoms(m * pi, 14)), Q = Guarded(Self.randoms(K * ldq, 15))
            var C = Guarded(Array(repeating: 7, count: m * ldc))
            let Pv = P.values, Qv = Q.values
            P.with { p in Q.with { q in C.with {
                k.gemmTN($0, m: m, n: n, ldc: ldc, p, ldp: 1, pi: pi, q, ldq: ldq, steps: K, accumulate: false)
            } } }
            let Cv = C.values
            for i in 0..<m {
                for j in 0..<n {
                    let want = (0..<K).reduce(0.0) { $0 + Pv[i * pi + $1] * Qv[$1 * ldq + j] }
                    let size = (0..<K).reduce(0.0) { $0 + abs(Pv[i * pi + $1] * Qv[$1 * ldq + j]) }
                    Self.expectNear([Cv[i * ldc + j]], [want], [size], "\(k.path) P·Q C[\(i),\(j)]")
                }
                for j in n..<ldc { #expect(Cv[i * ldc + j] == 7, "\(k.path) P·Q wrote into the row's padding") }
            }
            #expect(C.sentinelsIntact)
        }
    }

    /// Units in the last place between a and b (0 when both are NaN or equal, ±0 apart by 0).
    static func ulps(_ a: Double, _ b: Double) -> Double {
        if a.isNaN && b.isNaN { return 0 }
        if a == b { return 0 }
        if a.isNaN || b.isNaN { return .infinity }
        func ordered(_ x: Double) -> Int64 {
            let i = Int64(bitPattern: x.bitPattern)
            return i < 0 ? Int64.min &- i : i
        }
        return Double(ordered(a).subtractingReportingOverflow(ordered(b)).partialValue.magnitude)
    }

    /// Arguments over the whole range of Double: both signs, every binary exponent from the
    /// subnormals to the largest, plus the edges where exp overflows and underflows.
    static let arguments: [Double] = {
        var g = SplitMix64(seed: 99)
        var xs: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                            .leastNormalMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                            709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, -708.4, -720,
                            1e-8, -1e-8, 0.5, -0.5, 19.06, 20, -20, 21, 1e300, -1e300]
        for _ in 0..<100_000 {   // random bits: every exponent equally often
            let x = Double(bitPattern: g.next())
            xs.append(x.isNaN ? 1 : x)
        }
        for _ in 0..<100_000 {   // where the functions are not constant
            xs.append((2 * g.nextUnit() - 1) * 750)
            xs.append((2 * g.nextUnit() - 1) * 20)
            xs.append((2 * g.nextUnit() - 1) * 0.5)
        }
        return xs
    }()

    /// e^x within 2 ulp and tanh within 4 ulp of the system's libm over the whole range
    /// (measured: 1 and 3); exact at ±0, ±∞ and NaN, ±0 keeping its sign, tanh(x) = x for
    /// subnormal x, e^x = 0 below −745.13 and +∞ above 709.78.
    @Test func vectorExpAndTanhAgreeWithLibm() throws {
        let xs = Self.arguments
        for k in Self.paths {
            var e = [Double](repeating: 0, count: xs.count), t = e
            xs.withUnsafeBufferPointer { x in
                e.withUnsafeMutableBufferPointer { k.exp(x.baseAddress!, into: $0.baseAddress!, xs.count) }
                t.withUnsafeMutableBufferPointer { k.activate(.tanh, x.baseAddress!, into: $0.baseAddress!, xs.count) }
            }
            var worstExp = (0.0, 0.0), worstTanh = (0.0, 0.0)
            for (i, x) in xs.enumerated() {
                let ue = Self.ulps(e[i], Foundation.exp(x)), ut = Self.ulps(t[i], Foundation.tanh(x))
                if ue > worstExp.0 { worstExp = (ue, x) }
                if ut > worstTanh.0 { worstTanh = (ut, x) }
                #expect(t[i].sign == x.sign || x.isNaN, "\(k.path) tanh(\(x)) = \(t[i]) has the wrong sign")
            }
            #expect(worstExp.0 <= 2, "\(k.path) exp worst \(worstExp.0) ulp at \(worstExp.1)")
            #expect(worstTanh.0 <= 4, "\(k.path) tanh worst \(worstTanh.0) ulp at \(worstTanh.1)")
            let special: [(Double, Double, Double)] = [   // x, e^x, tanh x
                (0, 1, 0), (-0.0, 1, -0.0), (.infinity, .infinity, 1), (-.infinity, 0, -1),
                (.leastNonzeroMagnitude, 1, .leastNonzeroMagnitude), (-.leastNonzeroMagnitude, 1, -.leastNonzeroMagnitude),
                (710, .infinity, 1), (-746, 0, -1), (1e300, .infinity, 1),
            ]
            for (x, ex, th) in special {
                var out = [0.0, 0.0]
                [x].withUnsafeBufferPointer { p in
                    out.withUnsafeMutableBufferPointer { o in
                        k.exp(p.baseAddress!, into: o.baseAddress!, 1)
                        k.activate(.tanh, p.baseAddress!, into: o.baseAddress! + 1, 1)
                    }
                }
                #expect(out[0].bitPattern == ex.bitPattern, "\(k.path) exp(\(x)) = \(out[0])")
                #expect(out[1].bitPattern == th.bitPattern, "\(k.path) tanh(\(x)) = \(out[1])")
            }
            var nan = [Double.nan, 0]
            nan.withUnsafeMutableBufferPointer { p in
                k.exp(p.baseAddress!, into: p.baseAddress! + 1, 1)
                #expect(p[1].isNaN)
                k.activate(.tanh, p.baseAddress!, into: p.baseAddress! + 1, 1)
                #expect(p[1].isNaN)
            }
        }
    }

    /// sigmoid within 4 ulp of 1/(1 + e^−x) (from e^−|x| for x < 0), and softmax sums to 1.
    @Test func sigmoidAndSoftmax() throws {
        let xs = (0..<2001).map { Double($0 - 1000) / 25 }
        for k in Self.paths {
            var y = [Double](repeating: 0, count: xs.count)
            xs.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { k.activate(.sigmoid, x.baseAddress!, into: $0.baseAddress!, xs.count) } }
            for (i, x) in xs.enumerated() {
                let want = x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
                #expect(Self.ulps(y[i], want) <= 4, "\(k.path) sigmoid(\(x)) = \(y[i]) vs \(want)")
            }
            let logits = Self.randoms(27, 8).map { $0 * 10 }
            var p = [Double](repeating: 0, count: 27)
            let (m, s) = logits.withUnsafeBufferPointer { x in p.withUnsafeMutableBufferPointer { k.softmax(x.baseAddress!, into: $0.baseAddress!, 27) } }
            #expect(m == logits.max())
            let want = logits.map { Foundation.exp($0 - m) }
            expectClose(s, want.reduce(0, +), rel: 1e-14, "\(k.path) softmax sum")
            expectClose(p, want.map { $0 / want.reduce(0, +) }, rel: 1e-14, "\(k.path) softmax")
        }
    }
}
