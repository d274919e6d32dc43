/// Trains a GRU or LSTM as `Trainer` trains the plain cell, one episode per step: forward,
/// BPTT (`GatedWorkspace`), then clip and update in one pass of the kernels per weight group
/// (a<0> and c<0> are not trained). Each update is written beside the weights it read, which
/// are kept as the last good ones without a copy.
public struct GatedTrainer: Sendable {
    public let shape: GatedShape
    public let episodes: [Episode]
    public let config: TrainingConfig
    public let initialParams: GatedParams
    public private(set) var params: GatedParams
    public private(set) var optimizer: Optimizer
    /// L of the episode used at each step, before that step's update (index 0 is step 1).
    public private(set) var lossHistory: [Double] = []
    /// ‖g‖ over every weight gradient at each step, before clipping.
    public private(set) var gradientNorms: [Double] = []
    public let order: [Int]
    /// Steps the stored state had taken before this run (0 for a fresh run).
    public let startStep: Int
    /// When the run stops (`DivergenceRule`: a loss that is not finite, or a loss per time step
    /// past 10× the one at the starting weights), as for the plain cell's `Trainer`.
    public private(set) var divergenceRule: DivergenceRule
    /// Why and where the run stopped, if it did; the weights are then the last good ones.
    public private(set) var divergence: Divergence?
    private let initialOptimizer: Optimizer
    /// The weights and memory before the last update (the last ones that gave a good loss,
    /// restored when a step's loss is bad); each update is written into these buffers, which
    /// are then swapped with the current ones.
    private var good: (params: GatedParams, optimizer: Optimizer)
    /// One workspace per sequence length (copies of a trainer share them: each marks the
    /// episode it loads, `GatedWorkspace.loadedEpisode`).
    private var workspaces: [Int: GatedWorkspace] = [:]
    /// The kernels the passes and updates run.
    public let kernels: Kernels

    /// - Precondition: at least one episode, every episode has targets and fits `rnn`'s shape.
    /// `resuming`: a stored state (`model.optimizer_state`) whose memory is used when its
    /// optimizer is `config`'s and its groups fit the cell (each W, each b, Wya, by); its step
    /// count always is, so the run goes on in the same order of episodes. `divergenceRule`: the
    /// rule of a run this one continues over the same episodes (nil: measured at `rnn`'s weights).
    public init(rnn: GatedRNN, episodes: [Episode], config: TrainingConfig, resuming state: OptimizerState? = nil,
                divergenceRule rule: DivergenceRule? = nil, kernels: Kernels = .chosen) {
        self.kernels = kernels
        precondition(!episodes.isEmpty && episodes.allSatisfy(\.hasTargets), "training needs episodes with targets")
        shape = rnn.shape
        self.episodes = episodes
        self.config = config
        initialParams = rnn.params
        params = rnn.params
        let sizes = Self.groupSizes(rnn.params)
        optimizer = Optimizer(config.optimizer, learningRate: config.learningRate, groupSizes: sizes)
        if let state, state.kind == config.optimizer, state.fits(groupSizes: sizes) {
            optimizer.updates = state.updates
            if !state.first.isEmpty { optimizer.m = state.first }
            if !state.second.isEmpty { optimizer.v = state.second }
        }
        startStep = state?.steps ?? 0
        order = config.order.round(episodes.count)
        initialOptimizer = optimizer
        good = (rnn.params, optimizer)
        divergenceRule = rule ?? Self.rule(rnn, episodes, kernels)
    }

    /// The divergence rule measured at the starting weights: Σ L / Σ T over the episodes.
    static func rule(_ rnn: GatedRNN, _ episodes: [Episode], _ kernels: Kernels) -> DivergenceRule {
        var loss = 0.0, length = 0
        var spaces: [Int: GatedWorkspace] = [:]
        for e in episodes {
            let ws = spaces[e.T] ?? GatedWorkspace(shape: rnn.shape, episode: e, kernels: kernels)
            ws.load(e)
            spaces[e.T] = ws
            loss += ws.forward(rnn.params)
            length += e.T
        }
        return DivergenceRule(start: length > 0 ? loss / Double(length) : 0)
    }

    /// The state to store with the weights so a later run continues this one.
    public var optimizerState: OptimizerState {
        OptimizerState(kind: optimizer.kind, steps: startStep + keptSteps, seed: config.order.seed,
                       updates: optimizer.updates, first: optimizer.m, second: optimizer.v)
    }

    /// The sizes of the trained groups: each W and b of `cell.gates`, then Wya, by.
    public static func groupSizes(_ p: GatedParams) -> [Int] {
        p.W.map(\.values.count) + p.b.map(\.count) + [p.Wya.values.count, p.by.count]
    }

    public var steps: Int { lossHistory.count }
    public var rnn: GatedRNN { GatedRNN(shape: shape, params: params) }
    public func episodeIndex(step s: Int) -> Int { order[(startStep + s - 1) % order.count] }
    /// The step whose loss broke the divergence rule (training stopped there), if any.
    public var divergedAt: Int? { divergence?.step }
    /// The steps of this run whose updates the weights hold (fewer than `steps` after divergence).
    public var keptSteps: Int { divergence?.keptSteps ?? steps }

    /// Takes up to `k` steps (fewer if the run diverges: then the weights and memory go back to
    /// the last ones that gave a good loss); returns their losses.
    /// Each step: L = forward(episode), BPTT, then g ← clip(g) and θ ← optimizer(θ, g) in one pass.
    @discardableResult
    public mutating func train(steps k: Int) -> ArraySlice<Double> {
        let start = lossHistory.count
        for _ in 0..<k {
            guard divergence == nil else { break }
            let ws = workspace(for: episodeIndex(step: steps + 1))
            let loss = ws.forward(params)
            lossHistory.append(loss)
            if let reason = divergenceRule.observe(loss: loss, T: ws.T) {
                gradientNorms.append(.nan)
                (params, optimizer) = good
                divergence = Divergence(step: steps, loss: loss, reason: reason, keptSteps: max(0, steps - 2))
                break
            }
            ws.backward()
            // θ' goes beside θ, into the buffers of the last good state, which θ then becomes
            gradientNorms.append(optimizer.update(params, into: &good.params, memoryInto: &good.optimizer,
                                                  with: ws, clipping: config.clipping))
            swap(&params, &good.params)
            swap(&optimizer, &good.optimizer)
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
        workspace(for: e).forward(params)
    }

    /// The workspace for episode `e`'s length, loaded with it (unless it holds it already).
    private mutating func workspace(for e: Int) -> GatedWorkspace {
        let episode = episodes[e]
        if let ws = workspaces[episode.T] {
            if ws.loadedEpisode != e { ws.load(episode) }
            ws.loadedEpisode = e
            return ws
        }
        let ws = GatedWorkspace(shape: shape, episode: episode, kernels: kernels)
        ws.loadedEpisode = e
        workspaces[episode.T] = ws
        return ws
    }

    /// The mean of L over all episodes at the current weights.
    public mutating func meanLoss() -> Double {
        var s = 0.0
        for e in episodes.indices { s += loss(episode: e) }
        return s / Double(episodes.count)
    }
}

/// What a training loop reads and drives, for a trainer of any cell.
public protocol TrainingLoop {
    var steps: Int { get }
    var divergedAt: Int? { get }
    var lossHistory: [Double] { get }
    var config: TrainingConfig { get }
    @discardableResult mutating func train(steps k: Int) -> ArraySlice<Double>
    mutating func meanLoss() -> Double
}

extension Trainer: TrainingLoop {}
extension GatedTrainer: TrainingLoop {}
