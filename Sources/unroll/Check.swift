import ArgumentParser
import Frames
import Lessons

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",   // named, not derived from the type at every start
        abstract: "Validate lesson files and verify every slide's `check`; warn about what the format's docs advise against.",
        discussion: """
        Prints `ok: N lessons` and exits 0, or prints every error and exits 1. Warnings (a question \
        without focus, a quoted number the engine disagrees with, == between computed numbers, a check \
        that is just true, a slide that reveals nothing new and says no number) print like errors as \
        `FILE:LINE:COL: warning: …` on standard error and leave the exit status 0 unless --strict.
        """
    )

    @Argument(help: "Lesson files (YAML).")
    var files: [String]

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one lesson file, e.g. unroll check lessons/*.yaml") }
    }

    func run() throws {
        let result = LessonChecker.report(paths: files, strict: strict, screenRules: QuestionAudit.warnings)
        if !result.problems.isEmpty { writeStderr(result.problems.hasSuffix("\n") ? result.problems : result.problems + "\n") }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        writeStdout(result.summary + "\n")
    }
}
