import Foundation

/// One step of generation: what went in, what came out, and what is fed back next.
public struct GenerationStep: Equatable, Sendable {
    /// The step, 1-based.
    public let t: Int
    /// x<t>, the input of this step   (n_x)
    public let x: [Double]
    /// a<t> = g1(Wa·[a<t-1>; x<t>] + ba)   (n_a)
    public let a: [Double]
    /// ŷ<t> = softmax(Wya·a<t> + by)   (n_y), as the screen shows it
    public let yHat: [Double]
    /// softmax((Wya·a<t> + by) / temperature)   (n_y): what the token was drawn from
    /// (one-hot at the argmax for temperature ≤ 1e-6)
    public let distribution: [Double]
    /// The token that becomes the next input: drawn from `distribution`, or the next character
    /// of the prefix while the prefix is being read.
    public let token: Int
    /// False while the prefix is being read (the token was given, not sampled).
    public let sampled: Bool
    /// True when this is the last step (the end token was drawn or the length limit reached).
    public let isLast: Bool
    /// Whether the token is fed back as the next input (false: one-to-many, x<t+1> = 0).
    public var feedsBack = true
    /// x<t+1> = one-hot(token), or 0 when the token is not fed back   (n_x)
    public var nextX: [Double] {
        var v = [Double](repeating: 0, count: x.count)
        if feedsBack { v[token] = 1 }
        return v
    }
}

/// One-to-many generation: feeds each output back as the next input, one step at a time,
/// until the end token or `maxLength` sampled tokens. Needs g2 = softmax and n_x = n_y.
///
/// Randomness is SplitMix64(seed); a draw u = nextUnit() picks the first token whose
/// cumulative probability exceeds u. Temperature divides the logits; ≤ 1e-6 means argmax
/// (the first largest entry), which draws nothing from the generator. The random stream goes
/// on from one sequence to the next (`generate`, `restart`), so n sequences differ.
public struct Sampler: IteratorProtocol, Sendable {
    public let rnn: RNN
    public let prefix: [Int]
    public let endToken: Int?
    public let maxLength: Int
    public let temperature: Double
    /// Whether each token is fed back as the next input (true), or the inputs after the first
    /// are zero vectors (false), as in a one-to-many lesson (see `Lesson.samplingFeedsBack`).
    public var feedsBack = true
    /// A GRU or LSTM to run instead of the plain cell (`rnn` is then its output layer).
    public private(set) var gated: GatedRNN?
    private var generator: SplitMix64
    private var aPrev: [Double]
    /// c<t-1> of a gated cell   (n_a)
    private var cPrev: [Double] = []
    private var x: [Double]
    private var t = 0
    private var sampledCount = 0
    private var done = false

    /// - Parameters:
    ///   - prefix: the tokens read first (at least one); the first is x<1>.
    ///   - endToken: generation stops after this token is drawn (it is the last step's token).
    ///   - maxLength: at most this many sampled tokens per sequence.
    public init(rnn: RNN, prefix: [Int], endToken: Int?, maxLength: Int, temperature: Double, seed: UInt64) {
        precondition(rnn.shape.g2 == .softmax && rnn.shape.nx == rnn.shape.ny, "sampling needs softmax and n_x = n_y")
        precondition(!prefix.isEmpty && prefix.allSatisfy { (0..<rnn.shape.nx).contains($0) }, "bad prefix")
        self.rnn = rnn
        self.prefix = prefix
        self.endToken = endToken
        self.maxLength = maxLength
        self.temperature = temperature
        generator = SplitMix64(seed: seed)
        aPrev = rnn.params.a0
        x = []
        restart()
    }

    /// The same, for a GRU or LSTM: c<t> is carried from step to step with a<t>.
    public init(gated: GatedRNN, prefix: [Int], endToken: Int?, maxLength: Int, temperature: Double, seed: UInt64) {
        self.init(rnn: gated.outputLayer, prefix: prefix, endToken: endToken, maxLength: maxLength,
                  temperature: temperature, seed: seed)
        self.gated = gated
        restart()
    }

    /// Starts a new sequence from a<0> (and c<0>) and the prefix; the random stream goes on.
    public mutating func restart() {
        aPrev = rnn.params.a0
        cPrev = gated?.params.c0 ?? []
        x = [Double](repeating: 0, count: rnn.shape.nx)
        x[prefix[0]] = 1
        t = 0
        sampledCount = 0
        done = false
    }

    /// One whole sequence from a<0> and the prefix (`restart`, then `next` until the last step).
    public mutating func generate() -> [GenerationStep] {
        restart()
        var steps: [GenerationStep] = []
        while let s = next() { steps.append(s) }
        return steps
    }

    /// The next step, or nil after the last one.
    public mutating func next() -> GenerationStep? {
        guard !done else { return nil }
        t += 1
        // One step of the engine: a one-to-one episode whose a<0> is our a<t-1>.
        var p = rnn.params
        p.a0 = aPrev
        guard let episode = try? Episode(architecture: .oneToOne, nx: rnn.shape.nx, inputs: [x], targets: nil, outputs: 1)
        else { preconditionFailure("a one-to-one episode with one input is always valid") }
        let a: [Double], yHat: [Double], logits: [Double]
        if let gated {
            // one step of the gated engine from a<t-1>, c<t-1>
            var gp = gated.params
            gp.a0 = aPrev
            gp.c0 = gated.shape.cell == .gru ? aPrev : cPrev
            let ws = GatedWorkspace(shape: gated.shape, episode: episode)
            ws.forward(gp)
            a = ws.vector(.a, 1); yHat = ws.vector(.yHat, 1); logits = ws.vector(.zy, 1)
            cPrev = ws.vector(.c, 1)
        } else {
            var ws = Workspace(shape: rnn.shape, episode: episode)
            ws.forward(p)
            a = ws.a; yHat = ws.yHat; logits = ws.zy
        }
        let dist = Self.distribution(logits: logits, temperature: temperature)
        let token: Int, sampled: Bool
        if t < prefix.count {
            token = prefix[t]; sampled = false
        } else {
            token = Self.draw(dist, &generator); sampled = true
            sampledCount += 1
        }
        done = sampled && (token == endToken || sampledCount >= maxLength)
        let step = GenerationStep(t: t, x: x, a: a, yHat: yHat, distribution: dist,
                                  token: token, sampled: sampled, isLast: done, feedsBack: feedsBack || t < prefix.count)
        aPrev = a
        x = step.nextX
        return step
    }

    /// softmax(o / temperature)   (n_y); one-hot at the first largest logit when temperature ≤ 1e-6.
    public static func distribution(logits o: [Double], temperature: Double) -> [Double] {
        if temperature <= 1e-6 {
            var best = 0
            for i in o.indices where o[i] > o[best] { best = i }
            return o.indices.map { $0 == best ? 1 : 0 }
        }
        let scaled = o.map { $0 / temperature }
        let m = scaled.max() ?? 0
        let e = scaled.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// The first index whose cumulative probability exceeds u = nextUnit(); a one-hot
    /// distribution takes no draw.
    static func draw(_ p: [Double], _ g: inout SplitMix64) -> Int {
        if let one = p.firstIndex(of: 1), p.allSatisfy({ $0 == 0 || $0 == 1 }) { return one }
        let u = g.nextUnit()
        var c = 0.0
        for i in p.indices {
            c += p[i]
            if u < c { return i }
        }
        return p.lastIndex { $0 > 0 } ?? p.count - 1
    }
}
