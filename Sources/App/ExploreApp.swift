import Explorer
import Foundation
import Lessons
import Terminal

/// The whole interactive program after the command line is parsed: a lesson in the explorer,
/// or the picker over `entries` (quitting a lesson opened from it goes back to it).
public struct ExploreApp {
    public var language: Language
    /// nil: the lesson's `display.digits`, else 2.
    public var digits: Int?
    /// Extra hooks for each lesson's loop (the play tick and the inbox are always there).
    public var hooks: () -> [LoopHook]
    /// Where progress is kept (nil: `--no-progress`, nothing is read or written).
    public var progress: ProgressStore?
    /// `--watch`: reload the open lesson when its file changes (`LessonWatcher`).
    public var watch = false

    public init(language: Language, digits: Int?, progress: ProgressStore? = nil, hooks: @escaping () -> [LoopHook] = { [] }) {
        self.language = language
        self.digits = digits
        self.progress = progress
        self.hooks = hooks
    }

    public func run(lesson: Lesson?, entries: [PickerEntry], on console: Console) {
        var chosen = lesson
        var picker = PickerState(entries: entries, language: language)
        while true {
            if chosen == nil {
                guard let index = PickerLoop.run(&picker, on: console) else { return }
                switch LessonLoader.load(path: picker.entries[index].path) {
                case .success(let l): chosen = l
                case .failure(let e):
                    picker.update(.cannotOpen(e.diagnostics.first.map(\.message) ?? "cannot open this lesson"))
                    continue
                }
            }
            guard let open = chosen else { return }
            var state = ExplorerState(lesson: open, language: language, digits: digits)
            var extra = hooks()
            if watch {
                let watcher = LessonWatcher(lesson: open, digits: digits)
                if let box = watcher.checkAtStart() { state.update(box) }   // a false check: shown as after a save
                extra.append(watcher)
            }
            if let store = progress, let key = ProgressStore.key(path: open.path) {
                let (saved, warning) = store.load(key: key)
                if let warning { state.update(.progressWarning(warning)) }
                if let saved { state.update(.offerResume(saved)) }
                extra.append(ProgressSaver(store: store, key: key, initial: state.progress))
            }
            ExplorerLoop(state: state, hooks: extra).run(on: console)
            if let store = progress { picker.update(.progress(ProgressSaver.marks(for: picker.entries, in: store))) }
            // q in a lesson opened from the picker goes back to the picker
            if entries.isEmpty { return }
            chosen = nil
            picker.update(.returned)
        }
    }
}

/// The picker's list: every `*.yaml` in a folder, loaded for its title and summary (a file
/// that does not load is listed with the first line of its error).
public enum LessonShelf {
    /// The entries, or the one-line error to print.
    public static func entries(in dir: String, progress: ProgressStore? = nil) -> Result<[PickerEntry], ShelfError> {
        entries(in: dir).map { found in
            guard let progress else { return found }
            let marks = ProgressSaver.marks(for: found, in: progress)
            return zip(found, marks).map { e, m in var e = e; e.progress = m; return e }
        }
    }

    /// The entries without progress marks.
    public static func entries(in dir: String) -> Result<[PickerEntry], ShelfError> {
        switch LessonLoader.discover(directory: dir) {
        case .failure(let e):
            return .failure(ShelfError(message: e.rendered.hasSuffix("\n") ? String(e.rendered.dropLast()) : e.rendered))
        case .success(let paths):
            guard !paths.isEmpty else {
                return .failure(ShelfError(message: "unroll: no lesson files (*.yaml) in \(dir); give --lessons DIR or a lesson file"))
            }
            return .success(PickerEntry.ordered(paths.map { path in
                switch LessonLoader.load(path: path) {
                case .success(let lesson): return PickerEntry(lesson: lesson)
                case .failure(let e):
                    let name = (path as NSString).lastPathComponent
                    return PickerEntry(path: path, title: LocalizedText(en: name), summary: nil, languages: [],
                                       error: e.diagnostics.first.map { $0.rendered.split(separator: "\n").first.map(String.init) ?? $0.message })
                }
            }))
        }
    }
}

public struct ShelfError: Error, Equatable {
    public var message: String
}
