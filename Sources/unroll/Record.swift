import ArgumentParser
import Explorer
import Export
import Foundation
import Lessons
import TextGrid

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
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
    @Option(help: "Width in columns (80…1000).") var width = 100
    @Option(help: "Height in lines (24…1000).") var height = 30
    @Option(help: "Language: en or zh (default: from the locale, else en).") var lang: Language?
    @Option(help: "Decimals shown for each number (0…6; default: the lesson's display.digits, else 2).") var digits: Int?
    @Flag(help: "Write over an existing --out file.") var force = false
    @OptionGroup var what: SetOptions

    func validate() throws {
        guard (80...1000).contains(width) else { throw ValidationError("--width must be 80…1000 (the explorer needs 80×24), got \(width)") }
        guard (24...1000).contains(height) else { throw ValidationError("--height must be 24…1000 (the explorer needs 80×24), got \(height)") }
        guard pace.isFinite, (0.1...60).contains(pace) else { throw ValidationError("--pace must be 0.1…60 seconds, got \(pace)") }
        if let digits, !(0...6).contains(digits) { throw ValidationError("--digits must be 0…6, got \(digits)") }
    }

    func run() throws {
        let original = try loadLessonOrExit(self.lesson)
        let lesson = original.editing(try what.edits(for: original, command: "record"))
        let language = lang ?? DisplayOptions.localeLanguage()
        if !force && FileManager.default.fileExists(atPath: out) {
            writeStderr("unroll record: \(out) exists; choose another --out or add --force\n")
            throw ExitCode(1)
        }
        let start = ExplorerState(lesson: lesson, language: language, digits: digits)
        let plan = FramePlan(width: width, height: height, depth: .ansi256)
        var events: [Asciicast.Event] = []
        var time = 0.0
        var lastSlide: Int?? = .none
        for stop in start.walk(steps: true) {
            events.append(Asciicast.Event(time: time, grid: plan.grid(stop.state)))
            let newSlide = lastSlide.map { $0 != stop.slide } ?? true
            lastSlide = .some(stop.slide)
            time += newSlide ? 2 * pace : pace
        }
        let cast = Asciicast.make(width: width, height: height, title: lesson.title.text(language), events: events)
        do {
            try Data(cast.utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            writeStderr("unroll record: \(out): cannot write (\(error.localizedDescription)); choose another --out\n")
            throw ExitCode(1)
        }
        writeStdout("wrote \(out): \(events.count) screens, \(String(format: "%.1f", time)) s\n")
    }
}
