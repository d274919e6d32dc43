import RNNCore

/// One random network and sequence for the property tests, fixed by its seed.
struct Config: Sendable, CustomStringConvertible {
    var index: Int
    var seed: UInt64
    var g1: HiddenActivation
    var g2: OutputActivation
    var architecture: Architecture
    var nx: Int, na: Int, ny: Int
    var tx: Int, ty: Int
    /// Whether the lesson gives a<0> (random) or leaves it zero.
    var givenA0: Bool
    /// For softmax: one-hot targets, or probability vectors.
    var oneHot: Bool

    var shape: Shape { Shape(nx: nx, na: na, ny: ny, g1: g1, g2: g2) }
    /// The number of steps the architecture unrolls to.
    var T: Int {
        switch architecture {
        case .manyToMany, .manyToOne: return tx
        case .oneToMany: return ty
        case .oneToOne: return 1
        case .encoderDecoder: return tx + ty
        }
    }

    var description: String {
        "#\(index) seed \(seed) \(g1)/\(g2) \(architecture.rawValue) nx=\(nx) na=\(na) ny=\(ny) Tx=\(tx) Ty=\(ty)"
            + (givenA0 ? " a0" : "") + (g2 == .softmax ? (oneHot ? " one-hot" : " soft") : "")
    }
}

extension SplitMix64 {
    /// Uniform in [lo, hi).
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * nextUnit() }
    /// Uniform in lo...hi.
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
}

enum RandomConfigs {
    /// `count` configurations cycling through every g1 × g2 × architecture (20 combinations),
    /// each with its own seed; sizes 1…8, T 1…10, a<0> given on every other one.
    static func make(count: Int) -> [Config] {
        var configs: [Config] = []
        let combos = HiddenActivation.allCases.flatMap { g1 in
            OutputActivation.allCases.flatMap { g2 in Architecture.allCases.map { (g1, g2, $0) } }
        }
        for k in 0..<count {
            let (g1, g2, arch) = combos[k % combos.count]
            let seed = UInt64(1000 + k)
            var g = SplitMix64(seed: seed)
            let nx = g.int(1...8), na = g.int(1...8), ny = g.int(1...8)
            let tx: Int, ty: Int
            switch arch {
            case .manyToMany: tx = g.int(1...10); ty = tx
            case .manyToOne: tx = g.int(1...10); ty = 1
            case .oneToMany: tx = 1; ty = g.int(1...10)
            case .oneToOne: tx = 1; ty = 1
            case .encoderDecoder: tx = g.int(1...9); ty = g.int(1...(10 - tx))
            }
            configs.append(Config(index: k, seed: seed, g1: g1, g2: g2, architecture: arch,
                                  nx: nx, na: na, ny: ny, tx: tx, ty: ty,
                                  givenA0: (k / combos.count) % 2 == 0, oneHot: (k / 2) % 2 == 0))
        }
        return configs
    }

    /// The network and sequence of `config`, drawn from its seed (try 0) or a derived seed.
    static func build(_ c: Config, attempt: Int = 0) -> (RNN, Episode) {
        var g = SplitMix64(seed: c.seed &+ UInt64(attempt) &* 0x1_0000)
        for _ in 0..<8 { _ = g.next() }
        let scale = g.uniform(0.3, 1.5)
        func matrix(_ r: Int, _ k: Int) -> Matrix {
            Matrix(rows: r, cols: k, values: (0..<(r * k)).map { _ in scale * g.uniform(-1, 1) })
        }
        func vector(_ n: Int, _ s: Double) -> [Double] { (0..<n).map { _ in g.uniform(-s, s) } }
        let Waa = matrix(c.na, c.na), Wax = matrix(c.na, c.nx), Wya = matrix(c.ny, c.na)
        let ba = vector(c.na, 0.5), by = vector(c.ny, 0.5)
        let a0 = c.givenA0 ? vector(c.na, 1) : Array(repeating: 0, count: c.na)
        let params = Params(Waa: Waa, Wax: Wax, Wya: Wya, ba: ba, by: by, a0: a0)
        // one-hot inputs (with n_x ≥ 4) take the engine's sparse kernels; the rest are dense
        let inputs: [[Double]] = (0..<c.tx).map { _ in
            guard c.oneHot && c.nx >= 4 else { return vector(c.nx, 1) }
            let k = g.int(0...(c.nx - 1))
            return (0..<c.nx).map { $0 == k ? 1 : 0 }
        }
        let targets: [[Double]] = (0..<c.ty).map { _ in
            switch c.g2 {
            case .sigmoid:
                return (0..<c.ny).map { _ in g.nextUnit() }
            case .softmax where c.oneHot:
                let k = g.int(0...(c.ny - 1))
                return (0..<c.ny).map { $0 == k ? 1 : 0 }
            case .softmax:
                let w = (0..<c.ny).map { _ in g.uniform(0.05, 1) }
                let s = w.reduce(0, +)
                return w.map { $0 / s }
            }
        }
        let episode: Episode
        do {
            episode = try Episode(architecture: c.architecture, nx: c.nx, inputs: inputs, targets: targets)
        } catch {
            preconditionFailure("config \(c) has wrong counts: \(error.message)")
        }
        return (RNN(shape: c.shape, params: params), episode)
    }
}
