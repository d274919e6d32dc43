/// When a training run has gone wrong and must stop: its loss is NaN or ±Inf, or its loss per
/// time step, averaged over the last steps (at most `window`), has grown past `factor` times
/// its value at the start. The start is a mean over all the run's sequences, so it is compared
/// with a mean over many steps, not with one sequence's loss: a healthy run meets a sequence
/// it predicts badly now and then, and one such step must not stop it.
public struct DivergenceRule: Equatable, Sendable {
    public static let factor = 10.0
    /// The most steps whose loss per time step is averaged (Σ L / Σ T over them).
    public static let window = 100
    /// The loss per time step at the start: Σ L / Σ T over the run's episodes at the starting weights.
    public let start: Double
    /// The last steps' losses and lengths (at most `window`), oldest first, and their sums.
    private var recent: [Step] = []
    private var next = 0
    private var sumLoss = 0.0, sumT = 0
    private struct Step: Equatable, Sendable { var loss: Double, T: Int }

    public init(start: Double) { self.start = start }

    /// The same start with no steps seen (a run that goes on after a stop, or over new settings).
    public var afresh: DivergenceRule { DivergenceRule(start: start) }

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

    /// The loss per time step over the steps seen last (at most `window`), nil before the first.
    public var recentPerStep: Double? { sumT > 0 ? sumLoss / Double(sumT) : nil }
    /// How many steps `recentPerStep` is the mean of.
    public var recentSteps: Int { recent.count }

    /// In words, after a stop for `.grew`: `the loss grew to 3.1 per time step (the mean of the
    /// last 100 steps), past 10× its starting value 0.27`.
    public var grewWords: String {
        let over = recent.count == 1 ? "this step" : "the mean of the last \(recent.count) steps"
        return "the loss grew to \(Self.short(recentPerStep ?? .nan)) per time step (\(over)), past "
            + "\(Self.short(Self.factor))× its starting value \(Self.short(start))"
    }

    /// `3.1`, `0.27`, `1.2e+04`: 3 significant digits.
    static func short(_ x: Double) -> String { String(format: "%.3g", x) }

    /// Why a step's loss `loss` over an episode of `T` time steps would end the run, with the
    /// steps seen before it: NaN or ±Inf at once; else when the mean loss per time step of the
    /// last steps (this one included) is past `limit`.
    public func verdict(loss: Double, T: Int) -> Divergence.Reason? {
        if !loss.isFinite { return .notFinite }
        var l = sumLoss, n = sumT
        if recent.count == Self.window { l -= recent[next].loss; n -= recent[next].T }
        l += loss; n += Swift.max(T, 1)
        return l / Double(n) > limit ? .grew : nil
    }

    /// `verdict`, and the step is remembered among the last ones (a step that ends the run too).
    public mutating func observe(loss: Double, T: Int) -> Divergence.Reason? {
        let reason = verdict(loss: loss, T: T)
        guard loss.isFinite else { return reason }
        let item = Step(loss: loss, T: Swift.max(T, 1))
        guard recent.count == Self.window else {
            recent.append(item)
            sumLoss += item.loss; sumT += item.T
            return reason
        }
        let old = recent[next]
        recent[next] = item
        next = (next + 1) % Self.window
        if next == 0 {   // once a window: the sums afresh, so rounding does not pile up
            sumLoss = recent.reduce(0) { $0 + $1.loss }
            sumT = recent.reduce(0) { $0 + $1.T }
        } else {
            sumLoss += item.loss - old.loss
            sumT += item.T - old.T
        }
        return reason
    }
}

/// A stopped run: at which step, why, and which weights were kept.
public struct Divergence: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The loss became NaN or ±Inf.
        case notFinite
        /// The loss per time step (the mean of the last steps) grew past `DivergenceRule.factor` × its starting value.
        case grew
    }
    /// The step (1-based, of this run) whose loss was bad.
    public let step: Int
    public let loss: Double
    public let reason: Reason
    /// The steps whose updates the kept weights have (this run's): the last weights that gave a good loss.
    public let keptSteps: Int
}
