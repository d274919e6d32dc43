/// When a training run has gone wrong and must stop: its loss is NaN or ±Inf, or its loss per
/// time step has grown past `factor` times its value at the start.
public struct DivergenceRule: Equatable, Sendable {
    public static let factor = 10.0
    /// The loss per time step at the start: Σ L / Σ T over the run's episodes at the starting weights.
    public let start: Double

    public init(start: Double) { self.start = start }

    /// The rule for a run over `episodes`, measured at `params` (one forward pass per episode).
    public init(episodes: [Episode], params: Params, shape: Shape) {
        var loss = 0.0, length = 0
        var spaces: [Int: Workspace] = [:]
        for e in episodes {
            var ws = spaces.removeValue(forKey: e.T) ?? Workspace(shape: shape, episode: e)
            ws.load(e)
            loss += ws.forward(params)
            length += e.T
            spaces[e.T] = ws
        }
        start = length > 0 ? loss / Double(length) : 0
    }

    /// The loss per time step above which a run has diverged (at least 0.01, so a run that
    /// starts at L = 0 may still move).
    public var limit: Double { Self.factor * Swift.max(start, 0.001) }

    /// Why a step's loss `loss` over an episode of `T` time steps ends the run, if it does.
    public func verdict(loss: Double, T: Int) -> Divergence.Reason? {
        if !loss.isFinite { return .notFinite }
        return loss / Double(Swift.max(T, 1)) > limit ? .grew : nil
    }
}

/// A stopped run: at which step, why, and which weights were kept.
public struct Divergence: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The loss became NaN or ±Inf.
        case notFinite
        /// The loss per time step grew past `DivergenceRule.factor` × its starting value.
        case grew
    }
    /// The step (1-based, of this run) whose loss was bad.
    public let step: Int
    public let loss: Double
    public let reason: Reason
    /// The steps whose updates the kept weights have (this run's): the last weights that gave a good loss.
    public let keptSteps: Int
}
