import Foundation
import ArgumentParser
import Explorer
import Frames
import Lessons
import RNNCore
import TextGrid

extension Phase: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",   // named, not derived from the type at every start
        abstract: "Print the frame the explorer would show, as plain text (or ANSI colour with --color always).",
        discussion: """
        For slides, handouts, tests and terminals that cannot run the explorer. Without --slide every \
        number is shown and no slide text; with --slide N, what slide N reveals and says. The cursor \
        is placed in this order: --slide (its step and focus), then --phase/--step, then --inspect.
        Plain text contains no escape byte.
        """
    )

    @Argument(help: "The lesson file (YAML).") var lesson: String
    @Option(parsing: .unconditional, help: "The time step t (1…T) within the phase (default 1, or the slide's step).") var step: Int?
    @Option(help: "forward or backward (default forward, or the slide's phase).") var phase: Phase?
    @Option(parsing: .unconditional, help: "Open slide N (1-based) first.") var slide: Int?
    @Option(parsing: .unconditional, help: "Width in columns (80…1000).") var width = 100
    @Option(parsing: .unconditional, help: "Height in lines (24…1000).") var height = 30
    @Option(help: "Open the inspect box on an entry, e.g. \"a<2>[1]\" or \"dWaa[0,1]\".") var inspect: String?
    @Flag(name: .customLong("help-box"), help: "Open the explorer's help box (the keys).") var helpBox = false
    /// --lang, --color (never by default: plain text), --digits: the explorer's options.
    @OptionGroup var display: DisplayOptions
    @OptionGroup var what: SetOptions

    func validate() throws {
        guard (80...1000).contains(width) else { throw ValidationError("--width must be 80…1000 (the explorer needs 80×24), got \(width)") }
        guard (24...1000).contains(height) else { throw ValidationError("--height must be 24…1000 (the explorer needs 80×24), got \(height)") }
        try display.validateDisplay()
        if let step, step < 1 { throw ValidationError("--step must be 1 or more, got \(step)") }
        if let slide, slide < 1 { throw ValidationError("--slide must be 1 or more, got \(slide)") }
    }

    func run() throws {
        let original = try loadLessonOrExit(self.lesson)
        let lesson = original.editing(try what.edits(for: original, command: "render"))
        var state = ExplorerState(lesson: lesson, language: display.language, digits: display.digits)
        func fail(_ flag: String, _ message: String) throws -> Never {
            writeStderr("unroll render: \(flag): \(message)\n")   // the prefix of its parse errors too
            throw ExitCode(64)   // a flag out of range for this lesson: a usage error
        }
        if let slide {
            if let e = state.open(slide: slide) { try fail("--slide", e) }
        } else {
            state.revealAll()   // without a slide, a handout shows every number
        }
        if step != nil || phase != nil || slide == nil {
            let p = phase ?? (slide == nil ? .forward : state.position.phase)
            let t = step ?? (slide == nil ? (p == .forward ? 1 : state.T) : state.position.t)
            if let e = state.go(phase: p, t: t) { try fail(step != nil ? "--step" : "--phase", e) }
        }
        if let inspect {
            switch EntryRef.parse(inspect) {
            case .failure(let e): try fail("--inspect", e.message)
            case .success(let ref):
                if let e = state.inspect(entry: ref) { try fail("--inspect", e) }
            }
        }
        if helpBox { state.update(.toggleHelp) }
        // auto: colour when printing to a terminal and NO_COLOR is not set, as the explorer does
        // (and not on TERM=dumb or without TERM, which have no colour)
        let env = ProcessInfo.processInfo.environment
        let tty = isatty(STDOUT_FILENO) == 1 && env["NO_COLOR"] == nil && !["dumb", "", nil].contains(env["TERM"])
        let color = display.color ?? .never
        let depth: ColorDepth = color == .always || (color == .auto && tty) ? .ansi256 : .none
        let grid = FrameRenderer.render(state.viewModel(), size: Size(width: width, height: height), depth: depth)
        let lines = depth == .none ? grid.plainText() : grid.ansiText(depth: depth)
        writeStdout(lines.joined(separator: "\n") + "\n")
    }
}
