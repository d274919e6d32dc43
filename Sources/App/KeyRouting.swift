import Explorer
import Terminal

extension TerminalEvent {
    /// The explorer's name for this key, or nil for events it does not bind (resize, signals,
    /// timeouts, keys no table uses).
    public var explorerKey: Explorer.Key? {
        switch self {
        case .left: return .left
        case .right: return .right
        case .up: return .up
        case .down: return .down
        case .home: return .home
        case .end: return .end
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .enter: return .enter
        case .tab: return .tab
        case .backTab: return .backTab
        case .escape: return .escape
        case .char(" "): return .space
        case .char(let c): return .char(c)
        default: return nil
        }
    }
}

/// Which keys act: every key of the mode's table while the screen fits; while the screen
/// says "terminal too small", only `q` (and resizing, which just draws again).
public enum KeyRouting {
    public static func key(for event: TerminalEvent, screenFits: Bool) -> Explorer.Key? {
        guard let key = event.explorerKey else { return nil }
        return screenFits || key == .char("q") ? key : nil
    }
}
