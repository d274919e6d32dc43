import App
import ArgumentParser
import Explorer
import Foundation
import Frames
import Lessons
import Terminal
import TextGrid

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",   // named, not derived from the type at every start
        abstract: "Open a lesson in the explorer (the default). Without a lesson, pick one of the shipped lessons.",
        discussion: "Press ? in the explorer for every key. Needs a terminal of at least 80×24; without one, use `unroll render`."
    )

    @Argument(help: "The lesson file (YAML). Omit it to choose from the shipped lessons.")
    var lesson: String?

    @Option(help: "Folder of lessons for the picker (default: $UNROLL_LESSONS, else ./lessons, else PREFIX/share/unroll/lessons of an installed unroll, else the lessons of the source checkout).")
    var lessons: String?

    @OptionGroup var display: DisplayOptions

    @Flag(name: .customLong("no-progress"), help: "Neither read nor save progress (kept under $XDG_STATE_HOME/unroll, default ~/.local/state/unroll).")
    var noProgress = false

    @Flag(help: "Reload the lesson when its file (or its texts or numpy file) changes on disk; a version that does not load is shown in a box over the last good one.")
    var watch = false

    func validate() throws { try display.validateDisplay() }

    func run() throws {
        // Load before touching the terminal, so errors print as plain lines.
        var chosen: Lesson?
        if let lesson { chosen = try loadLessonOrExit(lesson) }
        var entries: [PickerEntry] = []
        let store = noProgress ? nil : ProgressStore.defaultDirectory().map { ProgressStore(directory: $0) }
        if chosen == nil {
            guard let dir = lessonDirectory(lessons) else {
                writeStderr("unroll: no lessons folder found; give a lesson file (unroll LESSON.yaml), --lessons DIR or UNROLL_LESSONS\n")
                throw ExitCode(1)
            }
            switch LessonShelf.entries(in: dir, progress: store) {
            case .success(let found): entries = found
            case .failure(let e): writeStderr(e.message + "\n"); throw ExitCode(1)
            }
        }

        let session: TerminalSession
        do {
            session = try TerminalSession(theme: .standard)
        } catch {
            writeStderr(error.message + "\n")
            throw ExitCode(2)
        }
        session.colorDepth = display.depth(supported: session.supportedDepth)
        defer { session.close() }
        var app = ExploreApp(language: display.language, digits: display.digits, progress: store, hooks: { [LabHook()] })
        app.watch = watch
        app.run(lesson: chosen, entries: entries, on: session)
    }
}
