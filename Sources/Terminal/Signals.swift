import CNcursesw

/// Signal handling, kept in this one file because the shim's static state exists once per
/// Swift object file that uses it (see the shim's "signals" section).
///
/// - While the screen is up, every signal that would end the process (HUP, INT, QUIT, PIPE,
///   ALRM, TERM, USR1, USR2, …) restores the terminal in the handler itself and then ends the
///   process by that signal: at once, whatever work is running, on a sane terminal. QUIT
///   (Ctrl-\) is treated like TERM: no backtrace is drawn over the screen.
/// - With `stopImmediately = false`, SIGINT and SIGTERM are only recorded: `takeStopSignal()`
///   reports them to a run loop, which restores the terminal and exits itself.
/// - SIGILL, SIGTRAP, SIGSEGV, SIGBUS and SIGFPE restore the terminal, put the previous action
///   back and return, so the crash (and Swift's backtrace) still happens on a sane terminal.
enum Signals {
    static func install() {
        unroll_save_tty_modes()
        unroll_install_signal_handlers()
    }
    static func restore() { unroll_restore_signal_handlers() }
    /// Leaves the screen now, if it is up (async-signal-safe; for a program about to end itself).
    static func restoreTerminalNow() { unroll_restore_terminal_now() }

    /// The escape sequences that leave the screen, written by a handler that ends the program.
    static func setExitSequence(_ sequence: String) { unroll_set_exit_sequence(sequence) }
    /// Whether there is a screen to restore (set after setup, cleared by `close()`).
    static func setScreenUp(_ up: Bool) { unroll_set_screen_up(up ? 1 : 0) }
    static func setStopImmediately(_ on: Bool) { unroll_set_stop_immediately(on ? 1 : 0) }

    /// The SIGINT / SIGTERM recorded since the last call (only with `stopImmediately` off), or nil.
    static func takeStopSignal() -> Int32? {
        let sig = unroll_take_stop_signal()
        return sig == 0 ? nil : sig
    }

    /// True when standard input hung up (the terminal was closed) or is at its end.
    static var inputEnded: Bool { unroll_stdin_ended() != 0 }

    /// A terminfo string capability of the current terminal, "" when it has none.
    static func capability(_ name: String) -> String { String(cString: unroll_capability(name)) }
}
