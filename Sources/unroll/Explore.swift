import ArgumentParser
import Explorer
import Foundation
import Frames
import Lessons
import Terminal
import TextGrid

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a lesson in the explorer (the default). Without a lesson, pick one of the shipped lessons.",
        discussion: "Press ? in the explorer for every key. Needs a terminal of at least 80×24; without one, use `unroll render`."
    )

    @Argument(help: "The lesson file (YAML). Omit it to choose from the shipped lessons.")
    var lesson: String?

    @Option(help: "Folder of lessons for the picker (default: $UNROLL_LESSONS, else ./lessons, else the lessons of the source checkout).")
    var lessons: String?

    @OptionGroup var display: DisplayOptions

    func validate() throws { try display.validateDisplay() }

    func run() throws {
        // Load before touching the terminal, so errors print as plain lines.
        var chosen: Lesson?
        if let lesson { chosen = try loadLessonOrExit(lesson) }
        if let chosen { try refuseGatedOnScreen(chosen) }
        var entries: [PickerEntry] = []
        if chosen == nil { entries = try pickerEntries() }

        let session: TerminalSession
        do {
            session = try TerminalSession(theme: .standard)
        } catch {
            writeStderr(error.message + "\n")
            throw ExitCode(2)
        }
        session.colorDepth = display.depth(supported: session.supportedDepth)
        defer { session.close() }

        var picker = PickerState(entries: entries, language: display.language)
        while true {
            if chosen == nil {
                guard let index = runPicker(session, &picker) else { return }
                switch LessonLoader.load(path: picker.entries[index].path) {
                case .success(let l) where gatedScreenProblem(l) != nil:
                    picker.status = gatedScreenProblem(l) ?? ""
                    picker.chosen = nil
                    continue
                case .success(let l): chosen = l
                case .failure(let e):
                    picker.status = e.diagnostics.first.map(\.message) ?? "cannot open this lesson"
                    picker.chosen = nil
                    continue
                }
            }
            guard let lesson = chosen else { return }
            runExplorer(session, lesson: lesson)
            // q in a lesson opened from the picker goes back to the picker.
            if entries.isEmpty { return }
            chosen = nil
            picker.chosen = nil
        }
    }

    private func pickerEntries() throws -> [PickerEntry] {
        guard let dir = lessonDirectory(lessons) else {
            writeStderr("unroll: no lessons folder found; give a lesson file (unroll LESSON.yaml), --lessons DIR or UNROLL_LESSONS\n")
            throw ExitCode(1)
        }
        switch LessonLoader.discover(directory: dir) {
        case .failure(let e):
            writeStderr(e.rendered.hasSuffix("\n") ? e.rendered : e.rendered + "\n")
            throw ExitCode(1)
        case .success(let paths):
            guard !paths.isEmpty else {
                writeStderr("unroll: no lesson files (*.yaml) in \(dir); give --lessons DIR or a lesson file\n")
                throw ExitCode(1)
            }
            return paths.map { path in
                switch LessonLoader.load(path: path) {
                case .success(let lesson): return PickerEntry(lesson: lesson)
                case .failure(let e):
                    let name = (path as NSString).lastPathComponent
                    return PickerEntry(path: path, title: LocalizedText(en: name), summary: nil, languages: [],
                                       error: e.diagnostics.first.map { $0.rendered.split(separator: "\n").first.map(String.init) ?? $0.message })
                }
            }
        }
    }

    /// The picker's loop; the chosen entry, or nil when the student quits.
    private func runPicker(_ session: TerminalSession, _ picker: inout PickerState) -> Int? {
        while true {
            session.draw(PickerRenderer.render(picker, size: session.size))
            let key = session.nextKey(timeoutMs: -1)
            guard let k = key.explorerKey, let action = PickerState.action(for: k) else { continue }
            picker.update(action)
            if picker.quit { return nil }
            if let c = picker.chosen { return c }
        }
    }

    /// The explorer's loop, until the student quits with `q`.
    private func runExplorer(_ session: TerminalSession, lesson: Lesson) {
        var state = ExplorerState(lesson: lesson, language: display.language, digits: display.digits)
        while true {
            let (grid, applied) = FrameRenderer.layout(state.frame(), size: session.size, depth: session.colorDepth)
            state.panelScroll = applied   // j/k move from where the window really is
            session.draw(grid)
            let timeout = state.playing ? Int(1000 / state.speed) : -1
            let key = session.nextKey(timeoutMs: timeout)
            switch key {
            case .none:
                if state.playing { state.update(.tick) }
            case .resize:
                continue
            default:
                guard let k = key.explorerKey, let action = state.action(for: k) else { continue }
                state.update(action)
            }
            if state.quit { return }
        }
    }
}

extension Terminal.Key {
    /// The explorer's name for this key, or nil for keys it does not use.
    var explorerKey: Explorer.Key? {
        switch self {
        case .left: return .left
        case .right: return .right
        case .up: return .up
        case .down: return .down
        case .home: return .home
        case .end: return .end
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .enter: return .enter
        case .tab: return .tab
        case .backTab: return .backTab
        case .escape: return .escape
        case .char(" "): return .space
        case .char(let c): return .char(c)
        default: return nil
        }
    }
}
