import Lessons
import RNNCore

/// The explorer's model: a lesson, its trace (made here, and again after training), and the
/// cursor over the story. Change it only through `update(_:)`; read it through `viewModel()`.
public struct ExplorerState: Sendable {
    public let lesson: Lesson
    /// Every number of the lesson at the current weights: computed when the state is made and
    /// again after each training burst or reset (never per frame).
    public internal(set) var trace: Trace
    /// The story: forward t = 1…T, then backward t = T…1 when the trace has a backward pass.
    public let story: [StoryPosition]
    /// Fixed colour ranges (max |value| of each quantity over every step), computed with the trace.
    public internal(set) var scales: ScaleTable
    /// ‖da<t>‖ for t = 1…T (zeros without a backward pass), computed with the trace.
    public internal(set) var daNorms: [Double]
    public internal(set) var language: Language
    public internal(set) var numbers: NumberStyle

    /// Where the cursor is on the story.
    public internal(set) var position: StoryPosition
    /// The open slide (index into `lesson.script`), nil when the lesson has no slides.
    public internal(set) var slide: Int?
    /// The entry or panel highlighted (set by the open slide).
    public internal(set) var focus: EntryRef?
    /// The inspect cursor, nil outside inspect mode.
    public internal(set) var inspect: InspectCursor?
    public internal(set) var helpOpen = false
    /// The entry an explanation is being written for: never `?` in its own explanation.
    var explaining: EntryRef?
    /// Lines the student scrolled the panel by (j/k), from where the screen places it
    /// (at the inspect cursor or the slide's focus); the screen clamps it to the panel.
    public internal(set) var panelScroll = 0
    /// How far the panel can scroll at the screen's size (reported by the event loop).
    public internal(set) var panelScrollRange = -maxScroll...maxScroll
    static let scrollStep = 3
    public static let maxScroll = 999
    /// Colour each quantity by its own range at this step instead of its range over all steps.
    public internal(set) var perStepScale = false
    public internal(set) var playing = false
    /// Index into `Speed.choices`.
    public internal(set) var speedIndex = Speed.defaultIndex
    /// The answer given to each slide's question (slide index → choice, 1-based).
    public internal(set) var answers: [Int: Int] = [:]
    /// A one-line message: why a key did nothing, the new speed, …
    public internal(set) var status: String?
    /// Set by `quit`; the terminal leaves when it sees it.
    public internal(set) var quit = false
    /// The training run started by `t` (nil until the first burst); its weights are the trace's.
    public internal(set) var training: TrainingRun<Trainer>?
    /// The same for a GRU or LSTM lesson (State/GatedTraining.swift).
    public internal(set) var gatedTraining: GatedTrainingRun?
    /// The training lab (`T`): nil when closed; drawn in place of the equation panel.
    public internal(set) var lab: TrainingLab?
    /// Generation mode (`g`): nil when off.
    public internal(set) var generation: Generation?
    /// The student's own work: typed answers, nudged numbers, the offer to continue.
    public internal(set) var student = StudentWork()
    /// `--watch`: why the changed lesson file does not load (a box over this, the last good version).
    public internal(set) var loadError: LoadError?

    /// `digits`: decimals on screen; nil takes the lesson's `display.digits`, else 2.
    public init(lesson: Lesson, language: Language = .en, digits: Int? = nil) {
        let trace = lesson.makeTrace()
        self.lesson = lesson
        self.trace = trace
        self.story = Self.makeStory(T: trace.T, hasBackward: trace.hasBackward)
        self.scales = ScaleTable(trace: trace)
        self.daNorms = Self.daNorms(trace)
        self.language = language
        self.numbers = NumberStyle(digits: digits ?? lesson.display.digits ?? 2)
        self.position = StoryPosition(phase: .forward, t: 1)
        if !lesson.script.isEmpty { openSlide(0) }
    }

    /// Recomputes the trace and what is derived from it for new weights (after a training
    /// burst or a reset). The story is unchanged: training does not change the sequence.
    mutating func retrace(_ params: Params) {
        if lesson.gated != nil { retraceGated(); return }
        let edits = activeEdits   // a what-if slide and the student's nudges stay on the new weights
        trace = Trace(rnn: RNN(shape: lesson.rnn.shape, params: params).applying(edits), episode: lesson.episode.applying(edits))
        scales = ScaleTable(trace: trace)
        daNorms = Self.daNorms(trace)
    }

    static func makeStory(T: Int, hasBackward: Bool) -> [StoryPosition] {
        let forward = (1...max(T, 1)).map { StoryPosition(phase: .forward, t: $0) }
        guard hasBackward else { return forward }
        return forward + stride(from: T, through: 1, by: -1).map { StoryPosition(phase: .backward, t: $0) }
    }

    public var T: Int { trace.T }
    public var words: Words { Words(language) }
    /// Steps per second while playing.
    public var speed: Double { Speed.choices[speedIndex] }
    /// Where the cursor is in `story` (0-based).
    public var storyIndex: Int { story.firstIndex(of: position) ?? 0 }
    public var currentSlide: Slide? { slide.flatMap { lesson.script.indices.contains($0) ? lesson.script[$0] : nil } }
    /// The answer given to the open slide's question, if any.
    public var currentAnswer: Int? { slide.flatMap { answers[$0] } }
    /// True when the open slide asks a question that has not been answered yet.
    public var questionPending: Bool { (currentSlide?.ask != nil && currentAnswer == nil) || typedPending }
}

/// Playing speeds, in steps per second.
public enum Speed {
    public static let choices: [Double] = [0.25, 0.5, 1, 2, 4]
    public static let defaultIndex = 2
}
