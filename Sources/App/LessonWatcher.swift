import Explorer
import Foundation
import Lessons

/// `unroll LESSON --watch`: looks at the lesson file (and the files it reads: its `texts`
/// file, its numpy weights) every `intervalMs`; when one changed and then stayed the same for
/// one more look (an editor's write is finished), reads the lesson again and reports it:
/// `.reload(version)` when it loads and its checks hold, `.loadFailed(why)` when not (the explorer keeps
/// the last good version and shows why in a box). Reading happens on the loop's turn, so the
/// state changes only through `update`.
public final class LessonWatcher: LoopHook {
    /// How often the files are looked at.
    public static let intervalMs = 250
    public let path: String
    private let digits: Int?
    private var files: [String]
    /// The files as last read.
    private var seen: [FileStamp?]
    /// A change seen on the last look, read once it holds still.
    private var pending: [FileStamp?]?
    private var reads = 0

    /// Watches `lesson` (as loaded from `lesson.path`); `digits` is `--digits`, kept on reload.
    public init(lesson: Lesson, digits: Int?) {
        path = lesson.path
        self.digits = digits
        files = Self.files(of: lesson)
        seen = files.map(FileStamp.of)
    }

    /// The lesson file and the files read with it, as paths.
    static func files(of lesson: Lesson) -> [String] {
        [lesson.path] + lesson.companionFiles.filter { $0 != lesson.path }
    }

    public func wakeAfter(_ state: ExplorerState) -> Int? { Self.intervalMs }

    public func poll(_ state: ExplorerState) -> [Action] {
        let now = files.map(FileStamp.of)
        guard now != seen else { pending = nil; return [] }
        guard now == pending else { pending = now; return [] }   // changed: wait for it to settle
        pending = nil
        seen = now
        return [read()]
    }

    /// The box to show as the explorer opens: the lesson loaded, but `--watch` promises the
    /// checks too, so a false check at startup is shown as after a save (nil when they hold).
    public func checkAtStart() -> Action? {
        guard case .failure(let errors) = LessonLoader.loadChecked(path: path) else { return nil }
        let lines = errors.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return .loadFailed(LoadError(path: path, lines: lines, atStart: true))
    }

    /// Reads the lesson file again, as `unroll check` does: the new version, or why it does
    /// not load (a false check included).
    func read() -> Action {
        switch LessonLoader.loadChecked(path: path) {
        case .success(let lesson):
            reads += 1
            let known = Set(files)
            files = Self.files(of: lesson)
            if Set(files) != known { seen = files.map(FileStamp.of) }
            return .reload(LessonVersion(lesson: lesson, number: reads, digits: digits))
        case .failure(let errors):
            let lines = errors.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return .loadFailed(LoadError(path: path, lines: lines))
        }
    }
}

/// What tells that a file changed: its inode, size and modification time (to the
/// nanosecond); nil when it cannot be looked at (missing, mid-rename).
struct FileStamp: Equatable {
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(inode: UInt64(st.st_ino), size: Int64(st.st_size),
                         seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec))
    }
}
