import Foundation

/// An independent, plain implementation of the forward pass, written straight from the
/// notes' split form with `Matrix` operations and nothing clever: the fast engine
/// (`Workspace`) and its backward pass are checked against it, the way micrograd checks
/// itself against a reference. It shares no code with the engine beyond `Matrix.times`
/// and the scalar g1.
///
/// It keeps `Waa` and `Wax` apart (never the stacked `Wa`), computes ŷ with the textbook
/// formulas and L<t> with the textbook cross-entropy (no log-sum-exp), so it is meant for
/// the moderate numbers of tests and gradient checks, not for logits beyond ±700.
public struct ReferenceRNN: Equatable, Sendable {
    public var g1: HiddenActivation
    public var g2: OutputActivation
    /// Waa   (n_a × n_a)
    public var Waa: Matrix
    /// Wax   (n_a × n_x)
    public var Wax: Matrix
    /// Wya   (n_y × n_a)
    public var Wya: Matrix
    /// ba   (n_a)
    public var ba: [Double]
    /// by   (n_y)
    public var by: [Double]
    /// a<0>   (n_a)
    public var a0: [Double]

    public init(g1: HiddenActivation, g2: OutputActivation, Waa: Matrix, Wax: Matrix, Wya: Matrix,
                ba: [Double], by: [Double], a0: [Double]) {
        self.g1 = g1; self.g2 = g2
        self.Waa = Waa; self.Wax = Wax; self.Wya = Wya
        self.ba = ba; self.by = by; self.a0 = a0
    }

    /// The same network as `rnn`, with Wa split into its two blocks.
    public init(_ rnn: RNN) {
        let p = rnn.params
        self.init(g1: rnn.shape.g1, g2: rnn.shape.g2, Waa: p.Waa, Wax: p.Wax, Wya: p.Wya,
                  ba: p.ba, by: p.by, a0: p.a0)
    }

    /// Every per-step number of one forward pass (index 0 is t = 1).
    public struct Pass: Equatable, Sendable {
        /// z<t> = Waa a<t-1> + Wax x<t> + ba   (n_a)
        public var z: [[Double]] = []
        /// a<t> = g1(z<t>)   (n_a), after any perturbation
        public var a: [[Double]] = []
        /// ŷ<t> = g2(Wya a<t> + by)   (n_y), nil where the step has no output
        public var yHat: [[Double]?] = []
        /// L<t>, nil where the step has no target
        public var loss: [Double?] = []
        /// L = Σ_t L<t> over the steps with a target
        public var totalLoss = 0.0
    }

    /// A small change to one entry of a<t>, made right after a<t> is computed (so it reaches
    /// ŷ<t> and every later step): the finite-difference probe of ∂L/∂a<t>.
    public struct Nudge: Equatable, Sendable {
        /// The step, 1-based (t = 0 nudges a<0>).
        public var t: Int
        public var i: Int
        public var delta: Double
        public init(t: Int, i: Int, delta: Double) { self.t = t; self.i = i; self.delta = delta }
    }

    /// Forward over t = 1…T, optionally nudging one entry of one a<t>.
    public func forward(_ episode: Episode, nudge: Nudge? = nil) -> Pass {
        var pass = Pass()
        var aPrev = a0
        if let nudge, nudge.t == 0 { aPrev[nudge.i] += nudge.delta }
        for t in 1...episode.T {
            // x<t>: the input, or zeros on a step without one   (n_x)
            let x = episode.layout.hasInput[t - 1] ? episode.x[t - 1] : Array(repeating: 0, count: Wax.cols)
            let z = cellPreActivation(aPrev: aPrev, x: x)
            var a = z.map(g1.apply)
            if let nudge, nudge.t == t { a[nudge.i] += nudge.delta }
            pass.z.append(z)
            pass.a.append(a)
            var yHat: [Double]? = nil
            var loss: Double? = nil
            if episode.layout.hasOutput[t - 1] {
                let o = logits(a)
                yHat = Self.output(g2, logits: o)
                if let target = episode.y[t - 1] {
                    let l = Self.crossEntropy(g2, logits: o, y: target)
                    loss = l
                    pass.totalLoss += l
                }
            }
            pass.yHat.append(yHat)
            pass.loss.append(loss)
            aPrev = a
        }
        return pass
    }

    /// L = Σ_t L<t>, with an optional nudge to one a<t>.
    public func loss(_ episode: Episode, nudge: Nudge? = nil) -> Double {
        forward(episode, nudge: nudge).totalLoss
    }

    /// z<t> = Waa a<t-1> + Wax x<t> + ba   (n_a)
    public func cellPreActivation(aPrev: [Double], x: [Double]) -> [Double] {
        Self.add(Self.add(Waa.times(aPrev), Wax.times(x)), ba)
    }

    /// o<t> = Wya a<t> + by   (n_y), the logits
    public func logits(_ a: [Double]) -> [Double] {
        Self.add(Wya.times(a), by)
    }

    /// ŷ<t> = g2(o<t>)   (n_y)
    public static func output(_ g2: OutputActivation, logits o: [Double]) -> [Double] {
        switch g2 {
        case .sigmoid:
            return o.map(sigmoid)
        case .softmax:
            return softmax(o)
        }
    }

    /// σ(o) = 1 / (1 + e^(−o)); note 1 − σ(o) = σ(−o)
    static func sigmoid(_ o: Double) -> Double { 1 / (1 + exp(-o)) }

    /// softmax(o)_i = e^(o_i − m) / Σ_j e^(o_j − m), m = max o (the same value, without overflow)
    static func softmax(_ o: [Double]) -> [Double] {
        let m = o.max() ?? 0
        let e = o.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// sigmoid: L<t> = Σ_i −y_i log ŷ_i − (1−y_i) log(1−ŷ_i);  softmax: L<t> = −Σ_i y_i log ŷ_i   (scalar)
    ///
    /// Written from the logits o only so that 1 − ŷ_i is σ(−o_i) rather than 1 − σ(o_i), which
    /// loses every digit when ŷ_i is within a few ulps of 1 (e.g. o = 26: 1 − ŷ ≈ 5e-12).
    public static func crossEntropy(_ g2: OutputActivation, logits o: [Double], y: [Double]) -> Double {
        precondition(o.count == y.count, "target width must be n_y")
        var l = 0.0
        switch g2 {
        case .sigmoid:
            for i in y.indices {
                // a term whose weight is 0 contributes 0 (even where its log is −∞)
                if y[i] != 0 { l -= y[i] * log(sigmoid(o[i])) }
                if y[i] != 1 { l -= (1 - y[i]) * log(sigmoid(-o[i])) }
            }
        case .softmax:
            let yHat = softmax(o)
            for i in y.indices where y[i] != 0 { l -= y[i] * log(yHat[i]) }
        }
        return l
    }

    /// u + v   (element-wise)
    static func add(_ u: [Double], _ v: [Double]) -> [Double] {
        precondition(u.count == v.count, "vector sum shape mismatch")
        return zip(u, v).map { $0 + $1 }
    }
}
