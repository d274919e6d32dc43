/// `unroll check FILE…`: loads every lesson file and verifies every slide's `check`.
public enum LessonChecker {
    /// `ok: N lessons` and exit code 0 when every file loads and every check holds;
    /// otherwise every problem of every file (rendered diagnostics) and exit code 1.
    /// Lint warnings are left out (see `report(paths:strict:)`).
    public static func check(paths: [String]) -> (output: String, exitCode: Int32) {
        let r = report(paths: paths, strict: false)
        return r.exitCode == 0 ? ("ok: \(paths.count) lesson\(paths.count == 1 ? "" : "s")", 0) : (r.problems, r.exitCode)
    }

    /// What `unroll check` prints: `problems` (errors and lint warnings, file by file, for
    /// standard error), `summary` (`ok: N lessons`, with the number of warnings, for standard
    /// output; empty on failure) and the exit code: 1 on an error, or on a warning when `strict`.
    /// `screenRules` adds warnings that need the screen (the question rules of
    /// `Frames.QuestionAudit`, which this module cannot import): given a lesson that loads, the
    /// slides (1-based) and what each gets wrong; each becomes a warning at its slide.
    public static func report(paths: [String], strict: Bool,
                              screenRules: ((Lesson) -> [SlideWarning])? = nil) -> (problems: String, summary: String, exitCode: Int32) {
        guard !paths.isEmpty else { return ("error: no lesson files given", "", 1) }
        var problems: [Diagnostic] = []
        var errors = 0, warnings = 0
        for path in paths {
            let analysis = LessonLoader.analyse(path: path)
            let fatal = analysis.diagnostics + analysis.falseChecks
            // warnings only for a lesson that loads: an error may explain them
            var lint = fatal.isEmpty ? analysis.warnings : []
            if fatal.isEmpty, let lesson = analysis.lesson, let source = analysis.source, let screenRules {
                lint += screenRules(lesson).compactMap { w in
                    guard lesson.script.indices.contains(w.slide - 1) else { return nil }
                    var d = source.diagnostic(w.message, at: lesson.script[w.slide - 1].location)
                    d.isWarning = true
                    return d
                }
            }
            errors += fatal.count
            warnings += lint.count
            problems += LessonLoader.sorted(fatal + lint + analysis.notes)
        }
        let rendered = LessonErrors(problems).rendered
        if errors > 0 || (strict && warnings > 0) {
            return (rendered + (errors == 0 ? "\nerror: \(warnings) warning\(warnings == 1 ? "" : "s") with --strict" : ""), "", 1)
        }
        let noun = "lesson\(paths.count == 1 ? "" : "s")"
        let summary = warnings == 0 ? "ok: \(paths.count) \(noun)" : "ok: \(paths.count) \(noun), \(warnings) warning\(warnings == 1 ? "" : "s")"
        return (rendered, summary, 0)
    }
}

extension LessonChecker {
    /// Whether the lesson `text` passes `unroll check --strict`: it loads, every check holds, and
    /// there is no lint warning nor (with `screenRules`) a warning of the screen rules.
    public static func passesStrict(text: String, path: String, screenRules: ((Lesson) -> [SlideWarning])? = nil) -> Bool {
        let analysis = LessonLoader.analyse(text: text, path: path)
        guard analysis.diagnostics.isEmpty, analysis.falseChecks.isEmpty, analysis.warnings.isEmpty,
              let lesson = analysis.lesson else { return false }
        return screenRules.map { $0(lesson).isEmpty } ?? true
    }
}

/// A warning about one slide (1-based), found by a rule outside this module.
public struct SlideWarning: Equatable, Sendable {
    public let slide: Int
    public let message: String
    public init(slide: Int, message: String) { self.slide = slide; self.message = message }
}
