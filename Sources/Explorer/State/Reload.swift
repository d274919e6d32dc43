import Lessons

/// `--watch`: a version of the open lesson read again from its file after it changed on disk.
/// Two versions are the same action when they are the same read (`number`, counted by the
/// watcher); the lesson itself is not compared.
public struct LessonVersion: Hashable, Sendable {
    public let lesson: Lesson
    /// The watcher's count of successful reads.
    public let number: Int
    /// `--digits` (nil: the lesson's `display.digits`, else 2), as the explorer was started.
    public let digits: Int?

    public init(lesson: Lesson, number: Int, digits: Int?) {
        self.lesson = lesson; self.number = number; self.digits = digits
    }

    public static func == (a: LessonVersion, b: LessonVersion) -> Bool { a.number == b.number && a.digits == b.digits }
    public func hash(into h: inout Hasher) { h.combine(number); h.combine(digits) }
}

/// Why the lesson file no longer loads (or, at the start, why its checks fail), shown in a box
/// over the last good version.
public struct LoadError: Equatable, Hashable, Sendable {
    /// The file, as the explorer was given it.
    public var path: String
    /// The diagnostics, as `unroll check` prints them, one string per line.
    public var lines: [String]
    /// Found as the explorer opened (`--watch` and a false check): the screen shows this very
    /// version, not a last good one.
    public var atStart: Bool
    public init(path: String, lines: [String], atStart: Bool = false) { self.path = path; self.lines = lines; self.atStart = atStart }
}

extension ExplorerState {
    /// Replaces the lesson with a new version of it and keeps the student's place where it
    /// still exists: the same slide (else the last one), and the same step when that slide's
    /// `at` did not change (else the slide's new `at`); the speed and colour scale stay.
    /// Inspect, generation, training, answers and edits start afresh on the new numbers.
    mutating func reload(_ version: LessonVersion) {
        var fresh = ExplorerState(lesson: version.lesson, language: language, digits: version.digits)
        fresh.speedIndex = speedIndex
        fresh.perStepScale = perStepScale
        let script = version.lesson.script
        if let old = slide, !script.isEmpty {
            let kept = min(old, script.count - 1)
            fresh.openSlide(kept)
            let sameAt = kept == old && lesson.script.indices.contains(old) && lesson.script[old].at == script[kept].at
            if sameAt, fresh.story.contains(position) { fresh.go(to: position) }
        } else if fresh.story.contains(position) {
            fresh.go(to: position)
        }
        fresh.status = words.reloaded
        self = fresh
    }

    /// The lesson file changed and does not load: keep everything, show why.
    mutating func showLoadError(_ error: LoadError) {
        loadError = error
    }
}
