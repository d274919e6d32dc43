import App
import Foundation
import Lessons
import Terminal
import TextGrid

/// A console that plays back events and keeps what was drawn: the loops without a terminal.
final class ScriptedConsole: Console {
    var size: Size
    let colorDepth: ColorDepth = .none
    private var events: [TerminalEvent]
    private(set) var frames: [Grid] = []
    /// Timeouts the loop asked for, one per wait.
    private(set) var waits: [Int] = []
    /// After the script: `q` once this says so; until then nothing happens for each timeout.
    var readyToQuit: () -> Bool = { true }

    init(size: Size, events: [TerminalEvent]) {
        self.size = size
        self.events = events
    }

    func draw(_ grid: Grid) { frames.append(grid) }

    /// The next scripted event; a resize also changes `size`. After the script: `q`, when ready.
    func nextEvent(timeoutMs: Int) -> TerminalEvent {
        waits.append(timeoutMs)
        guard !events.isEmpty else {
            if readyToQuit() { return .char("q") }
            Thread.sleep(forTimeInterval: Double(max(timeoutMs, 1)) / 1000)
            return .none
        }
        let e = events.removeFirst()
        if case .resize(let w, let h) = e { size = Size(width: w, height: h) }
        return e
    }
}

/// A shipped lesson, loaded from the checkout's lessons/ folder.
func shippedLesson(_ name: String) throws -> Lesson {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons")
    return try LessonLoader.load(path: dir.appendingPathComponent(name).path).get()
}
