import Terminal
import TextGrid

/// What the loops need of a terminal: its size and colours, drawing a grid, the next event.
/// `TerminalSession` is one; tests drive the loops with a scripted one.
public protocol Console: AnyObject {
    var size: Size { get }
    var colorDepth: ColorDepth { get }
    func draw(_ grid: Grid)
    /// Waits up to `timeoutMs` (negative: forever) for a key, a resize or a signal.
    func nextEvent(timeoutMs: Int) -> TerminalEvent
}

extension TerminalSession: Console {}
