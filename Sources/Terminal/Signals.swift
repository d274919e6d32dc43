import CNcursesw

/// Signal handling, kept in this one file because the shim's static state exists once per
/// Swift object file that uses it.
///
/// - SIGINT and SIGTERM only record the signal; `takeStopSignal()` reports it to the run
///   loop, which restores the terminal and exits with 128 + the signal (130 / 143).
/// - SIGILL, SIGTRAP, SIGSEGV, SIGBUS and SIGFPE call `endwin()`, put the previous action
///   back and return, so the crash (and Swift's backtrace) still happens on a sane terminal.
enum Signals {
    static func install() { unroll_install_signal_handlers() }
    static func restore() { unroll_restore_signal_handlers() }
    /// The SIGINT / SIGTERM received since the last call, or nil.
    static func takeStopSignal() -> Int32? {
        let sig = unroll_take_stop_signal()
        return sig == 0 ? nil : sig
    }
}
