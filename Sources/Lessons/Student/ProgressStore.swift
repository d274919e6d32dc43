import Foundation

/// What a student did in one lesson: where they were, and their answers.
public struct LessonProgress: Codable, Hashable, Sendable {
    /// The lesson file as opened (for people reading the state directory).
    public var path: String
    /// The open slide (0-based) and the place on the story.
    public var slide: Int?
    public var phase: Phase
    public var t: Int
    /// The answers, by slide (0-based).
    public var answers: [Int: AnswerRecord]
    /// How many questions the lesson asks (for the score without loading it).
    public var questions: Int
    /// Whether the student reached the last slide.
    public var finished: Bool

    public init(path: String, slide: Int?, phase: Phase, t: Int, answers: [Int: AnswerRecord] = [:],
                questions: Int, finished: Bool = false) {
        self.path = path; self.slide = slide; self.phase = phase; self.t = t; self.answers = answers
        self.questions = questions; self.finished = finished
    }

    /// Questions answered right at the first try.
    public var score: Int { answers.values.filter(\.firstTryRight).count }
}

/// One answered question: the last answer given, whether it is right, whether the first try was.
public struct AnswerRecord: Codable, Hashable, Sendable {
    /// The choice (1-based) or the typed number, as text.
    public var given: String
    public var right: Bool
    public var firstTryRight: Bool
    public var tries: Int
    public init(given: String, right: Bool, firstTryRight: Bool, tries: Int) {
        self.given = given; self.right = right; self.firstTryRight = firstTryRight; self.tries = tries
    }
}

extension Phase: Codable {}

/// Progress files under `$XDG_STATE_HOME/unroll/` (default `~/.local/state/unroll/`), one per
/// lesson, named by the hash of the lesson's content and of its path: an edited lesson starts
/// afresh (its slides may have moved). Files are written atomically (a temporary file, then
/// rename); a file that cannot be read is renamed aside and never trusted; a directory that
/// cannot be written gives a warning (in English and Chinese). Nothing here ever stops the lesson.
public struct ProgressStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/unroll`, else `$HOME/.local/state/unroll`; nil without either.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/unroll" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/unroll"
    }

    /// The file name for a lesson: FNV-1a 64 of its bytes, then of its absolute path.
    public static func key(path: String, contents: Data) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return hex(fnv1a(contents)) + "-" + hex(fnv1a(Data(absolute.utf8)))
    }

    static func fnv1a(_ bytes: Data) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The key of the lesson file at `path` as it is now, or nil when it cannot be read.
    public static func key(path: String) -> String? {
        FileManager.default.contents(atPath: path).map { key(path: path, contents: $0) }
    }

    func file(_ key: String) -> String { directory + "/" + key + ".json" }

    /// The progress saved under `key`: nil when there is none; a file that cannot be read is
    /// renamed to `….corrupt` (`….corrupt-2`, `-3` … when that exists: no copy set aside is ever
    /// lost) and reported in `warning`.
    public func load(key: String) -> (progress: LessonProgress?, warning: LocalizedText?) {
        let path = file(key)
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, nil) }
        if let p = try? JSONDecoder().decode(LessonProgress.self, from: data), p.t >= 1, p.questions >= 0 {
            return (p, nil)
        }
        let name = key + ".json"
        guard let aside = setAside(path) else {
            return (nil, LocalizedText(en: "progress file \(name) in \(directory) could not be read (nor set aside); starting afresh",
                                       zh: "无法读取 \(directory) 中的进度文件 \(name)（也无法移到一旁）；从头开始"))
        }
        let asideName = aside.split(separator: "/").last.map(String.init) ?? ""
        return (nil, LocalizedText(en: "progress file \(name) in \(directory) could not be read: set aside as \(asideName); starting afresh",
                                   zh: "无法读取 \(directory) 中的进度文件 \(name)：已改名为 \(asideName) 放在一旁；从头开始"))
    }

    /// Renames `path` to the first free `path.corrupt`, `path.corrupt-2` …; the new path, or nil.
    func setAside(_ path: String) -> String? {
        for n in 1...1000 {
            let aside = path + ".corrupt" + (n == 1 ? "" : "-\(n)")
            // link() never replaces an existing file: two openers cannot set aside onto one name
            if link(path, aside) == 0 { unlink(path); return aside }
            if errno == EEXIST { continue }
            // a file system without hard links: rename onto a name that does not exist yet
            guard !FileManager.default.fileExists(atPath: aside) else { continue }
            return rename(path, aside) == 0 ? aside : nil
        }
        return nil
    }

    /// Saves `progress` under `key`; nil, or a warning (English and Chinese) when it cannot be written.
    @discardableResult
    public func save(_ progress: LessonProgress, key: String) -> LocalizedText? {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return LocalizedText(en: "cannot save progress in \(directory): the directory cannot be made (--no-progress turns saving off)",
                                 zh: "无法在 \(directory) 中保存进度：无法创建该目录（--no-progress 可关闭保存）")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(progress) else { return LocalizedText(en: "cannot encode progress", zh: "无法编码进度") }
        let target = file(key), temporary = target + ".tmp-\(getpid())"
        guard fm.createFile(atPath: temporary, contents: data) else {
            return LocalizedText(en: "cannot save progress in \(directory): not writable (--no-progress turns saving off)",
                                 zh: "无法在 \(directory) 中保存进度：没有写权限（--no-progress 可关闭保存）")
        }
        guard rename(temporary, target) == 0 else {
            _ = try? fm.removeItem(atPath: temporary)
            let why = String(cString: strerror(errno))
            return LocalizedText(en: "cannot save progress in \(directory): \(why) (--no-progress turns saving off)",
                                 zh: "无法在 \(directory) 中保存进度：\(why)（--no-progress 可关闭保存）")
        }
        return nil
    }
}
