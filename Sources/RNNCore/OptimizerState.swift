/// What a training run must remember to go on where it stopped: the optimizer's memory
/// (Adagrad's Σg², Adam's m, v and update count k), the training steps taken and the seed of
/// the episode order. A trained lesson stores it (`model.optimizer_state`), so training it
/// again continues the same run: bit for bit the run that never stopped.
public struct OptimizerState: Equatable, Sendable {
    public var kind: OptimizerKind
    /// Training steps taken (the next step is `steps + 1` of the episode order).
    public var steps: Int
    /// Seed of the shuffled episode order (`EpisodeOrder.shuffled(seed:)`).
    public var seed: UInt64
    /// Updates the optimizer made (Adam's k); equals `steps` unless the optimizer was changed mid-run.
    public var updates: Int
    /// Adagrad's Σg² or Adam's m, per group Wa (n_a×(n_a+n_x), row-major), Wya, ba, by; empty for SGD.
    public var first: [[Double]]
    /// Adam's v per group; empty otherwise.
    public var second: [[Double]]

    public init(kind: OptimizerKind, steps: Int, seed: UInt64, updates: Int, first: [[Double]], second: [[Double]]) {
        self.kind = kind; self.steps = steps; self.seed = seed; self.updates = updates
        self.first = first; self.second = second
    }

    /// The group sizes of the memory for `shape`: Wa, Wya, ba, by.
    public static func groupSizes(_ shape: Shape) -> [Int] {
        [shape.na * (shape.na + shape.nx), shape.ny * shape.na, shape.na, shape.ny]
    }

    /// How many memories (groups of `groupSizes`) `kind` keeps: SGD none, Adagrad one, Adam two.
    public static func memories(_ kind: OptimizerKind) -> Int {
        switch kind {
        case .sgd: return 0
        case .adagrad: return 1
        case .adam: return 2
        }
    }

    /// Whether the memory has the sizes `kind` and `shape` need (a lesson checks this when it loads).
    public func fits(_ shape: Shape) -> Bool { fits(groupSizes: Self.groupSizes(shape)) }

    /// Whether the memory has the group sizes `sizes` (a gated cell's: each W, each b, Wya, by).
    public func fits(groupSizes sizes: [Int]) -> Bool {
        let n = Self.memories(kind)
        func ok(_ g: [[Double]], _ used: Bool) -> Bool { used ? g.map(\.count) == sizes : g.isEmpty }
        return ok(first, n >= 1) && ok(second, n >= 2) && steps >= 0 && updates >= 0
    }
}

extension Optimizer {
    /// The optimizer with the memory of `state` (which must fit `shape`) and its update count.
    public init(_ state: OptimizerState, learningRate: Double, shape: Shape) {
        precondition(state.fits(shape), "optimizer state does not fit the model")
        self.init(state.kind, learningRate: learningRate, shape: shape)
        updates = state.updates
        if !state.first.isEmpty { m = state.first }
        if !state.second.isEmpty { v = state.second }
    }

    /// The memory and update count, with the run's `steps` and order `seed`.
    public func state(steps: Int, seed: UInt64) -> OptimizerState {
        OptimizerState(kind: kind, steps: steps, seed: seed, updates: updates, first: m, second: v)
    }
}
