import Lessons
import RNNCore

/// Training on the spot (`t`): a burst of `burst` steps of the lesson's own training run, then
/// the trace, colour scales and loss curve are made again for the new weights (once per burst).
extension ExplorerState {
    /// Steps per press of `t`: well under a second for the shipped lessons in a debug build.
    public static let burst = 100

    /// The course's defaults: Adagrad, lr 0.1, every gradient entry clipped to [−5, 5], the
    /// training sequences shuffled once with seed 0 (the same run every time).
    public static let trainingConfig = TrainingConfig(optimizer: .adagrad, learningRate: 0.1,
                                                      clipping: .elementwise(5), order: .shuffled(seed: 0))

    /// `burst` more steps; says what happened to the loss of the sequence on screen.
    mutating func trainBurst() {
        if lesson.gated != nil { trainGatedBurst(); return }
        guard let episodes = lesson.trainableEpisodes else { status = words.cannotTrain; return }
        var run = training ?? TrainingRun(Trainer(rnn: lesson.rnn, episodes: episodes, config: Self.trainingConfig, resuming: lesson.optimizerState))
        if let at = run.trainer.divergedAt { status = words.diverged(at); return }
        let before = trace.totalLoss
        run.train(steps: Self.burst)
        training = run
        retrace(run.trainer.params)
        restartGeneration()
        if let at = run.trainer.divergedAt { status = words.diverged(at); return }
        status = words.trained(Self.burst, total: run.steps, before: before.map(numbers.format),
                               after: trace.totalLoss.map(numbers.format))
    }

    /// Back to the lesson's starting weights: the same trace as when the lesson opened, and a
    /// fresh run (the same seed, so training again repeats the same steps).
    mutating func resetTraining() {
        if lesson.gated != nil { resetGatedTraining(); return }
        guard training != nil else {
            status = lesson.trainableEpisodes == nil ? words.cannotTrain : words.nothingToReset
            return
        }
        training = nil
        retrace(lesson.rnn.params)
        restartGeneration()
        status = words.resetDone
    }
}

/// Training on the spot, as a sub-state of the explorer: the run `t` started and its loss curve,
/// for the plain cell (`Trainer`) or a gated one (`GatedTrainer`, `GatedTrainingRun`).
public struct TrainingRun<Loop: TrainingLoop & Sendable>: Sendable {
    /// The run: its weights are the trace's.
    public private(set) var trainer: Loop
    /// One point per chunk of steps, made again after each burst.
    public private(set) var lossCurve: LossCurve

    init(_ trainer: Loop) {
        self.trainer = trainer
        lossCurve = LossCurve(history: trainer.lossHistory)
    }

    /// Steps trained so far.
    public var steps: Int { trainer.steps }

    /// `steps` more steps of the run, then the loss curve again.
    mutating func train(steps: Int) {
        trainer.train(steps: steps)
        lossCurve = LossCurve(history: trainer.lossHistory)
    }
}

/// The loss curve of a training run: the mean loss per sequence over each chunk of steps,
/// at most `maxPoints` points (the chunk grows as the run does).
public struct LossCurve: Equatable, Sendable {
    public static let maxPoints = 60
    /// Steps per point (the last point may have fewer).
    public let chunk: Int
    public let points: [Double]
    public let steps: Int

    public init(history: [Double]) {
        steps = history.count
        let c = max(10, (history.count + Self.maxPoints - 1) / Self.maxPoints)
        chunk = c
        points = stride(from: 0, to: history.count, by: c).map { start in
            let part = history[start..<min(start + c, history.count)]
            return part.reduce(0, +) / Double(part.count)
        }
    }
}
