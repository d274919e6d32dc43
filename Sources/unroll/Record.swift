import ArgumentParser
import Explorer
import Export
import Foundation
import Lessons
import TextGrid

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",   // named, not derived from the type at every start
        abstract: "Record the explorer walking a lesson's story as an asciicast v2 file.",
        discussion: """
        Slide by slide, and step by step between slides, as `export --steps` walks it; each step shows \
        for --pace seconds and each new slide for twice that. Play it with any asciicast player \
        (asciinema play lesson.cast) or embed it in a web page.
        """
    )

    @Argument(help: "The lesson file (YAML).") var lesson: String
    @Option(help: "The recording to write (e.g. lesson.cast).") var out: String
    @Option(help: "Seconds each step stays on screen (0.1…60); a new slide stays twice as long.") var pace = 1.5
    @OptionGroup var frame: FrameOptions
    @Flag(help: "Write over an existing --out file.") var force = false
    @OptionGroup var what: SetOptions

    func validate() throws {
        try frame.validateFrame()
        guard pace.isFinite, (0.1...60).contains(pace) else { throw ValidationError("--pace must be 0.1…60 seconds, got \(pace)") }
    }

    func run() throws {
        let original = try loadLessonOrExit(self.lesson)
        let lesson = original.editing(try what.edits(for: original, command: "record"))
        let language = frame.language
        if !force && FileManager.default.fileExists(atPath: out) {
            writeStderr("unroll record: \(out) exists; choose another --out or add --force\n")
            throw ExitCode(1)
        }
        let start = ExplorerState(lesson: lesson, language: language, digits: frame.digits)
        let plan = FramePlan(width: frame.width, height: frame.height, depth: .ansi256)
        var events: [Asciicast.Event] = []
        var time = 0.0
        var lastSlide: Int?? = .none
        for stop in start.walk(steps: true) {
            events.append(Asciicast.Event(time: time, grid: plan.grid(stop.state)))
            let newSlide = lastSlide.map { $0 != stop.slide } ?? true
            lastSlide = .some(stop.slide)
            time += newSlide ? 2 * pace : pace
        }
        let cast = Asciicast.make(width: frame.width, height: frame.height, title: lesson.title.text(language), events: events)
        do {
            try Data(cast.utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            writeStderr("unroll record: \(out): cannot write (\(error.localizedDescription)); choose another --out\n")
            throw ExitCode(1)
        }
        writeStdout("wrote \(out): \(events.count) screens, \(String(format: "%.1f", time)) s\n")
    }
}
