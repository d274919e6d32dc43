/// `unroll check FILE…`: loads every lesson file and verifies every slide's `check`.
public enum LessonChecker {
    /// `ok: N lessons` and exit code 0 when every file loads and every check holds;
    /// otherwise every problem of every file (rendered diagnostics) and exit code 1.
    public static func check(paths: [String]) -> (output: String, exitCode: Int32) {
        guard !paths.isEmpty else { return ("error: no lesson files given", 1) }
        var problems: [Diagnostic] = []
        for path in paths {
            let analysis = LessonLoader.analyse(path: path)
            problems += LessonLoader.sorted(analysis.diagnostics + analysis.falseChecks)
        }
        if problems.isEmpty { return ("ok: \(paths.count) lesson\(paths.count == 1 ? "" : "s")", 0) }
        return (LessonErrors(problems).rendered, 1)
    }
}
