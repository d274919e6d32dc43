import CNcursesw

/// What the terminal reports: a key press, a resize, a signal, or nothing before the
/// timeout. Mapping keys to the app's actions is the caller's business.
public enum TerminalEvent: Hashable, Sendable {
    /// A printable character (letters, digits, space, punctuation, CJK …).
    case char(Character)
    /// A control key other than the named ones below: `.control("l")` is Ctrl-L.
    case control(Character)
    case left, right, up, down
    case home, end, pageUp, pageDown
    case insert, delete
    case enter, tab, backTab, escape, backspace
    /// F1…F12.
    case function(Int)
    /// The terminal changed size; draw a grid of this size next.
    case resize(columns: Int, lines: Int)
    /// SIGINT (2) or SIGTERM (15) arrived; only when `exitOnSignal` is false.
    case interrupted(signal: Int32)
    /// No key before the timeout.
    case none
}

extension TerminalEvent {
    /// Maps a `wget_wch` result: `code == KEY_CODE_YES` for function keys, `OK` for
    /// characters.
    static func from(status: Int32, value: UInt32) -> TerminalEvent {
        if status == KEY_CODE_YES {
            return functionKey(Int32(bitPattern: value))
        }
        switch value {
        case 27: return .escape
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 0..<32:
            return Unicode.Scalar(value + 96).map { .control(Character($0)) } ?? .none
        default:
            return Unicode.Scalar(value).map { .char(Character($0)) } ?? .none
        }
    }

    private static func functionKey(_ code: Int32) -> TerminalEvent {
        switch code {
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return .none
        }
    }
}
