import Foundation
import Terminal
import TextGrid

/// The real ncurses backend drawing into a pseudo-terminal of a given size: this process's
/// stdin and stdout are the pty's slave side while it is open; its master side is drained
/// (and counted) by a thread, and keys typed into it (`type`) reach `session.nextEvent` as a
/// student's keys would. `close()` puts stdin, stdout and TERM back.
final class PseudoTerminal {
    let session: TerminalSession
    let counter = ByteCounter()
    /// Types into the terminal as a student would (any thread).
    let keyboard: Keyboard
    private let master: Int32, slave: Int32
    private let savedIn: Int32, savedOut: Int32
    private let savedTerm: String?

    init(size: Size) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var winsize = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &winsize) == 0 else {
            throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        self.master = master
        self.slave = slave
        keyboard = Keyboard(fd: master)
        let counter = counter, fd = master
        Thread { counter.drain(fd) }.start()
        savedIn = dup(STDIN_FILENO)
        savedOut = dup(STDOUT_FILENO)
        savedTerm = getenv("TERM").map { String(cString: $0) }
        fflush(nil)
        dup2(slave, STDIN_FILENO)
        dup2(slave, STDOUT_FILENO)
        setenv("TERM", "xterm-256color", 1)
        do { session = try TerminalSession(theme: .standard) } catch {
            Self.restore(savedIn, savedOut, savedTerm)
            throw BenchError("the terminal backend did not start in the pseudo-terminal: \(error.message)")
        }
        session.colorDepth = .ansi256
    }

    func close() {
        session.close()
        Self.restore(savedIn, savedOut, savedTerm)
        Glibc.close(slave)
    }

    private static func restore(_ savedIn: Int32, _ savedOut: Int32, _ savedTerm: String?) {
        fflush(nil)
        dup2(savedIn, STDIN_FILENO); dup2(savedOut, STDOUT_FILENO)
        Glibc.close(savedIn); Glibc.close(savedOut)
        if let savedTerm { setenv("TERM", savedTerm, 1) } else { unsetenv("TERM") }
    }
}

/// The pseudo-terminal's keyboard: what it types reaches the session as key presses.
struct Keyboard: Sendable {
    let fd: Int32

    /// Types `text`, as key presses would.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}

/// The CPU time this thread has used, in seconds (what other processes take is not counted).
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
