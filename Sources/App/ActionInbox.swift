import Explorer
import Foundation

/// Where background work reports back to the explorer: work posts actions from any thread,
/// the loop applies them on its next turn (it wakes every `pollMs` while work is running).
/// The state stays the loop's alone: work gets what it needs from the state up front and
/// answers only through actions, so `update` stays the one place state changes.
public final class ActionInbox: LoopHook, @unchecked Sendable {
    /// How often the loop looks in while work runs.
    public static let pollMs = 50
    private let lock = NSLock()
    private var queued: [Action] = []
    private var running = 0

    public init() {}

    /// Adds `action` for the loop's next turn. Any thread.
    public func post(_ action: Action) {
        lock.lock(); queued.append(action); lock.unlock()
    }

    /// Runs `work` on a background thread; it posts what it finds out through `post`.
    public func start(_ work: @escaping @Sendable (ActionInbox) -> Void) {
        lock.lock(); running += 1; lock.unlock()
        Thread.detachNewThread { [self] in
            work(self)
            lock.lock(); running -= 1; lock.unlock()
        }
    }

    /// Whether work is running or actions are waiting.
    public var isBusy: Bool {
        lock.lock(); defer { lock.unlock() }
        return running > 0 || !queued.isEmpty
    }

    public func wakeAfter(_ state: ExplorerState) -> Int? { isBusy ? Self.pollMs : nil }

    public func poll(_ state: ExplorerState) -> [Action] {
        lock.lock(); defer { lock.unlock() }
        let taken = queued
        queued = []
        return taken
    }
}
