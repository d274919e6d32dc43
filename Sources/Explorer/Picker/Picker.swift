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

    /// The lesson's number as its file name gives it (`08b` for `08b-language-model.yaml`),
    /// so the picker and the lessons' own text ("lesson 08") agree.
    public var number: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let digits = name.prefix { $0.isNumber }
        guard !digits.isEmpty else { return "" }
        let rest = name.dropFirst(digits.count)
        if let c = rest.first, c.isLetter, c.isLowercase, rest.dropFirst().first == "-" { return digits + String(c) }
        return String(digits)
    }

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
    public internal(set) var entries: [PickerEntry]
    public internal(set) var selected = 0
    public internal(set) var language: Language
    /// Set when the student opens a lesson: the index of the entry.
    public internal(set) var chosen: Int?
    public internal(set) var quit = false
    public internal(set) var status: String?

    public init(entries: [PickerEntry], language: Language) {
        self.entries = entries
        self.language = language
    }

    public enum PickerAction: Equatable, Sendable {
        case up, down, first, last, pageUp, pageDown, open, quit
        /// Not keys: back from the chosen lesson, or the chosen file did not load (why).
        case returned, cannotOpen(String)
    }

    /// The picker's keys: ↑/k, ↓/j, PgUp, PgDn, Home, End, Enter or →/l to open, q/Esc to quit.
    public static func action(for key: Key) -> PickerAction? {
        switch key {
        case .up, .char("k"): return .up
        case .down, .char("j"), .tab: return .down
        case .home: return .first
        case .end: return .last
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .enter, .right, .char("l"), .space: return .open
        case .char("q"), .escape: return .quit
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
        case .pageUp: selected = max(0, selected - 5)
        case .pageDown: selected = min(entries.count - 1, selected + 5)
        case .open:
            if let error = entries[selected].error { status = error } else { chosen = selected }
        case .quit: quit = true
        case .returned: chosen = nil
        case .cannotOpen(let why): chosen = nil; status = why
        }
    }

    /// Fixed strings of the picker screen.
    public struct PickerWords: Sendable {
        public let heading: String
        public let keys: String
        public let empty: String
    }

    public static func words(_ language: Language) -> PickerWords {
        switch language {
        case .en:
            return PickerWords(heading: "Unroll: choose a lesson", keys: "↑↓ choose   Enter open   q quit",
                               empty: "No lessons found.")
        case .zh:
            return PickerWords(heading: "Unroll：选择一节课", keys: "↑↓ 选择   Enter 打开   q 退出",
                               empty: "没有找到课程。")
        }
    }
}
