/// Why the interactive terminal could not start. `message` is one line, names the cause
/// and the way out; print it to stderr and exit with status 2.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    case stdoutNotATerminal
    case stdinNotATerminal
    case termNotSet
    case unknownTerminal(String)
    case noTerminfoDatabase
    case cannotAddressCursor(String)
    case hardcopyTerminal(String)
    case newtermFailed(String)

    public var message: String {
        switch self {
        case .stdoutNotATerminal:
            return "unroll: stdout is not a terminal; use 'unroll render' to print a frame as text"
        case .stdinNotATerminal:
            return "unroll: stdin is not a terminal; run unroll from a terminal, or use 'unroll render' to print a frame as text"
        case .termNotSet:
            return "unroll: TERM is not set; set it (e.g. TERM=xterm-256color) or use 'unroll render' to print a frame as text"
        case .unknownTerminal(let term):
            return "unroll: unknown terminal type '\(term)' (no terminfo entry); try TERM=xterm-256color"
        case .noTerminfoDatabase:
            return "unroll: no terminfo database found; install ncurses-base or use 'unroll render'"
        case .cannotAddressCursor(let term):
            return "unroll: terminal '\(term)' cannot move the cursor; use a full-screen terminal or 'unroll render'"
        case .hardcopyTerminal(let term):
            return "unroll: terminal '\(term)' is a hard-copy terminal; use 'unroll render' to print a frame as text"
        case .newtermFailed(let term):
            return "unroll: could not start the screen for TERM=\(term); try TERM=xterm-256color"
        }
    }

    public var description: String { message }
}
