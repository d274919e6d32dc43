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

    @OptionGroup var what: SetOptions

    @OptionGroup var arrays: TraceArrayOptions

    func validate() throws { try arrays.validateArrays() }

    func run() throws {
        let original = try loadLessonOrExit(lesson)
        let lesson = original.editing(try what.edits(for: original, command: "trace"))
        if arrays.wanted { try arrays.write(lesson); return }   // TraceArrayOutput.swift
        TraceJSON.write(lesson.makeTrace(), to: writeStdout)
    }
}
