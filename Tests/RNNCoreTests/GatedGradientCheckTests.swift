import Testing
@testable import RNNCore

/// One random gated network and sequence, fixed by its seed.
struct GatedConfig: Sendable, CustomStringConvertible {
    var index: Int
    var seed: UInt64
    var cell: GatedCell
    var g2: OutputActivation
    var architecture: Architecture
    var nx: Int, na: Int, ny: Int
    var tx: Int, ty: Int
    /// a<0> (and c<0> for the LSTM) random, or zero.
    var givenState: Bool
    /// One-hot inputs (and one-hot softmax targets), or dense.
    var oneHot: Bool

    var shape: GatedShape { GatedShape(cell: cell, nx: nx, na: na, ny: ny, g2: g2) }
    var description: String {
        "#\(index) seed \(seed) \(cell)/\(g2) \(architecture.rawValue) nx=\(nx) na=\(na) ny=\(ny) Tx=\(tx) Ty=\(ty)"
            + (givenState ? " a0/c0" : "") + (oneHot ? " one-hot" : " dense")
    }

    /// `count` configurations cycling through cell × g2 × architecture (20 combinations);
    /// sizes 1…6, T 1…6; round m gives the state when m is even and one-hot inputs when
    /// m + ⌊m/2⌋ is even, so every combination meets all four pairings.
    static func make(count: Int) -> [GatedConfig] {
        let combos = GatedCell.allCases.flatMap { cell in
            OutputActivation.allCases.flatMap { g2 in Architecture.allCases.map { (cell, g2, $0) } }
        }
        return (0..<count).map { k in
            let (cell, g2, arch) = combos[k % combos.count]
            let seed = UInt64(5000 + k)
            var g = SplitMix64(seed: seed)
            let nx = g.int(1...6), na = g.int(1...6), ny = g.int(1...6)
            let tx: Int, ty: Int
            switch arch {
            case .manyToMany: tx = g.int(1...6); ty = tx
            case .manyToOne: tx = g.int(1...6); ty = 1
            case .oneToMany: tx = 1; ty = g.int(1...6)
            case .oneToOne: tx = 1; ty = 1
            case .encoderDecoder: tx = g.int(1...5); ty = g.int(1...(6 - tx))
            }
            return GatedConfig(index: k, seed: seed, cell: cell, g2: g2, architecture: arch, nx: nx, na: na, ny: ny,
                               tx: tx, ty: ty, givenState: (k / combos.count) % 2 == 0,
                               oneHot: (k / combos.count + k / (2 * combos.count)) % 2 == 0)
        }
    }

    /// The network and the sequence of this configuration.
    func build() -> (GatedRNN, Episode) {
        var g = SplitMix64(seed: seed &+ 0xABCD)
        let scale = g.uniform(0.3, 1.5)
        func matrix(_ r: Int, _ k: Int) -> Matrix {
            Matrix(rows: r, cols: k, values: (0..<(r * k)).map { _ in scale * g.uniform(-1, 1) })
        }
        func vector(_ n: Int, _ s: Double) -> [Double] { (0..<n).map { _ in g.uniform(-s, s) } }
        let W = cell.gates.map { _ in matrix(na, na + nx) }
        let b = cell.gates.map { _ in vector(na, 0.5) }
        let Wya = matrix(ny, na), by = vector(ny, 0.5)
        let a0 = givenState ? vector(na, 1) : Array(repeating: 0, count: na)
        let c0 = givenState && cell == .lstm ? vector(na, 1.5) : nil
        let params = GatedParams(cell: cell, W: W, b: b, Wya: Wya, by: by, a0: a0, c0: c0)
        let inputs: [[Double]] = (0..<tx).map { _ in
            guard oneHot else { return vector(nx, 1) }
            let k = g.int(0...(nx - 1))
            return (0..<nx).map { $0 == k ? 1 : 0 }
        }
        let targets: [[Double]] = (0..<ty).map { _ in
            switch g2 {
            case .sigmoid: return (0..<ny).map { _ in g.nextUnit() }
            case .softmax where oneHot:
                let k = g.int(0...(ny - 1))
                return (0..<ny).map { $0 == k ? 1 : 0 }
            case .softmax:
                let w = (0..<ny).map { _ in g.uniform(0.05, 1) }
                let s = w.reduce(0, +)
                return w.map { $0 / s }
            }
        }
        guard let episode = try? Episode(architecture: architecture, nx: nx, inputs: inputs, targets: targets) else {
            preconditionFailure("config \(self) has wrong counts")
        }
        return (GatedRNN(shape: shape, params: params), episode)
    }
}

/// BPTT of the GRU and LSTM against central differences of `ReferenceGated`:
/// n = (L(θ + δ) − L(θ − δ)) / 2δ, δ = 1e-5; an entry agrees when
/// |a − n| ≤ max(1e-9·max(1, |L|), 1e-6·(|a| + |n|)) (the tolerances of `GradientCheck`).
@Suite struct GatedGradientCheckTests {
    static let configs = GatedConfig.make(count: 240)

    struct Mismatch: CustomStringConvertible {
        var name: String, analytic: Double, numeric: Double
        var description: String { "\(name): \(analytic) vs \(numeric)" }
    }

    /// Every mismatch between `trace` and central differences of `ref` (empty when BPTT is right),
    /// and how many entries were compared.
    static func mismatches(_ trace: GatedTrace, _ ref: ReferenceGated, delta: Double = 1e-5) -> ([Mismatch], Int) {
        let episode = trace.episode
        guard let g = trace.gradients, let L = trace.totalLoss, let da0 = trace.da0, let dc0 = trace.dc0 else { return ([], 0) }
        let floor = 1e-9 * max(1, abs(L))
        var out: [Mismatch] = [], count = 0
        func judge(_ name: String, _ a: Double, _ n: Double) {
            count += 1
            if !(abs(a - n) <= max(floor, 1e-6 * (abs(a) + abs(n)))) { out.append(Mismatch(name: name, analytic: a, numeric: n)) }
        }
        func numeric(_ change: (inout ReferenceGated, Double) -> Void) -> Double {
            var plus = ref, minus = ref
            change(&plus, delta); change(&minus, -delta)
            return (plus.loss(episode) - minus.loss(episode)) / (2 * delta)
        }
        func numeric(_ target: ReferenceGated.Nudge.Target, t: Int, i: Int) -> Double {
            (ref.loss(episode, nudge: .init(target: target, t: t, i: i, delta: delta))
             - ref.loss(episode, nudge: .init(target: target, t: t, i: i, delta: -delta))) / (2 * delta)
        }
        let cell = trace.cell
        for (k, gate) in cell.gates.enumerated() {
            let name = gate.weightName, bname = gate.biasName
            for i in 0..<g.dW[k].rows {
                for j in 0..<g.dW[k].cols {
                    judge("d\(name)[\(i),\(j)]", g.dW[k][i, j], numeric { $0.W[name]![i, j] += $1 })
                }
                judge("d\(bname)[\(i)]", g.db[k][i], numeric { $0.b[bname]![i] += $1 })
            }
        }
        for i in 0..<g.dWya.rows {
            for j in 0..<g.dWya.cols { judge("dWya[\(i),\(j)]", g.dWya[i, j], numeric { $0.W["Wya"]![i, j] += $1 }) }
            judge("dby[\(i)]", g.dby[i], numeric { $0.b["by"]![i] += $1 })
        }
        for i in da0.indices {
            judge("da<0>[\(i)]", da0[i], numeric(.a, t: 0, i: i))
            if cell == .lstm { judge("dc<0>[\(i)]", dc0[i], numeric(.c, t: 0, i: i)) }
        }
        for t in 1...trace.T {
            let da = trace.vector(.da, t) ?? [], dc = trace.vector(.dc, t) ?? []
            for i in da.indices {
                judge("da<\(t)>[\(i)]", da[i], numeric(.a, t: t, i: i))
                judge("dc<\(t)>[\(i)]", dc[i], numeric(.c, t: t, i: i))
            }
        }
        return (out, count)
    }

    @Test func configurationsCoverEveryCombination() {
        let configs = Self.configs
        #expect(configs.count >= 200)
        for cell in GatedCell.allCases {
            for g2 in OutputActivation.allCases {
                for arch in Architecture.allCases {
                    let these = configs.filter { $0.cell == cell && $0.g2 == g2 && $0.architecture == arch }
                    #expect(these.count >= 10, "\(cell)/\(g2)/\(arch)")
                    #expect(these.contains { $0.givenState } && these.contains { !$0.givenState }, "\(cell)/\(g2)/\(arch) state")
                    #expect(these.contains { $0.oneHot } && these.contains { !$0.oneHot }, "\(cell)/\(g2)/\(arch) inputs")
                }
            }
        }
        #expect(Set(configs.map(\.na)) == Set(1...6))
        #expect(Set(configs.map(\.nx)) == Set(1...6))
        #expect(Set(configs.map(\.ny)) == Set(1...6))
        // one-hot inputs wide enough for the engine's sparse kernels (n_x ≥ 4), for both cells
        for cell in GatedCell.allCases { #expect(configs.contains { $0.cell == cell && $0.oneHot && $0.nx >= 4 }) }
    }

    /// Every entry of every dW, db, dWya, dby, da<0>, dc<0> and every da<t>, dc<t> agrees with
    /// its central difference.
    @Test(arguments: configs)
    func backwardMatchesFiniteDifferences(_ config: GatedConfig) {
        let (rnn, episode) = config.build()
        let trace = GatedTrace(rnn: rnn, episode: episode)
        let (bad, count) = Self.mismatches(trace, ReferenceGated(rnn))
        let s = config.shape, k = s.cell.gates.count
        #expect(count == k * (s.na * (s.na + s.nx) + s.na) + s.ny * (s.na + 1)
                + s.na * (s.cell == .lstm ? 2 : 1) + 2 * trace.T * s.na)
        #expect(bad.isEmpty, "\(config): \(bad.prefix(3))")
    }

    /// The forward pass agrees with the reference: every gate, c̃, c<t>, a<t> and L.
    @Test(arguments: configs.prefix(40))
    func forwardMatchesReference(_ config: GatedConfig) {
        let (rnn, episode) = config.build()
        let trace = GatedTrace(rnn: rnn, episode: episode)
        let pass = ReferenceGated(rnn).forward(episode)
        let names: [(Symbol, String)] = [(.gammaF, "Γf"), (.gammaU, "Γu"), (.gammaR, "Γr"), (.gammaO, "Γo"), (.cTilde, "c̃")]
        for t in 1...trace.T {
            for (sym, name) in names {
                let mine = trace.vector(sym, t), theirs = pass.gates[t - 1][name]
                #expect((mine == nil) == (theirs == nil), "\(name)<\(t)>")
                if let mine, let theirs { #expect(zip(mine, theirs).allSatisfy { abs($0 - $1) <= 1e-12 }, "\(name)<\(t)>") }
            }
            #expect(zip(trace.vector(.c, t) ?? [], pass.c[t - 1]).allSatisfy { abs($0 - $1) <= 1e-12 })
            #expect(zip(trace.vector(.a, t) ?? [], pass.a[t - 1]).allSatisfy { abs($0 - $1) <= 1e-12 })
        }
        #expect(abs((trace.totalLoss ?? .nan) - pass.totalLoss) <= 1e-9 * max(1, pass.totalLoss))
    }

    /// The check can fail: a gradient changed by 1e-4 in one entry, or a reference with the
    /// other cell's update rule, is caught.
    @Test func theCheckCanFail() throws {
        for cell in GatedCell.allCases {
            let config = try #require(Self.configs.first { $0.cell == cell && $0.architecture == .manyToMany && $0.tx >= 3 })
            let (rnn, episode) = config.build()
            let trace = GatedTrace(rnn: rnn, episode: episode)
            // a reference whose update gate is nudged by a constant: a different function
            var wrong = ReferenceGated(rnn)
            wrong.b["bu"] = wrong.b["bu"]!.map { $0 + 0.01 }
            let (bad, _) = Self.mismatches(trace, wrong)
            #expect(!bad.isEmpty, "\(cell): a changed reference still agreed")
            // the right reference agrees
            #expect(Self.mismatches(trace, ReferenceGated(rnn)).0.isEmpty)
            // dropping the path through c<t-1> (the memory) is caught
            var noMemory = ReferenceGated(rnn)
            noMemory.cell = cell == .gru ? .lstm : .gru
            if cell == .lstm { noMemory.W["Wr"] = rnn.params.W[0]; noMemory.b["br"] = rnn.params.b[0] }
            else { for n in ["f", "o"] { noMemory.W["W" + n] = rnn.params.W[0]; noMemory.b["b" + n] = rnn.params.b[0] } }
            #expect(!Self.mismatches(trace, noMemory).0.isEmpty)
        }
    }
}
