import Explorer

/// Something besides the keys that turns into actions in the explorer's loop: the play
/// tick, results of background work (`ActionInbox`), later a file watch. The loop asks every
/// hook how long it may wait for a key, then, on every turn (a key, a resize or a timeout),
/// applies the actions the hooks return, in the order of the hooks.
public protocol LoopHook: AnyObject {
    /// The longest the loop may wait for a key before polling again (ms), nil for "no need".
    func wakeAfter(_ state: ExplorerState) -> Int?
    /// The actions due now.
    func poll(_ state: ExplorerState) -> [Action]
    /// Called after each action is applied: where a hook starts work an action asked for
    /// (training off the key loop, say), reporting back later through `poll`.
    func didApply(_ action: Action, to state: ExplorerState)
    /// Whether the next frame may wait: the hook's own actions changed the screen in ways a
    /// later frame shows soon enough (training slices between paced frames). Never holds the
    /// frame that answers a key or a resize.
    func holdsFrame(_ state: ExplorerState) -> Bool
    /// Called after each frame is drawn.
    func didDraw(_ state: ExplorerState)
}

extension LoopHook {
    public func didApply(_ action: Action, to state: ExplorerState) {}
    public func holdsFrame(_ state: ExplorerState) -> Bool { false }
    public func didDraw(_ state: ExplorerState) {}
}

/// The play tick: while playing, `.tick` every 1 / speed seconds (keys pressed in between do
/// not delay it).
public final class PlayTicker: LoopHook {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant?

    public init() {}

    private func interval(_ state: ExplorerState) -> Duration { .milliseconds(Int(1000 / state.speed)) }

    public func wakeAfter(_ state: ExplorerState) -> Int? {
        guard state.playing else { last = nil; return nil }
        let since = last.map { clock.now - $0 } ?? .zero
        let left = interval(state) - since
        return max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
    }

    public func poll(_ state: ExplorerState) -> [Action] {
        guard state.playing else { last = nil; return [] }
        let now = clock.now
        guard let last else { self.last = now; return [] }   // play just started: the first tick after one interval
        guard now - last >= interval(state) else { return [] }
        self.last = now
        return [.tick]
    }
}
