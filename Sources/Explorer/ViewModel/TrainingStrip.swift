import Lessons
import RNNCore

/// The line shown once training has happened: steps, the loss curve, the settings, the keys.
public struct TrainingStrip: Equatable, Sendable {
    /// `trained 300 steps`
    public var title: String
    /// `loss per sequence`
    public var curveLabel: String
    public var curve: [Double]
    /// `Adagrad lr 0.1, clip ±5`
    public var settings: String
    /// `t +100  r reset`
    public var keys: String
}

extension ExplorerState {
    var trainingStrip: TrainingStrip? {
        guard let curve = training?.lossCurve ?? gatedTraining?.lossCurve, trainedSteps > 0,
              let c = training?.trainer.config ?? gatedTraining?.trainer.config else { return nil }
        let clip: String
        switch c.clipping {
        case .none: clip = ""
        case .elementwise(let v): clip = words.pick(", clip ±", "，梯度裁剪 ±") + Words.short(v)
        case .globalNorm(let v): clip = words.pick(", clip ‖g‖ ≤ ", "，按范数裁剪 ‖g‖ ≤ ") + Words.short(v)
        }
        let settings = c.optimizer.displayName + words.pick(" lr ", "，学习率 ") + Words.short(c.learningRate) + clip
        return TrainingStrip(title: words.trainedSteps(trainedSteps), curveLabel: words.lossCurveLabel(curve.chunk),
                             curve: curve.points, settings: settings, keys: words.trainingKeys(Self.burst))
    }
}

extension OptimizerKind {
    var displayName: String {
        switch self {
        case .sgd: return "SGD"
        case .adagrad: return "Adagrad"
        case .adam: return "Adam"
        }
    }
}
