import Lessons
import RNNCore

/// Everything the Frames room needs to draw one screen, in the chosen language. No layout:
/// where things go on the grid is for Frames to decide.
public struct ViewModel: Equatable, Sendable {
    public var header: Header
    public var timeline: Timeline
    /// The forward working of the current step (shown in both phases).
    public var forward: Panel
    /// The backward working of the current step; nil in the forward phase.
    public var backward: Panel?
    /// The phase whose panel inspect and Tab work in.
    public var activePhase: Phase
    public var legend: Legend
    /// The open slide; nil when the lesson has no slides.
    public var lesson: LessonPane?
    /// The keys that matter now.
    public var footer: [KeyHint]
    /// Open when `?` was pressed: every key of the key table.
    public var help: HelpBox?
    /// Open in inspect mode: where the inspected number came from.
    public var inspect: InspectBox?
    public var status: String?
    /// Decimals for numbers on screen (the state's `NumberStyle.digits`).
    public var digits: Int = 2
    /// Lines scrolled by the student from the panel's automatic position (clamped on screen).
    public var panelScroll: Int = 0
    /// Once the student has trained (`t`): the steps and the loss curve.
    public var training: TrainingStrip?
    /// In generation mode: the generated step, drawn in place of the equation panel (the
    /// timeline then shows the generated steps).
    public var generation: GenerationPanel?
    /// The training lab (`T`), drawn in place of the equation panel.
    public var lab: LabPanel?
    /// `--watch`: why the changed lesson file does not load, in a box over the screen.
    public var loadError: InspectBox? = nil
}

public struct Header: Equatable, Sendable {
    /// The lesson title in the chosen language.
    public var title: String
    /// `forward t = 2 / 4`, `反向传播 t = 3 / 4`
    public var step: String
    /// `slide 3 / 9`; nil without slides.
    public var slide: String?
    /// `playing, 2 steps per second` or `paused, 1 step per second`
    public var play: String
    public var playing: Bool
    /// `what if: g1 = relu` (a what-if slide, --set) and `✎ modified` (the student's edits); nil otherwise.
    public var modified: String? = nil
    /// `what if ✎` (or `✎ modified`): the marker when `modified` does not fit; nil when that is nil.
    public var modifiedShort: String? = nil
    /// `? help`
    public var helpHint: String
}

/// How colours map to numbers: each term has its own `scale` (values −scale…+scale);
/// `perStep` says whether that range is this step's or every step's.
public struct Legend: Equatable, Sendable {
    public var perStep: Bool
    public var text: String
}

public struct LessonPane: Equatable, Sendable {
    public var index: Int
    public var count: Int
    public var text: String
    public var question: String?
    public var choices: [Choice]
    /// `Right!` or `Not quite: the answer is 2.` once answered.
    public var feedback: String?
    /// The answer box when the slide asks for a number.
    public var typed: TypedBox? = nil
    /// On the last slide: the score and the questions missed.
    public var summary: [String] = []
}

public struct Choice: Equatable, Sendable {
    public enum Mark: Equatable, Sendable { case none, chosenRight, chosenWrong, right }
    /// The key to press, 1-based.
    public var number: Int
    public var text: String
    public var mark: Mark
}

public struct HelpBox: Equatable, Sendable {
    public var title: String
    public var rows: [KeyHint]
}

public struct InspectBox: Equatable, Sendable {
    /// The entry, e.g. `a<2>[1]`.
    public var title: String
    public var lines: [String]
}

extension ExplorerState {
    /// The view: everything on screen now. Cheap: reads the trace, computes nothing heavy.
    public func viewModel() -> ViewModel {
        let w = words
        let gen = generationPanel
        let header = Header(
            title: lesson.title.text(language),
            step: generation?.current.map { w.generateStep($0.t) } ?? w.stepText(position, T: T),
            slide: slide.map { w.slideText($0 + 1, of: lesson.script.count) },
            play: w.playText(playing, speed), playing: playing, modified: modifiedText,
            modifiedShort: modifiedShortText, helpHint: w.helpHint)
        return ViewModel(
            header: header, timeline: generationTimeline ?? timeline, forward: forwardPanel(position.t),
            backward: position.phase == .backward ? backwardPanel(position.t) : nil,
            activePhase: position.phase,
            legend: Legend(perStep: perStepScale, text: perStepScale ? w.scalePerStepLegend : w.scaleFixedLegend),
            lesson: lessonPane, footer: footer,
            help: helpOpen ? HelpBox(title: lab != nil ? w.labHelpTitle : w.helpTitle, rows: KeyTable.help(language, lab: lab != nil)) : nil,
            inspect: inspectedEntry.map { InspectBox(title: displayName($0) + (isEdited($0) ? " ✎" : ""), lines: nudgeLines + (isWithheld($0.symbol, at: $0.t) || isMasked($0) ? [w.hidden] : explain($0))) },
            status: student.resumeOffer.map { w.resumeOffer(($0.slide ?? 0) + 1) } ?? status, digits: numbers.digits, panelScroll: panelScroll, training: trainingStrip, generation: gen, lab: labPanel,
            loadError: loadError.map { e in
                let file = e.path.split(separator: "/").last.map(String.init) ?? e.path
                return e.atStart ? InspectBox(title: w.checkFailedTitle(file), lines: e.lines + ["", w.checkFailedHint])
                    : InspectBox(title: w.loadErrorTitle(file), lines: e.lines + ["", w.loadErrorHint])
            })
    }

    var lessonPane: LessonPane? {
        guard let i = slide, let s = currentSlide else { return nil }
        let chosen = answers[i]
        var choices: [Choice] = []
        if let q = s.ask {
            choices = q.choices.enumerated().map { k, c in
                let number = k + 1
                let mark: Choice.Mark
                if chosen == nil { mark = .none }
                else if number == chosen { mark = number == q.answer ? .chosenRight : .chosenWrong }
                else { mark = number == q.answer ? .right : .none }
                return Choice(number: number, text: c.text(language), mark: mark)
            }
        }
        let feedback = s.ask.flatMap { q in chosen.map { verdict(q, chosen: $0) } }
        // after training on the spot, the slide's numbers are the lesson's, not the screen's
        let trained = trainedSteps > 0
        var text = s.say.text(language) + (trained ? "\n" + words.slideBeforeTraining(trainedSteps) : "")
        if s.ask != nil, !student.edits.isEmpty { text += "\n" + words.choiceOnLesson }   // graded on the lesson's numbers
        return LessonPane(index: i + 1, count: lesson.script.count, text: text,
                          question: (s.ask?.question ?? s.typed?.question)?.text(language), choices: choices, feedback: feedback,
                          typed: typedBox, summary: summaryLines ?? [])
    }

    /// The entry as the student reads it: `dWaa<3>[0,1]` rather than `dWa<3>[0,1]`, `L<2>`.
    func displayName(_ r: EntryRef) -> String {
        let na = trace.shape.na
        switch r.symbol {
        case .loss: return "L<\(r.t ?? 1)>"
        case .totalLoss: return lossSoFarLabel(r.t ?? T)
        case .Wa, .dWa, .dWaStep:
            guard let col = r.col else { return r.description }
            let sub: Symbol = r.symbol == .Wa ? (col < na ? .Waa : .Wax) : r.symbol == .dWa ? (col < na ? .dWaa : .dWax)
                : (col < na ? .dWaaStep : .dWaxStep)
            return EntryRef(symbol: sub, t: r.t, row: r.row, col: col < na ? col : col - na).description
        case .stacked where trace.cell == .gru:   // the GRU's gates read [c<t-1>; x<t>], as the panel says
            let t = r.t ?? 1
            return "[c<\(t - 1)>; x<\(t)>]" + (r.row.map { "[\($0)]" } ?? "")
        case .dba, .dby, .ba, .by, .a0, .x, .aPrev, .stacked, .z, .a, .zy, .yHat, .y, .dy, .daFromOutput, .daNext,
             .da, .dz, .daPrev, .dbaStep, .dbyStep, .da0:
            var v = r; v.col = nil; return v.description
        default:
            // a gated cell's vectors (Γu<2>[1], dc<3>[0], bu[1]) are indexed by one number
            guard r.symbol.isGated, !r.symbol.rawValue.hasPrefix("W"), !r.symbol.rawValue.hasPrefix("dW") else { return r.description }
            var v = r; v.col = nil; return v.description
        }
    }
}
