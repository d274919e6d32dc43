import Testing
@testable import RNNCore

/// The large products: gemmTN on packed copies gives the bits of the in-place kernel, and the
/// products split over two threads give the bits of one thread, on every path this CPU runs.
@Suite struct KernelSplitTests {
    typealias Guarded = KernelTests.Guarded
    static var paths: [Kernels] { KernelTests.paths }

    /// Shapes (m, n, steps) of C = Σ_t P[t]ᵀ·Q[t] large enough to be packed, at the edges of its
    /// blocks (6 rows; 8 or 32 columns), its panels (96 rows, 128 steps, 1024 columns) and odd ones.
    static let packedShapes: [(Int, Int, Int)] = [
        (97, 1025, 9), (13, 33, 1000), (64, 100, 129), (200, 40, 257), (7, 1030, 128), (96, 9, 400), (6, 64, 700),
    ]

    /// Each row of the packed product equals the same row computed alone (one row is never
    /// packed): the same chains of fused multiply-adds, whatever the blocks. Rows of P one step
    /// apart (the weight gradients) and P·Q with a row stride (the outputs' part of da) both;
    /// C overwritten and added to; nothing outside C or past its rows' ends is written.
    @Test(arguments: packedShapes.indices)
    func packedProductsEqualTheInPlaceOnes(_ s: Int) throws {
        let (m, n, steps) = Self.packedShapes[s], ldq = n + 1, ldc = n + 3
        for strided in [false, true] {
            let ldp = strided ? 1 : m + 2, pi = strided ? steps + 1 : 1
            var P = Guarded(KernelTests.randoms(strided ? m * pi : steps * ldp, 31))
            var Q = Guarded(KernelTests.randoms(steps * ldq, 32))
            let C0 = KernelTests.randoms(m * ldc, 33)
            for k in Self.paths {
                for accumulate in [false, true] {
                    var whole = Guarded(C0), rows = Guarded(C0)
                    P.with { p in Q.with { q in
                        whole.with { k.gemmTN($0, m: m, n: n, ldc: ldc, p, ldp: ldp, pi: pi, q, ldq: ldq, steps: steps, accumulate: accumulate) }
                        rows.with { c in
                            for i in 0..<m {
                                k.gemmTN(c + i * ldc, m: 1, n: n, ldc: ldc, p + i * pi, ldp: ldp, pi: pi, q, ldq: ldq,
                                         steps: steps, accumulate: accumulate)
                            }
                        }
                    } }
                    #expect(whole.values == rows.values, "\(k.path) \(m)×\(n), \(steps) steps, strided \(strided), accumulate \(accumulate)")
                    #expect(whole.sentinelsIntact)
                }
            }
        }
    }

    /// Runs `body` with the kernels on one thread, then on two until a product was split (a few
    /// tries at most: another test may hold the helper thread), and gives both results.
    static func oneAndTwoThreads<R>(_ body: () -> R) -> (one: R, two: R, split: Bool) {
        defer { Kernels.threads = 0 }   // (this thread's choice: tests on other threads keep theirs)
        Kernels.threads = 1
        let one = body()
        Kernels.threads = 2
        var two = body(), split = false
        for _ in 0..<50 where !split {
            let start = Kernels.splitParts.parts
            two = body()
            split = Kernels.splitParts.parts > start
        }
        return (one, two, split)
    }

    /// W·x, Wᵀ·x (x with zeros, which are skipped), every step's W·x<t> and XᵀX over the steps
    /// are the same bits on one thread and on two, at sizes that are split.
    @Test(arguments: [(300, 300), (256, 520), (1030, 70), (75, 1030), (1100, 480), (530, 1030)])
    func twoThreadsGiveTheBitsOfOne(_ rows: Int, _ cols: Int) throws {
        let ld = cols + 3, steps = 60
        var W = Guarded(KernelTests.randoms(rows * ld, 41))
        var xs = KernelTests.randoms(max(rows, cols), 42)
        for i in stride(from: 0, to: xs.count, by: 7) { xs[i] = 0 }
        var x = Guarded(xs), b = Guarded(KernelTests.randoms(max(rows, cols), 43))
        var X = Guarded(KernelTests.randoms(steps * ld, 44))
        for k in Self.paths {
            let r = Self.oneAndTwoThreads { () -> [[Double]] in
                var y = Guarded(Array(repeating: 7, count: rows)), yT = Guarded(Array(repeating: 7, count: cols))
                var Y = Guarded(Array(repeating: 7, count: steps * rows)), C = Guarded(Array(repeating: 7, count: cols * cols))
                W.with { w in x.with { xp in b.with { bp in X.with { xx in
                    y.with { k.gemv(w, rows: rows, cols: cols, ld: ld, xp, plus: bp, into: $0, reversed: true) }
                    yT.with { k.gemvT(w, rows: rows, cols: cols, ld: ld, xp, plus: bp, into: $0) }
                    Y.with { k.gemmNT(w, rows: rows, cols: cols, ld: ld, xx, ldx: ld, steps: steps, plus: bp, into: $0, ldy: rows) }
                    C.with { k.gemmTN($0, m: cols, n: cols, ldc: cols, xx, ldp: ld, xx, ldq: ld, steps: steps, accumulate: false) }
                } } } }
                let intact = [y, yT, Y, C].allSatisfy { $0.sentinelsIntact }
                #expect(intact, "\(k.path) wrote outside")
                return [y.values, yT.values, Y.values, C.values]
            }
            let split = r.split
            #expect(split, "\(k.path): no product was split over two threads")
            for (i, name) in ["gemv", "gemvT", "gemmNT", "gemmTN"].enumerated() {
                let same = r.one[i] == r.two[i]
                #expect(same, "\(k.path) \(name) \(rows)×\(cols): two threads differ from one")
            }
        }
    }

    /// A whole forward and backward pass at n_a = 800 (the recurrence's products split, while the
    /// helper is not busy with the work off the recurrence): the loss, every gradient and da<0>
    /// the same bits on one thread and two.
    @Test func theEngineGivesTheSameBitsOnTwoThreads() throws {
        let (rnn, episode) = BenchTask.character(hidden: 800, vocab: 40, length: 20, seed: 5)
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            let r = Self.oneAndTwoThreads { () -> (Double, Gradients, [Double]) in
                var ws = Workspace(shape: rnn.shape, episode: episode, kernels: kernels)
                let L = ws.forward(rnn.params)
                ws.backward()
                return (L, ws.gradients, ws.da0)
            }
            let split = r.split, same = r.one.0 == r.two.0 && r.one.1 == r.two.1 && r.one.2 == r.two.2
            #expect(split, "\(path): nothing was split")
            #expect(same, "\(path): two threads differ from one")
        }
    }
}
