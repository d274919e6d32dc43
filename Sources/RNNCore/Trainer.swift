/// In which order the training steps take the episodes (one episode per step).
public enum EpisodeOrder: Equatable, Sendable {
    /// Episode 0, 1, 2, … and round again.
    case inOrder
    /// The episodes shuffled once (Fisher–Yates driven by SplitMix64(seed)), then taken in that
    /// order and round again, as the course's `model()` shuffles its examples once and cycles.
    case shuffled(seed: UInt64)

    /// The episode indices of one round, for `count` episodes.
    public func round(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        guard case .shuffled(let seed) = self, count > 1 else { return order }
        var g = SplitMix64(seed: seed)
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(g.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
        return order
    }
}

/// Everything that decides a training run besides the weights and the data.
public struct TrainingConfig: Equatable, Sendable {
    public var optimizer: OptimizerKind
    public var learningRate: Double
    public var clipping: Clipping
    public var order: EpisodeOrder

    public init(optimizer: OptimizerKind = .adagrad, learningRate: Double? = nil,
                clipping: Clipping = .none, order: EpisodeOrder = .shuffled(seed: 0)) {
        self.optimizer = optimizer
        self.learningRate = learningRate ?? optimizer.defaultLearningRate
        self.clipping = clipping
        self.order = order
    }
}

/// Trains an RNN by gradient descent, one episode per step: forward, BPTT (`Workspace`),
/// clip, update. A value: copy it to keep a snapshot; `reset()` returns to the starting
/// weights with fresh optimizer memory, so a rewound run repeats exactly.
public struct Trainer: Sendable {
    public let shape: Shape
    public let episodes: [Episode]
    public let config: TrainingConfig
    /// The weights the run started from (the lesson's).
    public let initialParams: Params
    /// The weights now.
    public private(set) var params: Params
    public private(set) var optimizer: Optimizer
    /// L of the episode used at each step, before that step's update (index 0 is step 1).
    public private(set) var lossHistory: [Double] = []
    /// ‖g‖ (dWa, dWya, dba, dby together) at each step, before clipping.
    public private(set) var gradientNorms: [Double] = []
    /// The episode indices of one round, cycled over the steps.
    public let order: [Int]
    /// One workspace per sequence length, reused for every episode of that length.
    private var workspaces: [Int: Workspace] = [:]
    /// The kernels the passes run.
    public let kernels: Kernels

    /// - Precondition: at least one episode, every episode has targets and fits `rnn`'s shape.
    public init(rnn: RNN, episodes: [Episode], config: TrainingConfig, kernels: Kernels = .chosen) {
        self.kernels = kernels
        precondition(!episodes.isEmpty && episodes.allSatisfy(\.hasTargets), "training needs episodes with targets")
        shape = rnn.shape
        self.episodes = episodes
        self.config = config
        initialParams = rnn.params
        params = rnn.params
        optimizer = Optimizer(config.optimizer, learningRate: config.learningRate, shape: rnn.shape)
        order = config.order.round(episodes.count)
    }

    /// Training steps taken so far.
    public var steps: Int { lossHistory.count }
    /// The network with the current weights.
    public var rnn: RNN { RNN(shape: shape, params: params) }
    /// The episode (index into `episodes`) that step `s` (1-based) uses.
    public func episodeIndex(step s: Int) -> Int { order[(s - 1) % order.count] }
    /// The first step whose loss was not finite (training stops there), if any.
    public var divergedAt: Int? { lossHistory.last.map { $0.isFinite ? nil : steps } ?? nil }

    /// Takes up to `k` steps (fewer if the loss stops being finite); returns their losses.
    /// Each step: L = forward(episode), BPTT, then g ← clip(g) and θ ← optimizer(θ, g) in one pass.
    @discardableResult
    public mutating func train(steps k: Int) -> ArraySlice<Double> {
        let start = lossHistory.count
        for _ in 0..<k {
            guard divergedAt == nil else { break }
            var ws = workspace(for: episodes[episodeIndex(step: steps + 1)])
            let loss = ws.forward(params)
            lossHistory.append(loss)
            guard loss.isFinite else { gradientNorms.append(.nan); workspaces[ws.T] = ws; break }
            ws.backward()
            gradientNorms.append(optimizer.update(&params, with: &ws, clipping: config.clipping))
            workspaces[ws.T] = ws
        }
        return lossHistory[start...]
    }

    /// Back to the starting weights, step 0, fresh optimizer memory (the same order).
    public mutating func reset() {
        params = initialParams
        optimizer = Optimizer(config.optimizer, learningRate: config.learningRate, shape: shape)
        lossHistory = []
        gradientNorms = []
    }

    /// L of episode `e` at the current weights (a forward pass only).
    public mutating func loss(episode e: Int) -> Double {
        var ws = workspace(for: episodes[e])
        let l = ws.forward(params)
        workspaces[ws.T] = ws
        return l
    }

    /// The workspace for `episode`'s length, loaded with it, taken out of the cache so it is
    /// uniquely referenced while it is mutated (the caller puts it back).
    private mutating func workspace(for episode: Episode) -> Workspace {
        guard var ws = workspaces.removeValue(forKey: episode.T) else { return Workspace(shape: shape, episode: episode, kernels: kernels) }
        ws.load(episode)
        return ws
    }

    /// The mean of L over all episodes at the current weights.
    public mutating func meanLoss() -> Double {
        var s = 0.0
        for e in episodes.indices { s += loss(episode: e) }
        return s / Double(episodes.count)
    }
}
