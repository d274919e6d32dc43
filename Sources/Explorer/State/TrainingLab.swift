import Lessons
import RNNCore

/// The training lab: a training run the student steers (optimizer, learning rate, clipping,
/// steps per screen update, which sequences), runs and pauses, and watches: the loss and
/// ‖∂L/∂W‖ of every step (their whole history, downsampled), samples as it learns, and a
/// stop, in words, when the run diverges. Pure: `run(steps:)` trains a slice; the event loop
/// calls it between key reads, so keys still answer while the run goes on.
public struct TrainingLab: Sendable {
    public enum ClipChoice: String, CaseIterable, Sendable { case off, elementwise, norm }
    /// Which sequences a step takes: the lesson's `texts`, or only its own sequence.
    public enum SequenceSet: Sendable { case texts, own }

    public static let stepChoices = [1, 10, 100, 1000]
    public static let clipBounds: [Double] = [0.5, 1, 2, 5, 10, 50]
    public static let temperatures: [Double] = [0.25, 0.5, 1, 1.5, 2]
    public static let sampleCount = 3, sampleLength = 30, keptSamples = 40

    public private(set) var optimizer: OptimizerKind = .adagrad
    public private(set) var learningRate = 0.1
    public private(set) var clip: ClipChoice = .elementwise
    public private(set) var clipBound = 5.0
    public private(set) var stepsPerUpdate = 100
    public private(set) var sequences: SequenceSet
    public private(set) var temperature = 1.0
    public private(set) var running = false
    /// The run since the last change of settings (a change continues it from its weights and state).
    public private(set) var trainer: Trainer
    /// Steps taken in the lab in all (across changes of settings).
    public private(set) var steps = 0
    /// `steps` when the explorer's trace was last made from the lab's weights.
    var shownSteps = 0
    /// L per step, its running mean (α = 0.02), and ‖∂L/∂W‖ before clipping: the whole history.
    public private(set) var loss = DownsampledSeries()
    public private(set) var smoothedLoss = DownsampledSeries()
    public private(set) var gradientNorms = DownsampledSeries()
    private var smoothing: Double?
    /// The latest samples, newest last: (step, smoothed loss, text).
    public private(set) var samples: [LabSample] = []
    /// Steps per second as the event loop measured it (nil until it has).
    public private(set) var stepsPerSecond: Double?
    public private(set) var divergence: Divergence?

    let lesson: Lesson
    let allEpisodes: [Episode]

    /// A lab on `lesson`'s weights (and its stored optimizer state), nil when it cannot train.
    public init?(lesson: Lesson, params: Params? = nil) {
        guard let episodes = lesson.trainableEpisodes else { return nil }
        self.lesson = lesson
        allEpisodes = episodes
        sequences = lesson.texts != nil ? .texts : .own
        let rnn = RNN(shape: lesson.rnn.shape, params: params ?? lesson.rnn.params)
        trainer = Trainer(rnn: rnn, episodes: episodes, config: TrainingConfig(optimizer: .adagrad, learningRate: 0.1,
                          clipping: .elementwise(5), order: .shuffled(seed: lesson.optimizerState?.seed ?? 0)),
                          resuming: params == nil ? lesson.optimizerState : nil)
    }

    public var clipping: Clipping {
        switch clip {
        case .off: return .none
        case .elementwise: return .elementwise(clipBound)
        case .norm: return .globalNorm(clipBound)
        }
    }

    /// The clip level on the ‖∂L/∂W‖ chart: C for both kinds of clipping. Norm clipping scales
    /// every g above it down to it; elementwise clipping bounds each entry by C, and since
    /// |g_i| ≤ ‖g‖, a step whose ‖g‖ is below C has no entry clipped (above it, some may be).
    public var clipLevel: Double? { clip == .off ? nil : clipBound }

    public var config: TrainingConfig {
        TrainingConfig(optimizer: optimizer, learningRate: learningRate, clipping: clipping, order: trainer.config.order)
    }

    /// The network as the lab has trained it.
    public var params: Params { trainer.params }

    /// Up to `k` steps; stops the run when it diverges (the weights go back to the last good ones).
    public mutating func run(steps k: Int) {
        guard divergence == nil else { running = false; return }
        let before = trainer.steps
        let losses = Array(trainer.train(steps: k))
        for (i, l) in losses.enumerated() {
            loss.append(l)
            gradientNorms.append(trainer.gradientNorms[before + i])
            if l.isFinite { smoothing = smoothing.map { 0.98 * $0 + 0.02 * l } ?? l }
            smoothedLoss.append(smoothing ?? l)
        }
        steps += losses.count
        if let d = trainer.divergence { divergence = d; running = false }
    }

    mutating func toggleRunning() -> Bool {
        guard divergence == nil else { return false }
        running.toggle()
        return true
    }

    mutating func pause() { running = false }

    /// A few sequences sampled from the weights now (the lesson's sampler), kept with the step and loss.
    mutating func takeSamples() {
        guard let codec = lesson.codec,
              var sampler = lesson.sampler(rnn: trainer.rnn, maxLength: Self.sampleLength, temperature: temperature, seed: UInt64(steps))
        else { return }
        let texts = (0..<Self.sampleCount).map { _ in
            String(sampler.generate().filter { $0.sampled && $0.token != codec.endTokenIndex }.map { codec.vocab[$0.token] })
                .replacingOccurrences(of: "\n", with: "⏎")
        }
        samples.append(LabSample(step: steps, loss: smoothing ?? .nan, texts: texts))
        if samples.count > Self.keptSamples { samples.removeFirst(samples.count - Self.keptSamples) }
    }

    mutating func measured(stepsPerSecond rate: Double) { stepsPerSecond = rate }

    // MARK: settings (each continues the run from its weights and optimizer state)

    mutating func cycleOptimizer() {
        let all = OptimizerKind.allCases
        optimizer = all[((all.firstIndex(of: optimizer) ?? 0) + 1) % all.count]
        learningRate = optimizer.defaultLearningRate
        restart()
    }

    mutating func scaleLearningRate(_ factor: Double) {
        let next = learningRate * factor
        guard next >= 1e-6 && next <= 1e3 else { return }
        learningRate = next
        restart()
    }

    mutating func cycleClip() {
        let all = ClipChoice.allCases
        clip = all[((all.firstIndex(of: clip) ?? 0) + 1) % all.count]
        restart()
    }

    mutating func cycleClipBound() {
        let i = Self.clipBounds.firstIndex(of: clipBound) ?? 0
        clipBound = Self.clipBounds[(i + 1) % Self.clipBounds.count]
        restart()
    }

    mutating func cycleStepsPerUpdate() {
        let i = Self.stepChoices.firstIndex(of: stepsPerUpdate) ?? 0
        stepsPerUpdate = Self.stepChoices[(i + 1) % Self.stepChoices.count]
    }

    /// The lesson's texts ⇄ its own sequence (only when it has texts).
    mutating func toggleSequences() -> Bool {
        guard lesson.texts != nil else { return false }
        sequences = sequences == .texts ? .own : .texts
        restart()
        return true
    }

    mutating func changeTemperature(_ delta: Int) {
        let i = (Self.temperatures.firstIndex(of: temperature) ?? 2) + delta
        if Self.temperatures.indices.contains(i) { temperature = Self.temperatures[i] }
    }

    /// A new trainer with the settings, from the weights and optimizer state of the old one
    /// (another optimizer starts fresh memory); the history and samples stay. A diverged run
    /// is left at its last good weights and may go on with the new settings.
    mutating func restart() {
        let episodes = sequences == .texts ? allEpisodes : [lesson.episode]
        trainer = Trainer(rnn: trainer.rnn, episodes: episodes, config: config, resuming: trainer.optimizerState)
        divergence = nil
    }
}

/// Sequences sampled in the lab at one step.
public struct LabSample: Equatable, Sendable {
    public var step: Int
    public var loss: Double
    public var texts: [String]
}
