/// A key as the terminal reports it, after decoding escape sequences.
public enum Key: Equatable, Hashable, Sendable {
    case left, right, up, down, home, end, pageUp, pageDown
    case enter, space, tab, backTab, escape
    case char(Character)

    /// The name shown in the help box and the footer.
    public var name: String {
        switch self {
        case .left: return "←"
        case .right: return "→"
        case .up: return "↑"
        case .down: return "↓"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .space: return "Space"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .char(let c): return String(c)
        }
    }
}
