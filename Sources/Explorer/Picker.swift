import Lessons

/// One lesson in the picker: its file, title and summary, or why it cannot be opened.
public struct PickerEntry: Equatable, Sendable {
    public var path: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    /// Languages the whole lesson is written in (English always; Chinese when every text has it).
    public var languages: [Language]
    /// The first line of the loader's error, for a file that does not load.
    public var error: String?

    public init(path: String, title: LocalizedText, summary: LocalizedText?, languages: [Language], error: String? = nil) {
        self.path = path; self.title = title; self.summary = summary; self.languages = languages; self.error = error
    }

    /// The entry for a loaded lesson.
    public init(lesson: Lesson) {
        let texts = [lesson.title] + lesson.script.map(\.say)
        let chinese = texts.allSatisfy { $0.zh != nil }
        self.init(path: lesson.path, title: lesson.title, summary: lesson.summary,
                  languages: chinese ? [.en, .zh] : [.en])
    }
}

/// The lesson picker shown by `unroll` with no lesson: a list, a selection, a choice.
public struct PickerState: Equatable, Sendable {
    public var entries: [PickerEntry]
    public var selected = 0
    public var language: Language
    /// Set when the student opens a lesson: the index of the entry.
    public var chosen: Int?
    public var quit = false
    public var status: String?

    public init(entries: [PickerEntry], language: Language) {
        self.entries = entries
        self.language = language
    }

    public enum PickerAction: Equatable, Sendable {
        case up, down, first, last, open, quit, number(Int)
    }

    /// The picker's keys: ↑/k, ↓/j, Home, End, Enter or →/l to open, 1…9 to jump, q/Esc to quit.
    public static func action(for key: Key) -> PickerAction? {
        switch key {
        case .up, .char("k"): return .up
        case .down, .char("j"), .tab: return .down
        case .home: return .first
        case .end: return .last
        case .enter, .right, .char("l"), .space: return .open
        case .char("q"), .escape: return .quit
        case .char(let c): return c.wholeNumberValue.flatMap { $0 >= 1 ? .number($0) : nil }
        default: return nil
        }
    }

    public mutating func update(_ action: PickerAction) {
        status = nil
        guard !entries.isEmpty else { if action == .quit { quit = true }; return }
        switch action {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(entries.count - 1, selected + 1)
        case .first: selected = 0
        case .last: selected = entries.count - 1
        case .number(let n):
            if n <= entries.count { selected = n - 1 } else { status = Self.words(language).noSuchLesson(n, entries.count) }
        case .open:
            if let error = entries[selected].error { status = error } else { chosen = selected }
        case .quit: quit = true
        }
    }

    /// Fixed strings of the picker screen.
    public struct PickerWords: Sendable {
        public let heading: String
        public let keys: String
        public let empty: String
        let noSuchLessonFormat: @Sendable (Int, Int) -> String
        public func noSuchLesson(_ n: Int, _ count: Int) -> String { noSuchLessonFormat(n, count) }
    }

    public static func words(_ language: Language) -> PickerWords {
        switch language {
        case .en:
            return PickerWords(heading: "Unroll: choose a lesson",
                               keys: "↑↓ choose   Enter open   1…9 jump   q quit",
                               empty: "No lessons found.",
                               noSuchLessonFormat: { "there is no lesson \($0): choose 1…\($1)" })
        case .zh:
            return PickerWords(heading: "Unroll：选择一节课",
                               keys: "↑↓ 选择   Enter 打开   1…9 跳转   q 退出",
                               empty: "没有找到课程。",
                               noSuchLessonFormat: { "没有第 \($0) 课：请选 1…\($1)" })
        }
    }
}
