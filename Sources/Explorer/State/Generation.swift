import Lessons
import RNNCore

/// Generation mode (`g`): the lesson's network writes one character per step, each sampled
/// character fed back as the next input (or, in a one-to-many lesson, zeros after t = 1, as the
/// lesson's network is built; see `Lesson.sampler`). Seeded, so the same keys
/// give the same characters; the random stream goes on from one sample to the next.
public struct Generation: Sendable {
    public static let seed: UInt64 = 0
    /// Sampled characters per sample at most.
    public static let maxLength = 50
    /// Temperatures `<` and `>` move between; 0 takes the most likely character.
    public static let temperatures: [Double] = [0, 0.5, 1, 1.5, 2]
    public static let defaultTemperatureIndex = 2

    public let codec: CharacterCodec
    public let prefix: [Int]
    public let temperatureIndex: Int
    var sampler: Sampler
    /// The steps of the current sample, t = 1…; never empty.
    public private(set) var steps: [GenerationStep] = []
    /// Which sample this is (1-based): after the last step, → starts the next one from a<0>.
    public private(set) var sample = 1

    /// `sampler`: the lesson's (`Lesson.sampler`), at `temperatures[temperatureIndex]`.
    init(codec: CharacterCodec, sampler: Sampler, temperatureIndex: Int) {
        self.codec = codec
        self.prefix = sampler.prefix
        self.temperatureIndex = temperatureIndex
        self.sampler = sampler
        advance()
    }

    public var temperature: Double { Self.temperatures[temperatureIndex] }
    /// Whether each character is fed back as the next input (false: one-to-many, zeros after t = 1).
    public var feedsBack: Bool { sampler.feedsBack }
    /// Characters per sample at most (the lesson's T for a one-to-many lesson).
    public var length: Int { sampler.maxLength }
    public var current: GenerationStep? { steps.last }

    /// The next step; after the last step of a sample, the first step of the next sample.
    mutating func advance() {
        if current?.isLast == true {
            sampler.restart()
            steps = []
            sample += 1
        }
        if let s = sampler.next() { steps.append(s) }
    }

    /// The screen's name of token i: a character, or ⏎ for the end of a line.
    public func label(_ i: Int) -> String {
        codec.vocab.indices.contains(i) ? Vocabulary.label(codec.vocab[i]) : "?"
    }
}

extension ExplorerState {
    /// Why this lesson cannot generate, or nil when it can (a vocab, softmax, n_x = n_y = vocab).
    var generationProblem: String? {
        let s = lesson.rnn.shape
        guard let codec = lesson.codec, s.g2 == .softmax, s.nx == codec.count, s.ny == codec.count
        else { return words.generationNeedsVocab }
        return nil
    }

    /// Starts generation at the current weights (`index`: the temperature), from where the
    /// lesson's samples start (`Lesson.samplingStart`: ⏎ when the vocab has it, else x<1>).
    mutating func startGeneration(temperatureIndex index: Int) {
        guard generationProblem == nil, let codec = lesson.codec,
              let sampler = lesson.sampler(rnn: trace.rnn, gated: trace.gated?.rnn, maxLength: Generation.maxLength,
                                           temperature: Generation.temperatures[index], seed: Generation.seed)
        else { status = generationProblem ?? words.generationNeedsVocab; return }
        generation = Generation(codec: codec, sampler: sampler, temperatureIndex: index)
    }

    mutating func toggleGeneration() {
        if generation != nil { generation = nil; status = words.leftGeneration; return }
        startGeneration(temperatureIndex: Generation.defaultTemperatureIndex)
        if generation != nil { inspect = nil; playing = false; status = words.enteredGeneration }
    }

    mutating func generateNext() {
        guard var g = generation else { status = words.notGenerating; return }
        let finished = g.current?.isLast == true
        g.advance()
        generation = g
        if finished { status = words.newSample(g.sample) }
    }

    mutating func changeTemperature(_ delta: Int) {
        guard let g = generation else { status = words.notGenerating; return }
        let i = g.temperatureIndex + delta
        guard Generation.temperatures.indices.contains(i) else { status = words.temperatureLimit(g.temperature); return }
        startGeneration(temperatureIndex: i)
        status = words.temperatureIs(Generation.temperatures[i])
    }

    /// After the weights change, generation starts again with them (same seed and temperature).
    mutating func restartGeneration() {
        guard let g = generation else { return }
        startGeneration(temperatureIndex: g.temperatureIndex)
    }
}
