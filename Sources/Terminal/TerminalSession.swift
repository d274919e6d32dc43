#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TextGrid

/// The interactive terminal: ncurses behind a small API. Create one, `draw` grids, read
/// keys with `nextEvent`, and `close()` (or let it deinitialise) to restore the terminal.
///
/// ```swift
/// let session: TerminalSession
/// do { session = try TerminalSession() } catch {
///     fputs("\(error)\n", stderr); exit(2)   // one-line message naming the cause
/// }
/// defer { session.close() }
/// while true {
///     var grid = Grid(size: session.size); /* draw widgets */; session.draw(grid)
///     switch session.nextEvent(timeoutMs: 100) { case .char("q"): return; default: break }
/// }
/// ```
///
/// Signals: any signal that ends the process (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE,
/// SIGALRM, SIGUSR1 …) restores the terminal from its handler and ends the process by that
/// signal at once, even in the middle of long work (set `exitOnSignal = false` to receive
/// SIGINT / SIGTERM as `.interrupted(signal:)` from `nextEvent` and exit yourself). A closed
/// terminal (end of input) makes `nextEvent` restore what it can and exit with 129, as SIGHUP
/// would. A crash (SIGSEGV, a Swift trap …) restores the terminal and still crashes with its
/// backtrace. Without an alternate screen (TERM=vt100) `close()` clears the screen.
/// Not thread-safe: use from one thread.
public final class TerminalSession {
    /// The colour depth the terminal supports (`COLORS` ≥ 256 → 256, ≥ 8 → 8, else none).
    public let supportedDepth: ColorDepth
    /// The depth used to draw; lower it for `NO_COLOR` or `--color`. Never above `supportedDepth`.
    public var colorDepth: ColorDepth {
        didSet { if colorDepth > supportedDepth { colorDepth = supportedDepth } }
    }
    /// How roles become colours.
    public var theme: Theme
    /// False when no UTF-8 locale could be set (wide glyphs and box drawing may not show).
    public let isUTF8: Bool
    /// When true (the default), SIGINT / SIGTERM make `nextEvent` close the session and exit
    /// with 128 + signal. When false, `nextEvent` returns `.interrupted(signal:)` instead.
    public var exitOnSignal = true {
        didSet { Signals.setStopImmediately(exitOnSignal) }
    }
    /// False on terminals without an alternate screen (vt100, linux): `close()` clears instead.
    private var hasAlternateScreen = true
    private var clearSequence = ""
    /// The last grid drawn and the screen size it was drawn at, to skip unchanged cells.
    private var shown: Grid?
    private var shownSize = Size.zero

    private var screen: OpaquePointer?
    private var pairs: ColorPairs
    private var needsClear = false

    /// Leaves the screen and puts the terminal's modes back, if a session's screen is up: for a
    /// program about to end itself with a message (see `TraceMemoryError.beforeStop`).
    public static func restoreScreenNow() { Signals.restoreTerminalNow() }

    /// Checks that a full-screen terminal is available, without writing anything.
    /// Throws a `TerminalError` whose message names the cause.
    public static func preflight() throws(TerminalError) {
        guard isatty(STDOUT_FILENO) == 1 else { throw .stdoutNotATerminal }
        guard isatty(STDIN_FILENO) == 1 else { throw .stdinNotATerminal }
        guard let raw = getenv("TERM"), raw.pointee != 0 else { throw .termNotSet }
        let term = String(cString: raw)
        switch unroll_check_terminal(raw) {
        case 0: return
        case 2: throw .noTerminfoDatabase
        case 3: throw .cannotAddressCursor(term)
        case 4: throw .hardcopyTerminal(term)
        default: throw .unknownTerminal(term)
        }
    }

    /// Runs `preflight()`, sets a UTF-8 locale, and takes over the terminal: alternate
    /// screen, cbreak, no echo, keypad, hidden cursor, default colours, Esc without delay.
    public init(theme: Theme = .standard) throws(TerminalError) {
        try Self.preflight()
        setlocale(LC_ALL, "")
        if unroll_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
        isUTF8 = unroll_codeset_is_utf8() != 0

        Signals.install()  // before newterm, so ncurses keeps our SIGINT/SIGTERM handlers
        guard let screen = newterm(nil, unroll_stdout(), unroll_stdin()) else {
            Signals.restore()
            throw .newtermFailed(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(unroll_stdscr(), true)
        _ = curs_set(0)
        set_escdelay(25)

        var depth = ColorDepth.none
        if has_colors() {
            start_color()
            use_default_colors()
            let colors = unroll_colors()
            depth = colors >= 256 ? .ansi256 : (colors >= 8 ? .ansi8 : .none)
        }
        supportedDepth = depth
        colorDepth = depth
        self.theme = theme
        pairs = ColorPairs(limit: depth == .none ? 0 : unroll_color_pairs())

        // what a signal handler writes to leave the screen (padding such as $<50> removed)
        hasAlternateScreen = !Signals.capability("smcup").isEmpty
        clearSequence = Self.withoutPadding(Signals.capability("clear"))
        let leave = ["sgr0", "rmkx", "cnorm"].map(Signals.capability).joined()
            + (hasAlternateScreen ? Signals.capability("rmcup") : clearSequence)
        Signals.setExitSequence(Self.withoutPadding(leave))
        Signals.setStopImmediately(exitOnSignal)
        Signals.setScreenUp(true)
    }

    /// A terminfo string without its padding delays (`$<5>`, `$<50/>`), for writing raw.
    static func withoutPadding(_ s: String) -> String {
        var out = ""
        var chars = Array(s)[...]
        while let c = chars.first {
            if c == "$", chars.dropFirst().first == "<", let end = chars.firstIndex(of: ">") {
                chars = chars[(end + 1)...]
                continue
            }
            out.append(c)
            chars = chars.dropFirst()
        }
        return out
    }

    deinit { close() }

    /// Restores the terminal (leaves the alternate screen, shows the cursor, cooked mode).
    /// Safe to call more than once.
    public func close() {
        guard let screen else { return }
        Signals.setScreenUp(false)
        _ = curs_set(1)
        endwin()
        if !hasAlternateScreen && !clearSequence.isEmpty {
            // no alternate screen: the last frame would stay, with the prompt on its footer
            fflush(unroll_stdout())
            _ = clearSequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        }
        delscreen(screen)
        self.screen = nil
        Signals.restore()
    }

    /// The screen size in cells.
    public var size: Size { Size(width: Int(unroll_cols()), height: Int(unroll_lines())) }

    /// Shows `grid` (top-left aligned, clipped to the screen; uncovered cells are blank).
    /// Only the cells that differ from the last grid drawn are handed to ncurses, and
    /// ncurses sends only what changed on screen; the screen is cleared only after a resize.
    public func draw(_ grid: Grid) {
        guard screen != nil, let window = unroll_stdscr() else { return }
        let lines = Int(unroll_lines())
        let columns = Int(unroll_cols())
        if needsClear {
            wclear(window)
            needsClear = false
            shown = nil
        }
        let previous = shown.flatMap { $0.width == grid.width && $0.height == grid.height && shownSize == Size(width: columns, height: lines) ? $0 : nil }
        var cc = cchar_t()
        for y in 0..<lines {
            var x = 0
            while x < columns {
                var cell = grid[x, y]
                if let previous, previous[x, y] == cell {
                    x += max(1, cell.width)
                    continue
                }
                if x >= grid.width || y >= grid.height || cell.isContinuation { cell = .blank }
                if cell.width == 2 && x + 1 >= columns { cell = .blank(cell.style) }
                put(cell, x: x, y: y, into: &cc, window: window)
                x += max(1, cell.width)
            }
        }
        wnoutrefresh(window)
        doupdate()
        shown = grid
        shownSize = Size(width: columns, height: lines)
    }

    /// Waits up to `timeoutMs` (negative: forever, 0: just poll) for a key.
    public func nextEvent(timeoutMs: Int) -> TerminalEvent {
        guard screen != nil, let window = unroll_stdscr() else { return .none }
        wtimeout(window, Int32(clamping: timeoutMs))
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if let sig = Signals.takeStopSignal() {
            if exitOnSignal {
                close()
                exit(128 + sig)
            }
            return .interrupted(signal: sig)
        }
        if status == ERR {
            // a closed terminal (nohup, SIGHUP ignored) reads end of input at once, forever
            if Signals.inputEnded {
                close()
                exit(129)
            }
            return .none
        }
        let key = TerminalEvent.from(status: status, value: UInt32(value))
        if status == KEY_CODE_YES && Int32(bitPattern: UInt32(value)) == KEY_RESIZE {
            needsClear = true
            return .resize(columns: Int(unroll_cols()), lines: Int(unroll_lines()))
        }
        return key
    }

    private func put(_ cell: Cell, x: Int, y: Int, into cc: inout cchar_t, window: UnsafeMutablePointer<WINDOW>) {
        let resolved = theme.resolve(cell.style, depth: colorDepth)
        var attributes = unroll_a_normal()
        if resolved.attributes.contains(.bold) { attributes |= unroll_a_bold() }
        if resolved.attributes.contains(.underline) { attributes |= unroll_a_underline() }
        if resolved.attributes.contains(.reverse) { attributes |= unroll_a_reverse() }
        if resolved.attributes.contains(.dim) { attributes |= unroll_a_dim() }
        var pair: Int32 = colorDepth == .none ? 0 : pairs.pair(resolved.foreground, resolved.background)
        var text: [wchar_t] = []
        for scalar in cell.text.unicodeScalars.prefix(Int(CCHARW_MAX) - 1) {
            text.append(wchar_t(bitPattern: scalar.value))
        }
        if text.isEmpty { text.append(wchar_t(32)) }
        text.append(0)
        setcchar(&cc, text, attributes, 0, &pair)
        mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }
}
