import Foundation

/// The memory for a trace (its `Tape` of every per-step vector) could not be had: the system
/// refused it (`ulimit -v`, a small machine) or its size does not fit in a machine word.
///
/// Thrown where a trace is first made for a lesson (`Trace.make`, used by the lesson loader,
/// so `check`, `trace`, `render` and the explorer say it as one line and exit non-zero). The
/// non-throwing initialisers, used after a trace of the same size was made once, end the
/// program with the same line (`stop`) instead of a trap.
public struct TraceMemoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes asked for, or nil when the count overflows.
    public let bytes: Int?
    public let na: Int, T: Int

    public init(bytes: Int?, na: Int, T: Int) {
        self.bytes = bytes; self.na = na; self.T = T
    }

    /// One line: what was asked for and what to do.
    public var description: String {
        let size = bytes.map { "\(Swift.max(1, ($0 + 999_999) / 1_000_000)) MB" } ?? "more bytes than this machine can address"
        return "not enough memory for a trace of \(size) (n_a = \(na), T = \(T)): free memory or raise the limit (ulimit -v), or make n_a or the sequence smaller"
    }

    /// What to do before `stop` writes its line: the program sets it to leave a full screen.
    nonisolated(unsafe) public static var beforeStop: (() -> Void)?

    /// Ends the program with `description` on standard error and exit status 71 (EX_OSERR):
    /// for a trace made after one of the same size was made (an edit, a training step).
    public func stop() -> Never {
        Self.beforeStop?()
        let line = "unroll: \(description)\n"
        line.utf8CString.withUnsafeBufferPointer { b in _ = write(STDERR_FILENO, b.baseAddress, b.count - 1) }
        exit(71)
    }
}
