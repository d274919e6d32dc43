/// In which order the training steps take the episodes (one episode per step).
public enum EpisodeOrder: Equatable, Sendable {
    /// Episode 0, 1, 2, … and round again.
    case inOrder
    /// The episodes shuffled once (Fisher–Yates driven by SplitMix64(seed)), then taken in that
    /// order and round again, as the course's `model()` shuffles its examples once and cycles.
    case shuffled(seed: UInt64)

    /// The seed of a shuffled order (0 for in order, which only benchmarks use).
    public var seed: UInt64 {
        if case .shuffled(let seed) = self { return seed }
        return 0
    }

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
/// weights with fresh optimizer memory, so a rewound run repeats exactly. Started from a stored
/// `OptimizerState`, it continues that run (its memory, its step count in the episode order).
/// A step whose loss breaks the `DivergenceRule` stops the run and puts back the last
/// weights that gave a good loss.
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
    /// The episode each of those workspaces holds.
    private var loadedEpisode: [Int: Int] = [:]
    /// The kernels the passes run.
    public let kernels: Kernels
    /// Steps taken before this run (from a stored `OptimizerState`); step s of this run is step
    /// `startStep + s` of the episode order.
    public let startStep: Int
    /// The optimizer as the run started (fresh, or the stored state's).
    private let initialOptimizer: Optimizer
    /// When the run stops: the loss per time step at the start, × 10 (with the last steps' losses).
    public private(set) var divergenceRule: DivergenceRule
    /// Why and where the run stopped, if it did.
    public private(set) var divergence: Divergence?
    /// The weights and optimizer before the last update (the last ones that gave a good loss);
    /// each update is written into these buffers and then swapped with the current ones.
    private var good: (params: Params, optimizer: Optimizer)

    /// - Precondition: at least one episode, every episode has targets and fits `rnn`'s shape.
    /// `resuming`: a stored state that fits `rnn` (its memory is used when its optimizer is
    /// `config`'s; its step count always is). `divergenceRule`: the rule of a run this one
    /// continues over the same episodes (nil: measured at `rnn`'s weights, a forward pass per episode).
    public init(rnn: RNN, episodes: [Episode], config: TrainingConfig, resuming state: OptimizerState? = nil,
                divergenceRule rule: DivergenceRule? = nil, kernels: Kernels = .chosen) {
        self.kernels = kernels
        precondition(!episodes.isEmpty && episodes.allSatisfy(\.hasTargets), "training needs episodes with targets")
        shape = rnn.shape
        self.episodes = episodes
        self.config = config
        initialParams = rnn.params
        params = rnn.params
        if let state, state.kind == config.optimizer, state.fits(rnn.shape) {
            optimizer = Optimizer(state, learningRate: config.learningRate, shape: rnn.shape)
        } else {
            optimizer = Optimizer(config.optimizer, learningRate: config.learningRate, shape: rnn.shape)
        }
        initialOptimizer = optimizer
        startStep = state?.steps ?? 0
        order = config.order.round(episodes.count)
        divergenceRule = rule ?? DivergenceRule(episodes: episodes, params: rnn.params, shape: rnn.shape)
        good = (params, optimizer)
    }

    /// Training steps taken so far.
    public var steps: Int { lossHistory.count }
    /// The network with the current weights.
    public var rnn: RNN { RNN(shape: shape, params: params) }
    /// The episode (index into `episodes`) that step `s` (1-based, of this run) uses.
    public func episodeIndex(step s: Int) -> Int { order[(startStep + s - 1) % order.count] }
    /// The step whose loss broke the divergence rule (training stopped there), if any.
    public var divergedAt: Int? { divergence?.step }
    /// The steps of this run whose updates the weights hold (fewer than `steps` after divergence).
    public var keptSteps: Int { divergence?.keptSteps ?? steps }
    /// The state to store with the weights so a later run continues this one.
    public var optimizerState: OptimizerState {
        optimizer.state(steps: startStep + keptSteps, seed: config.order.seed)
    }

    /// Takes up to `k` steps (fewer if the loss stops being finite); returns their losses.
    /// Each step: L = forward(episode), BPTT, then g ← clip(g) and θ ← optimizer(θ, g) in one pass.
    @discardableResult
    public mutating func train(steps k: Int) -> ArraySlice<Double> {
        let start = lossHistory.count
        for _ in 0..<k {
            guard divergence == nil else { break }
            var ws = workspace(for: episodeIndex(step: steps + 1))
            let loss = ws.forward(params, preparingBackward: true)
            lossHistory.append(loss)
            if let reason = divergenceRule.observe(loss: loss, T: ws.T) {
                gradientNorms.append(.nan)
                workspaces[ws.T] = ws
                (params, optimizer) = good
                divergence = Divergence(step: steps, loss: loss, reason: reason, keptSteps: max(0, steps - 2))
                break
            }
            ws.backward()
            // θ' goes beside θ, into the buffers of the last good state, which θ then becomes:
            // the weights of this good forward pass are kept without a copy
            gradientNorms.append(optimizer.update(params, into: &good.params, memoryInto: &good.optimizer,
                                                  with: &ws, clipping: config.clipping))
            swap(&params, &good.params)
            swap(&optimizer, &good.optimizer)
            workspaces[ws.T] = ws
        }
        return lossHistory[start...]
    }

    /// Back to the starting weights and optimizer memory, step 0 (the same order).
    public mutating func reset() {
        params = initialParams
        optimizer = initialOptimizer
        good = (params, optimizer)
        divergence = nil
        lossHistory = []
        gradientNorms = []
    }

    /// L of episode `e` at the current weights (a forward pass only).
    public mutating func loss(episode e: Int) -> Double {
        var ws = workspace(for: e)
        let l = ws.forward(params)
        workspaces[ws.T] = ws
        return l
    }

    /// The workspace for episode `e`'s length, loaded with it (unless it holds it already), taken
    /// out of the cache so it is uniquely referenced while it is mutated (the caller puts it back).
    private mutating func workspace(for e: Int) -> Workspace {
        let episode = episodes[e]
        defer { loadedEpisode[episode.T] = e }
        guard var ws = workspaces.removeValue(forKey: episode.T) else { return Workspace(shape: shape, episode: episode, kernels: kernels) }
        if loadedEpisode[episode.T] != e { ws.load(episode) }
        return ws
    }

    /// The mean of L over all episodes at the current weights.
    public mutating func meanLoss() -> Double {
        var s = 0.0
        for e in episodes.indices { s += loss(episode: e) }
        return s / Double(episodes.count)
    }
}
