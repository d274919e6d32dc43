import ArgumentParser
import Lessons

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate lesson files and verify every slide's `check`.",
        discussion: "Prints `ok: N lessons` and exits 0, or prints every error and exits 1."
    )

    @Argument(help: "Lesson files (YAML).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one lesson file, e.g. unroll check lessons/*.yaml") }
    }

    func run() throws {
        let result = LessonChecker.check(paths: files)
        if result.exitCode == 0 {
            writeStdout(result.output.hasSuffix("\n") ? result.output : result.output + "\n")
        } else {
            writeStderr(result.output.hasSuffix("\n") ? result.output : result.output + "\n")
            throw ExitCode(result.exitCode)
        }
    }
}
