import Lessons
import RNNCore

/// The student's own work in a lesson, a sub-state of the explorer: typed answers and the
/// numbers nudged in edit mode.
public struct StudentWork: Equatable, Sendable {
    /// Each typed question's state, by slide (0-based).
    public internal(set) var typed: [Int: TypedAnswer] = [:]
    /// What is being typed in the answer box of the open slide.
    public internal(set) var box = ""
    /// Esc closed the answer box: keys keep their usual meaning until a digit is typed.
    public internal(set) var boxClosed = false
    /// The entries the student changed (nudge editor), on top of the slide's what-if.
    public internal(set) var edits = NetworkEdits()
    /// Edit mode is on (the inspect cursor edits the entry under it).
    public internal(set) var editing = false
    /// How far + and - move an entry.
    public internal(set) var step = 0.1
    /// The nudged entry from the lesson's value to now: the gradient's prediction against what happened.
    public internal(set) var lastNudge: NudgeReport?
    /// The last `+`/`-`/`0` alone.
    public internal(set) var lastStep: NudgeReport?
    /// What `lastNudge` is measured from.
    var baseline: NudgeBaseline?
    /// After nudging an input x<t>: ‖Δa<t'>‖ from the lesson's value, for every step (zeros before t).
    public internal(set) var shift: [Double]?
    /// Where the student had got to last time ("continue at slide N"), until answered.
    public internal(set) var resumeOffer: LessonProgress?
    /// The last slide has been reached (now or in an earlier visit): the lesson stays finished
    /// when the student leaves it (summary keys, `p`, quit and reopen).
    public internal(set) var reachedEnd = false

    public init() {}

    public static let steps: ClosedRange<Double> = 1e-6...100
    /// The most characters the answer box holds.
    public static let boxLimit = 24
}

/// One typed question: the wrong tries so far, and how it ended.
public struct TypedAnswer: Equatable, Sendable {
    /// The wrong numbers typed, in order.
    public internal(set) var wrong: [Double] = []
    /// The last number as the student typed it (`0.80`, not `0.8`; a decimal comma as a point),
    /// for the feedback to echo; nil after a resume, which keeps the numbers only.
    public internal(set) var lastTyped: String?
    /// The right number, once typed.
    public internal(set) var right: Double?
    /// The answer was shown after the allowed tries.
    public internal(set) var revealed = false
    /// What the last wrong number most likely forgot.
    public internal(set) var diagnosis: Diagnosis?

    public var done: Bool { right != nil || revealed }
    public var firstTryRight: Bool { right != nil && wrong.isEmpty }
}

extension ExplorerState {
    /// The typed question of the open slide, if any.
    public var typedQuestion: TypedQuestion? { currentSlide?.typed }
    /// The state of the open slide's typed question.
    public var typedAnswer: TypedAnswer? { slide.flatMap { student.typed[$0] } }
    /// True while the open slide's typed question is waiting for its answer.
    public var typedPending: Bool { typedQuestion != nil && !(typedAnswer?.done ?? false) }
    /// Digits go to the answer box now (not while inspect, help or the training lab is open:
    /// their keys win; the box is active again when they close).
    public var answerBoxActive: Bool { typedPending && !student.boxClosed && inspect == nil && !helpOpen && lab == nil }

    /// The edits in force: the open slide's what-if, then the student's nudges.
    public var activeEdits: NetworkEdits {
        (currentSlide?.edits ?? NetworkEdits()).merging(student.edits)
    }

    /// The weights before any edit: the lesson's, or the training run's.
    var baseParams: Params { training?.trainer.params ?? lesson.rnn.params }

    /// The trace of the network on screen: the base weights with `activeEdits` applied.
    mutating func recomputeTrace() {
        if lesson.gated != nil { retraceGated(); return }
        let edits = activeEdits
        let rnn = RNN(shape: lesson.rnn.shape, params: baseParams).applying(edits)
        if edits.isEmpty && training == nil { trace = lesson.makeTrace() }
        else { trace = Trace(rnn: rnn, episode: lesson.episode.applying(edits)) }
        scales = ScaleTable(trace: trace)
        daNorms = Self.daNorms(trace)
    }

    /// The answer to the open slide's typed question on the slide's network as the lesson states it.
    func typedRightAnswer() -> Double? {
        guard let q = typedQuestion, case .success(let v) = q.answer(on: gradingTrace) else { return nil }
        return v
    }

    /// A character typed into the answer box (digits, -, ., e; `,` is read as `.`).
    mutating func typeCharacter(_ typed: Character) {
        guard typedPending else { status = words.nothingToType; return }
        let c: Character = typed == "," ? "." : typed   // a decimal comma (0,61) is a decimal point
        student.boxClosed = false
        guard TypedNumber.allowed.contains(c) else { status = words.notInANumber(c); return }
        guard student.box.count < StudentWork.boxLimit else { status = words.boxFull(StudentWork.boxLimit); return }
        student.box.append(c)
    }

    /// Backspace: the last character typed goes (after Esc, the box opens again).
    mutating func eraseCharacter() {
        guard typedPending, inspect == nil, !student.box.isEmpty else { status = words.nothingToErase; return }
        student.boxClosed = false
        student.box.removeLast()
    }

    /// The decimals a typed answer is graded to when its question sets neither `digits` nor
    /// `tolerance`: the lesson's own `display.digits` (else 2), what its slides ask for, never
    /// the `--digits` display option.
    var lessonDigits: Int { lesson.display.digits ?? 2 }

    /// Enter in the answer box: right, or how far off and what was likely forgotten; after
    /// the allowed tries the answer is revealed with its explanation.
    mutating func submitTypedAnswer() {
        guard let i = slide, let q = typedQuestion, typedPending else { status = words.nothingToType; return }
        guard let typed = TypedNumber.parse(student.box) else {
            status = student.box.isEmpty ? words.typeANumber : words.notANumber(student.box)
            return
        }
        let graded = gradingTrace
        guard case .success(let right) = q.answer(on: graded) else { status = words.nothingToType; return }
        var a = student.typed[i] ?? TypedAnswer()
        a.lastTyped = student.box.replacingOccurrences(of: ",", with: ".")
        student.box = ""
        if q.accepts(typed, answer: right, screenDigits: lessonDigits) {
            a.right = typed
            a.diagnosis = nil
        } else {
            a.wrong.append(typed)
            if let ref = q.reference {
                a.diagnosis = MistakeDiagnosis.diagnose(typed: typed, ref: ref, trace: graded,
                                                        tolerance: q.allowedError(screenDigits: lessonDigits))
            } else {
                a.diagnosis = MistakeDiagnosis.diagnose(typed: typed, right: right, tolerance: q.allowedError(screenDigits: lessonDigits))
            }
            if a.wrong.count >= q.tries { a.revealed = true }
        }
        student.typed[i] = a
    }
}
