import Lessons
import RNNCore

/// Training on the spot (`t`) for a GRU or LSTM lesson: the plain cell's `TrainingRun` (the
/// same burst, settings and loss curve) over a `GatedTrainer`.
public typealias GatedTrainingRun = TrainingRun<GatedTrainer>

extension ExplorerState {
    /// The gated weights before any edit: the lesson's, or the training run's.
    var baseGated: GatedRNN? {
        guard let g = lesson.gated else { return nil }
        return gatedTraining.map { GatedRNN(shape: g.shape, params: $0.trainer.params) } ?? g
    }

    /// Steps trained on the spot so far whose updates the weights hold, for either cell: every
    /// span of settings in the lab, and after a divergence stop only the kept steps (the count the
    /// lab showed), past the lesson's stored run.
    public var trainedSteps: Int {
        let total = training.map { $0.trainer.startStep + $0.trainer.keptSteps }
            ?? gatedTraining.map { $0.trainer.startStep + $0.trainer.keptSteps } ?? 0
        return max(0, total - (lesson.optimizerState?.steps ?? 0))
    }

    /// `t` on a gated lesson: `burst` more steps of Adagrad (the plain cell's settings).
    mutating func trainGatedBurst() {
        guard let episodes = lesson.trainableEpisodes, let g = lesson.gated else { status = words.cannotTrain; return }
        var run = gatedTraining ?? GatedTrainingRun(GatedTrainer(rnn: g, episodes: episodes, config: Self.trainingConfig,
                                                                 resuming: lesson.optimizerState))
        if let at = run.trainer.divergedAt { status = words.diverged(at); return }
        let before = trace.totalLoss
        run.train(steps: Self.burst)
        gatedTraining = run
        retraceGated()
        restartGeneration()
        if let at = run.trainer.divergedAt { status = words.diverged(at); return }
        status = words.trained(Self.burst, total: run.steps, before: before.map(numbers.format),
                               after: trace.totalLoss.map(numbers.format))
    }

    /// `r` on a gated lesson: back to the lesson's weights.
    mutating func resetGatedTraining() {
        guard gatedTraining != nil else {
            status = lesson.trainableEpisodes == nil ? words.cannotTrain : words.nothingToReset
            return
        }
        gatedTraining = nil
        retraceGated()
        restartGeneration()
        status = words.resetDone
    }

    /// The trace of the gated network on screen: the base weights with `activeEdits` applied.
    mutating func retraceGated() {
        guard let g = baseGated else { return }
        let edits = activeEdits
        if edits.isEmpty && gatedTraining == nil { trace = lesson.makeTrace() }
        else { trace = Trace(gated: g.applying(edits), episode: lesson.episode.applying(edits)) }
        scales = ScaleTable(trace: trace)
        daNorms = Self.daNorms(trace)
    }
}
