import RNNCore

/// The languages lesson text may be written in.
public enum Language: String, CaseIterable, Sendable {
    case en, zh
}

/// Text in English and (optionally) Chinese; a plain string in a lesson file is English only.
public struct LocalizedText: Hashable, Sendable {
    public var en: String
    public var zh: String?

    public init(en: String, zh: String? = nil) { self.en = en; self.zh = zh }

    /// The text in `language`, falling back to English where there is no translation.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .zh: return zh ?? en
        }
    }
}

/// The two passes the explorer steps through: forward t = 1…T, then backward t = T…1.
public enum Phase: String, CaseIterable, Sendable {
    case forward, backward
}

/// A place in the story: a pass and a time step (1-based).
public struct StoryPosition: Equatable, Hashable, Sendable {
    public var phase: Phase
    public var t: Int
    public init(phase: Phase, t: Int) { self.phase = phase; self.t = t }
}

/// 1-based line and column in a lesson file.
public struct SourceLocation: Equatable, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}

/// A question the student answers before the screen reveals the result.
public struct Question: Equatable, Sendable {
    public var question: LocalizedText
    public var choices: [LocalizedText]
    /// The right choice, 1-based (the number the student presses).
    public var answer: Int
    /// Why each choice is right or wrong (`why:`, one per choice), shown once it is chosen.
    public var why: [LocalizedText]?
    public init(question: LocalizedText, choices: [LocalizedText], answer: Int, why: [LocalizedText]? = nil) {
        self.question = question; self.choices = choices; self.answer = answer; self.why = why
    }
}

/// One slide of a lesson's script.
public struct Slide: Equatable, Sendable {
    public var say: LocalizedText
    /// Where the explorer moves when this slide opens (nil: stays where it is).
    public var at: StoryPosition?
    /// The quantities (panels) revealed on this slide; nil means all.
    public var show: Set<Symbol>?
    /// The entry or panel highlighted on this slide.
    public var focus: EntryRef?
    public var ask: Question?
    /// A question answered by typing a number (an `ask` with a `value`), instead of `ask`.
    public var typed: TypedQuestion?
    /// The what-if this slide shows (`set:`): its numbers and checks come from the edited network.
    public var edits = NetworkEdits()
    /// Claims about the lesson's own numbers, verified by `unroll check` (their source text).
    public var checks: [String]
    /// Where the slide starts in the file.
    public var location: SourceLocation

    public init(say: LocalizedText, at: StoryPosition? = nil, show: Set<Symbol>? = nil, focus: EntryRef? = nil,
                ask: Question? = nil, checks: [String] = [], location: SourceLocation = .init(line: 1, column: 1)) {
        self.say = say; self.at = at; self.show = show; self.focus = focus; self.ask = ask
        self.checks = checks; self.location = location
    }
}

/// A loaded, validated lesson: a model, a sequence, and a script of slides.
public struct Lesson: Sendable {
    /// The file it came from (as given).
    public var path: String
    public var title: LocalizedText
    /// Where in the course notes it belongs.
    public var notes: String?
    /// A one-line summary for the lesson picker.
    public var summary: LocalizedText?
    public var rnn: RNN
    /// A GRU or LSTM (`model.cell: gru | lstm`); then `rnn` is only its output layer.
    public var gated: GatedRNN?
    public var episode: Episode
    /// The characters of a character-level lesson (`vocab`), in one-hot order.
    public var vocab: [Character]?
    /// `display:` settings (digits, class names); empty when the file has none.
    public var display = DisplaySettings()
    /// A character model's training set (`sequence.texts`), if the lesson has one.
    public var texts: TrainingTexts?
    /// The Chinese step labels, when `labels` or `target_labels` give any `{en, zh}` (else the episode's).
    public var labelsZh: StepLabels?
    public var script: [Slide]
    /// The optimizer's memory and step count stored with trained weights (`model.optimizer_state`).
    public var optimizerState: OptimizerState?
    /// The stored run's learning rate and clipping (`optimizer_state.lr`, `clip`), when the file says.
    public var trainingSettings = TrainingSettings()
    /// The files read besides the lesson file (a `texts` file, numpy weights), as paths: what
    /// `--watch` watches with it.
    public var companionFiles: [String] = []
    /// The edits (`--set`) applied to the file's network by `editing(_:)`; empty for the file as it is.
    public internal(set) var modifications = NetworkEdits()
    /// The trace the loader computed to validate the lesson, kept so opening it does not
    /// compute it again.
    var validatedTrace: Trace?

    public init(path: String, title: LocalizedText, notes: String? = nil, summary: LocalizedText? = nil,
                rnn: RNN, episode: Episode, vocab: [Character]? = nil, script: [Slide]) {
        self.path = path; self.title = title; self.notes = notes; self.summary = summary
        self.rnn = rnn; self.episode = episode; self.vocab = vocab; self.script = script
    }

    /// Every number of the lesson's forward and backward pass (the loader's, unless the
    /// model or the sequence was changed since).
    /// The lesson's cell: rnn, gru or lstm.
    public var cell: CellKind { gated?.shape.cell.kind ?? .rnn }

    public func makeTrace() -> Trace {
        if let gated {
            if let t = validatedTrace, t.gated?.rnn == gated, t.episode == episode { return t }
            return Trace(gated: gated, episode: episode)
        }
        if let t = validatedTrace, t.gated == nil, t.rnn == rnn, t.episode == episode { return t }
        return Trace(rnn: rnn, episode: episode)
    }
}
