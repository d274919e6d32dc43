import ArgumentParser
import Lessons
import RNNCore

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print every number of a lesson's forward and backward pass as JSON."
    )

    @Argument(help: "The lesson file (YAML).")
    var lesson: String

    func run() throws {
        let lesson = try loadLessonOrExit(lesson)
        TraceJSON.write(lesson.makeTrace(), to: writeStdout)
    }
}
