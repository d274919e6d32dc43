import Lessons
import RNNCore

/// The training lab: a training run the student steers (optimizer, learning rate, clipping,
/// steps per screen update, which sequences), runs and pauses, and watches: the loss and
/// ‖∂L/∂W‖ of every step (their whole history, downsampled), samples as it learns, and a
/// stop, in words, when the run diverges. The plain cell trains with `Trainer`, a GRU or LSTM
/// with `GatedTrainer` (exactly one of `trainer`, `gatedTrainer` is set). Pure: `run(steps:)`
/// trains a slice; the event loop calls it between key reads, so keys still answer while the
/// run goes on.
public struct TrainingLab: Sendable {
    public enum ClipChoice: String, CaseIterable, Sendable { case off, elementwise, norm }
    /// Which sequences a step takes: the lesson's `texts`, or only its own sequence.
    public enum SequenceSet: Sendable { case texts, own }

    public static let stepChoices = [1, 10, 100, 1000]
    /// Screen updates per second when an update is only a few steps (1 or 10), so each can be
    /// watched; nil for more steps per update (the run goes as fast as it can, drawn 10× a second).
    public static func pacedUpdatesPerSecond(_ stepsPerUpdate: Int) -> Int? { stepsPerUpdate <= 10 ? 10 : nil }
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
    /// The run since the last change of settings (a change continues it from its weights and
    /// state): the plain cell's, or a GRU's or LSTM's.
    public private(set) var trainer: Trainer?
    public private(set) var gatedTrainer: GatedTrainer?
    /// The order of the sequences (the stored run's seed, so a stored run goes on in its order).
    let order: EpisodeOrder
    /// Steps taken in the lab in all (across changes of settings).
    public private(set) var steps = 0
    /// The steps the weights had been trained before the lab opened (a stored run's, or `t`'s):
    /// the lab counts on from there.
    public let baseStep: Int
    /// The lab's runs, one per span of the same settings, oldest first (for the written lesson's notes).
    public private(set) var phases: [LabPhase] = []
    /// `steps` when the explorer's trace was last made from the lab's weights.
    var shownSteps = 0
    /// L per step, its running mean (α = 0.02; over one sequence, L itself), and ‖∂L/∂W‖ before
    /// clipping: the whole history.
    public private(set) var loss = DownsampledSeries()
    public private(set) var smoothedLoss = DownsampledSeries()
    public private(set) var gradientNorms = DownsampledSeries()
    private var smoothing: Double?
    /// After a stop: the running mean as it was before the steps that were not kept.
    private var keptSmoothing: Double?
    /// The latest samples, newest last: (step, smoothed loss, text).
    public private(set) var samples: [LabSample] = []
    /// Steps per second as the event loop measured it (nil until it has).
    public private(set) var stepsPerSecond: Double?
    public private(set) var divergence: Divergence?
    /// After a stop, `w` warned once at this kept step: the next `w` writes the weights anyway
    /// (as `unroll train --force`).
    public internal(set) var divergedSaveWarnedAt: Int?
    /// `w` may write now: the run did not diverge, or `w` already warned about these weights.
    public var mayWrite: Bool { divergence == nil || divergedSaveWarnedAt == keptStep }
    /// The last `w` only warned (the run diverged): the loop's hook, which sees the state after
    /// the key, writes nothing for it.
    public internal(set) var saveHeld = false

    let lesson: Lesson
    let allEpisodes: [Episode]

    /// A lab on `lesson`'s weights and stored optimizer state, or on those of a run that
    /// trained it already (`from`: the plain cell's `Trainer`, or a gated cell's `GatedTrainer`);
    /// nil when it cannot train.
    public init?(lesson: Lesson, from plain: Trainer? = nil, gated: GatedTrainer? = nil) {
        guard let episodes = lesson.trainableEpisodes else { return nil }
        self.lesson = lesson
        allEpisodes = episodes
        sequences = lesson.texts != nil ? .texts : .own
        order = .shuffled(seed: plain?.config.order.seed ?? gated?.config.order.seed ?? lesson.optimizerState?.seed ?? 0)
        // a stored run goes on with its optimizer (and that optimizer's usual rate), so its memory is used
        let stored = plain?.optimizerState ?? gated?.optimizerState ?? lesson.optimizerState
        baseStep = stored?.steps ?? 0
        optimizer = stored?.kind ?? .adagrad
        learningRate = optimizer.defaultLearningRate
        let config = TrainingConfig(optimizer: optimizer, learningRate: learningRate, clipping: .elementwise(5), order: order)
        if let g = lesson.gated {
            gatedTrainer = GatedTrainer(rnn: gated?.rnn ?? g, episodes: episodes, config: config, resuming: stored)
        } else {
            trainer = Trainer(rnn: plain?.rnn ?? lesson.rnn, episodes: episodes, config: config, resuming: stored)
        }
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
        TrainingConfig(optimizer: optimizer, learningRate: learningRate, clipping: clipping, order: order)
    }

    /// The plain cell's weights as the lab has trained them (nil for a GRU or LSTM).
    public var params: Params? { trainer?.params }
    /// A GRU's or LSTM's weights as the lab has trained them (nil for the plain cell).
    public var gatedParams: GatedParams? { gatedTrainer?.params }
    /// The state to store with the weights so a later run continues the lab's.
    public var optimizerState: OptimizerState? { trainer?.optimizerState ?? gatedTrainer?.optimizerState }
    /// The run's steps since it began (the stored run's, then the lab's) that the weights hold.
    public var totalSteps: Int {
        trainer.map { $0.startStep + $0.keptSteps } ?? gatedTrainer.map { $0.startStep + $0.keptSteps } ?? 0
    }

    /// Up to `k` steps; stops the run when it diverges (the weights go back to the last good ones).
    public mutating func run(steps k: Int) {
        guard divergence == nil else { running = false; return }
        let losses: [Double], norms: ArraySlice<Double>
        if trainer != nil {
            let before = trainer?.steps ?? 0
            losses = Array(trainer?.train(steps: k) ?? [])
            norms = trainer?.gradientNorms[before...] ?? []
        } else {
            let before = gatedTrainer?.steps ?? 0
            losses = Array(gatedTrainer?.train(steps: k) ?? [])
            norms = gatedTrainer?.gradientNorms[before...] ?? []
        }
        // after a stop the last two steps' updates are not kept: the first of them was taken at the
        // kept weights, so its loss is theirs (the running mean up to it is the one to show)
        let notKept = (trainer?.divergence ?? gatedTrainer?.divergence).map { $0.step - $0.keptSteps } ?? 0
        let keptLossAt = notKept > 0 ? losses.count - notKept : Int.max
        if keptLossAt < 0 { keptSmoothing = smoothing }
        // a run over one sequence has no noise to smooth: its line is each step's loss
        let alpha = oneSequence ? 1.0 : 0.02
        for (i, (l, g)) in zip(losses, norms).enumerated() {
            loss.append(l)
            gradientNorms.append(g)
            if l.isFinite { smoothing = smoothing.map { (1 - alpha) * $0 + alpha * l } ?? l }
            smoothedLoss.append(smoothing ?? l)
            if i == keptLossAt { keptSmoothing = smoothing }
        }
        steps += losses.count
        addPhase(steps: losses.count - notKept)
        if let d = trainer?.divergence ?? gatedTrainer?.divergence { divergence = d; running = false }
    }

    /// Counts `k` more kept steps (fewer, at a stop) in the current span of settings (a new span
    /// when they changed since the last one).
    private mutating func addPhase(steps k: Int) {
        let now = LabPhase(steps: 0, optimizer: optimizer, learningRate: learningRate, clipping: clipping)
        if let last = phases.last, last.sameSettings(as: now) { phases[phases.count - 1].steps = max(0, last.steps + k) }
        else if k > 0 { var p = now; p.steps = k; phases.append(p) }
    }

    /// The step the weights now are at, counted from where the lab began (`baseStep`): after a
    /// stop, that of the last good weights, not of the step that diverged.
    public var keptStep: Int {
        baseStep + steps - discarded - (divergence.map { $0.step - $0.keptSteps } ?? 0)
    }
    /// Steps on the charts whose updates were thrown away at a stop (before the last change of settings).
    private var discarded = 0

    /// The loss the weights now gave when they were last used (after a stop: the last good
    /// weights' loss, their step's running mean), nil before the first step.
    public var keptLoss: Double? {
        divergence == nil ? smoothedLoss.buckets.last?.mean : keptSmoothing
    }

    /// How the weights were trained, span by span, for the written lesson's notes and slide:
    /// `480074 steps Adagrad lr 0.1 clip ±5, then 1200 steps Adam lr 0.01 clip off` (after
    /// `the lesson's 20000 steps, then` when the lab began from a trained lesson).
    public var history: String { history(.en) }

    /// `history` in `language` (zh: "实验室之前 20000 步，然后 87866 步 Adam，学习率 0.01，裁剪 ±5"),
    /// for the Chinese slide of the file `w` writes.
    public func history(_ language: Language) -> String {
        let zh = language == .zh
        let spans = phases.filter { $0.steps > 0 }.map { p -> String in
            let clip: String
            switch p.clipping {
            case .none: clip = zh ? "不裁剪" : "clip off"
            case .elementwise(let c): clip = zh ? "裁剪 ±\(Self.short(c))" : "clip ±\(Self.short(c))"
            case .globalNorm(let c): clip = zh ? "裁剪 ‖g‖ ≤ \(Self.short(c))" : "clip ‖g‖ ≤ \(Self.short(c))"
            }
            let name = ["sgd": "SGD", "adagrad": "Adagrad", "adam": "Adam"][p.optimizer.rawValue] ?? p.optimizer.rawValue
            return zh ? "\(p.steps) 步 \(name)，学习率 \(Self.short(p.learningRate))，\(clip)"
                : "\(p.steps) step\(p.steps == 1 ? "" : "s") \(name) lr \(Self.short(p.learningRate)) \(clip)"
        }
        let before = baseStep > 0 ? [zh ? "实验室之前 \(baseStep) 步" : "\(baseStep) steps before the lab"] : []
        return (before + spans).joined(separator: zh ? "；然后 " : ", then ")
    }

    /// Whether the weights have taken any step since the lesson's own (nothing to write otherwise).
    public var hasTrained: Bool { totalSteps > (lesson.optimizerState?.steps ?? 0) }

    /// `0.1`, `5`, `0.0125`: as short as it reads back exactly.
    static func short(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }

    /// Whether the run takes one sequence only (its loss has no noise to smooth).
    public var oneSequence: Bool { (trainer?.episodes.count ?? gatedTrainer?.episodes.count ?? 2) == 1 }

    /// Up to 100 steps and a pause (`t` in the lab, as `t` trains 100 steps outside it).
    mutating func runHundred() {
        running = false
        run(steps: 100)
        running = false
    }

    /// The mean loss per sequence over the lab's sequences at the lesson's own weights.
    public func lessonMeanLoss() -> Double {
        let episodes = sequences == .texts ? allEpisodes : [lesson.episode]
        if let g = lesson.gated {
            var t = GatedTrainer(rnn: g, episodes: episodes, config: config)
            return t.meanLoss()
        }
        var t = Trainer(rnn: lesson.rnn, episodes: episodes, config: config)
        return t.meanLoss()
    }

    /// The mean loss per sequence over the run's sequences at the lab's weights.
    public func meanLoss() -> Double {
        if var t = trainer { return t.meanLoss() }
        if var g = gatedTrainer { return g.meanLoss() }
        return .nan
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
              var sampler = lesson.sampler(rnn: trainer?.rnn, gated: gatedTrainer?.rnn, maxLength: Self.sampleLength,
                                           temperature: temperature, seed: UInt64(steps))
        else { return }
        let texts = (0..<Self.sampleCount).map { _ in
            String(sampler.generate().filter { $0.sampled && $0.token != codec.endTokenIndex }.map { codec.vocab[$0.token] })
                .replacingOccurrences(of: "\n", with: "⏎")
        }
        samples.append(LabSample(step: keptStep, loss: keptLoss ?? .nan, texts: texts))
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
        restart(newSequences: true)
        return true
    }

    mutating func changeTemperature(_ delta: Int) {
        let i = (Self.temperatures.firstIndex(of: temperature) ?? 2) + delta
        if Self.temperatures.indices.contains(i) { temperature = Self.temperatures[i] }
    }

    /// A new trainer with the settings, from the weights and optimizer state of the old one
    /// (another optimizer starts fresh memory); the history and samples stay. A diverged run
    /// is left at its last good weights and may go on with the new settings. Over the same
    /// sequences the run keeps its divergence rule (10× the loss where the lab began: no forward
    /// pass over every sequence on a key); `newSequences` measures it again at the weights now.
    mutating func restart(newSequences: Bool = false) {
        let episodes = sequences == .texts ? allEpisodes : [lesson.episode]
        // after a stop the last steps' losses (the bad ones among them) are not counted again
        let stopped = divergence != nil
        if let t = trainer {
            trainer = Trainer(rnn: t.rnn, episodes: episodes, config: config, resuming: t.optimizerState,
                              divergenceRule: newSequences ? nil : stopped ? t.divergenceRule.afresh : t.divergenceRule)
        }
        if let g = gatedTrainer {
            gatedTrainer = GatedTrainer(rnn: g.rnn, episodes: episodes, config: config, resuming: g.optimizerState,
                                        divergenceRule: newSequences ? nil : stopped ? g.divergenceRule.afresh : g.divergenceRule)
        }
        if stopped {   // the steps not kept stay on the charts, but the count goes on from the kept weights
            discarded = steps - (keptStep - baseStep)
            if let k = keptSmoothing { smoothing = k }
        }
        keptSmoothing = nil
        divergence = nil
    }
}

/// One span of the lab's run with the same settings: how many steps it kept, and how.
public struct LabPhase: Equatable, Sendable {
    public var steps: Int
    public var optimizer: OptimizerKind
    public var learningRate: Double
    public var clipping: Clipping

    func sameSettings(as other: LabPhase) -> Bool {
        optimizer == other.optimizer && learningRate == other.learningRate && clipping == other.clipping
    }
}

/// Sequences sampled in the lab at one step.
public struct LabSample: Equatable, Sendable {
    public var step: Int
    public var loss: Double
    public var texts: [String]
}
