import Foundation
import RNNCore
import Yams

/// Loads lesson files: YAML in the format of lessons/README.md, validated with every problem
/// reported at its `file:line:column`.
public enum LessonLoader {
    static let lessonKeys = ["title", "summary", "notes", "model", "architecture", "sequence", "script", "display"]

    /// Reads and validates the lesson file at `path`.
    public static func load(path: String) -> Result<Lesson, LessonErrors> {
        analyse(path: path, lint: false).result
    }

    /// Reads the lesson file at `path` as `unroll check` does: a false check is an error too
    /// (`--watch`, the author's loop, shows it in a box instead of loading that version).
    public static func loadChecked(path: String) -> Result<Lesson, LessonErrors> {
        let analysis = analyse(path: path, lint: false)
        let fatal = analysis.diagnostics + analysis.falseChecks
        if let lesson = analysis.lesson, fatal.isEmpty { return .success(lesson) }
        return .failure(LessonErrors(sorted(fatal)))
    }

    /// Validates lesson text; `path` is only used in messages and stored in the lesson.
    public static func load(text: String, path: String) -> Result<Lesson, LessonErrors> {
        analyse(text: text, path: path, lint: false).result
    }

    /// The lesson files (`*.yaml`, not hidden) in `directory`, sorted by name, as paths.
    public static func discover(directory: String) -> Result<[String], LessonErrors> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(LessonErrors([Diagnostic(path: directory, location: nil, message: "no such directory")]))
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return .failure(LessonErrors([Diagnostic(path: directory, location: nil, message: "cannot be read")]))
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return .success(names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().map { base + $0 })
    }

    /// Everything found in one file: the lesson (when valid), its problems, and its false checks.
    struct Analysis {
        var lesson: Lesson?
        var diagnostics: [Diagnostic]
        /// Checks that evaluate but are false (reported by `unroll check`, not by `load`).
        var falseChecks: [Diagnostic]
        /// Lint warnings (`LessonLint`): reported by `unroll check`, fatal only with `--strict`.
        var warnings: [Diagnostic] = []
        /// Notes (`NodeReader.note`): printed by `unroll check`, never fatal, not counted.
        var notes: [Diagnostic] = []
        /// The file's text, for placing warnings found later (`LessonChecker`'s screen rules).
        var source: SourceText?

        var result: Result<Lesson, LessonErrors> {
            if let lesson, diagnostics.isEmpty { return .success(lesson) }
            return .failure(LessonErrors(diagnostics))
        }
    }

    /// - Parameter lint: whether to look for lint warnings (`unroll check` does; opening a
    ///   lesson does not, as nothing would show them).
    static func analyse(path: String, lint: Bool = true) -> Analysis {
        switch YamlDocument.read(path: path) {
        case .failure(let d): return Analysis(diagnostics: [d], falseChecks: [])
        case .success(let text): return analyse(text: text, path: path, lint: lint)
        }
    }

    /// - Parameter traceLimit: refuse a trace whose tape takes more bytes than this (tests of
    ///   the out-of-memory line; nil: only the system's limit).
    ///   - numberRows: read the model's rows of numbers before YAML (tests compare with false).
    static func analyse(text: String, path: String, lint: Bool = true, traceLimit: Int? = nil, numberRows: Bool = true) -> Analysis {
        let source = SourceText(path: path, text: text)
        let root: Node
        // the model's rows of numbers are read without a YAML node per number (NumberRows)
        let rows = numberRows && text.utf8.count <= YamlDocument.maxBytes ? NumberRows.extract(text) : nil
        switch YamlDocument.compose(rows?.text ?? text, source: source) {
        case .failure(let e): return Analysis(diagnostics: e.diagnostics, falseChecks: [])
        case .success(let node): root = node
        }
        let reader = NodeReader(source: source)
        if let rows { reader.numberRows = rows.rows }
        var analysis = Analysis(diagnostics: [], falseChecks: [])
        if let f = reader.fields(root, of: "the lesson", known: lessonKeys) {
            analysis = read(f, reader: reader, path: path, lint: lint, traceLimit: traceLimit)
        }
        analysis.diagnostics = sorted(reader.diagnostics) + [reader.found.unshownSummary(path: path)].compactMap { $0 }
        analysis.falseChecks = sorted(analysis.falseChecks)
        analysis.warnings = sorted(analysis.warnings)
        analysis.notes = sorted(reader.notes)
        analysis.source = source
        return analysis
    }

    static func read(_ f: Fields, reader: NodeReader, path: String, lint: Bool = true, traceLimit: Int? = nil) -> Analysis {
        let title = reader.require(f, "title", "the lesson's name").flatMap { reader.localized($0, "title") }
        let summary = f["summary"].flatMap { reader.localized($0, "summary") }
        let notes = f["notes"].flatMap { reader.string($0, "notes") }.map(Sanitizer.screenLine)
        var shape: Shape?
        var gated: GatedRNN?
        let rnn = reader.require(f, "model", "sizes, activations and weights").flatMap { reader.readModel($0, shape: &shape, gated: &gated) }
        let optimizerState = f["model"].flatMap { reader.readOptimizerState(inModel: $0, shape: shape, cell: gated?.shape.cell) }
        let trainingSettings = f["model"].map { reader.readTrainingSettings(inModel: $0) } ?? TrainingSettings()
        let architecture = reader.require(f, "architecture", Architecture.allCases.map(\.rawValue).joined(separator: " | "))
            .flatMap { reader.choice($0, "architecture", Architecture.self) }
        let sequence = reader.require(f, "sequence", "x (or text and vocab), and optional y")
            .flatMap { reader.readSequence($0, shape: shape, architecture: architecture) }
        let drafts = reader.require(f, "script", "a list of slides").flatMap { reader.readScript($0) }
        guard let rnn, let (episode, vocab, texts, labelsZh) = sequence else {
            return Analysis(diagnostics: [], falseChecks: [])
        }
        // the checks that parse are proved even when something else is wrong
        let trace: Trace
        do throws(TraceMemoryError) {
            if let gated { trace = try Trace(checkedGated: gated, episode: episode, limit: traceLimit) }
            else { trace = try Trace(checked: rnn, episode: episode, limit: traceLimit) }
        } catch {
            reader.errorWithoutPlace(error.description)   // one line: "lesson.yaml: error: not enough memory …"
            return Analysis(diagnostics: [], falseChecks: [])
        }
        var slides = drafts ?? []
        reader.resolveEdits(&slides, rnn: rnn, episode: episode, cell: gated?.shape.cell.kind ?? .rnn)
        let falseChecks = ScriptValidation(reader: reader, trace: trace, texts: texts?.items).validate(slides)
        guard let title, drafts != nil, slides.allSatisfy({ $0.complete }) else {
            return Analysis(diagnostics: [], falseChecks: falseChecks)
        }
        var lesson = Lesson(path: path, title: title, notes: notes, summary: summary, rnn: rnn, episode: episode,
                            vocab: vocab, script: slides.map(\.slide))
        lesson.texts = texts
        lesson.optimizerState = optimizerState
        lesson.trainingSettings = trainingSettings
        lesson.companionFiles = reader.companions
        if let d = f["display"] {   // display: {digits, class_names} (DisplaySection.swift)
            guard let settings = reader.readDisplay(d, ny: rnn.shape.ny) else { return Analysis(diagnostics: [], falseChecks: []) }
            lesson.display = settings
        }
        lesson.gated = gated
        lesson.labelsZh = labelsZh
        lesson.validatedTrace = trace
        let warnings = lint ? LessonLint(reader: reader, trace: trace).warnings(slides) : []
        return Analysis(lesson: lesson, diagnostics: [], falseChecks: falseChecks, warnings: warnings)
    }

    static func sorted(_ d: [Diagnostic]) -> [Diagnostic] {
        d.enumerated().sorted { a, b in
            let la = a.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let lb = b.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }
}
