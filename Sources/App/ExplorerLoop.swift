import Explorer
import Frames
import Terminal
import TextGrid

/// The explorer's event loop: draw the state's view model, wait for a key (or a hook's
/// wake-up), turn it into an `Action`, `update`, until the student quits. The only place the
/// state changes, and only through `update`.
///
/// To plug in something new: a key is a `KeyTable` row (mode, key, action), handled in
/// `ExplorerState.update`; anything else that makes actions (a timer, background work, a file
/// watch) is a `LoopHook` in `hooks`. Background work runs through `inbox`: a hook's
/// `didApply` sees the action that asks for it, `inbox.start { … }` runs it off the key loop,
/// and it reports back with `inbox.post(action)`. A hook whose work changes the screen many
/// times a second (training slices) may hold frames back (`holdsFrame`); a key or a resize is
/// always answered by a frame before anything else.
public final class ExplorerLoop {
    public let inbox = ActionInbox()
    public private(set) var hooks: [LoopHook]
    public private(set) var state: ExplorerState

    public init(state: ExplorerState, hooks: [LoopHook] = []) {
        self.state = state
        self.hooks = [PlayTicker()] + hooks
        self.hooks.append(inbox)
    }

    /// Runs until `q`; returns the final state.
    @discardableResult
    public func run(on console: Console) -> ExplorerState {
        var answered = true   // the first frame, and one at once after every key or resize
        while !state.quit {
            if answered || !hooks.contains(where: { $0.holdsFrame(state) }) {
                draw(on: console)
                for hook in hooks { hook.didDraw(state) }
            }
            let wait = hooks.compactMap { $0.wakeAfter(state) }.min() ?? -1
            let event = console.nextEvent(timeoutMs: wait)
            answered = event != .none
            if let key = KeyRouting.key(for: event, screenFits: FrameRenderer.fits(console.size)),
               let action = state.action(for: key) {
                apply(action)
            }
            for hook in hooks {
                for action in hook.poll(state) { apply(action) }
            }
        }
        return state
    }

    /// Applies one action and tells the hooks.
    public func apply(_ action: Action) {
        state.update(action)
        for hook in hooks { hook.didApply(action, to: state) }
    }

    /// Draws the screen and tells the state how far its panel can scroll at this size.
    func draw(on console: Console) {
        let (grid, range) = FrameRenderer.layout(state.viewModel(), size: console.size, depth: console.colorDepth)
        console.draw(grid)
        if let range, range != state.panelScrollRange { state.update(.panelScrollRange(range)) }
    }
}
