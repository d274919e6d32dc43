import ArgumentParser
import Foundation
import Lessons

/// Writes `s` to standard output. A write error (stdout closed, a full disk, a closed pipe)
/// is one line on standard error and exit 74 (EX_IOERR): never a trap. Every subcommand
/// writes through this and `writeStderr`.
func writeStdout(_ s: String) {
    if let error = StandardStream.write(s, to: STDOUT_FILENO) { writeFailed("standard output", error) }
}

/// Writes `s` to standard error; a write error ends the program as `writeStdout` does,
/// saying so on standard output.
func writeStderr(_ s: String) {
    if let error = StandardStream.write(s, to: STDERR_FILENO) { writeFailed("standard error", error) }
}

/// Writes `s` and a newline to standard output, as `print` would, but through `writeStdout`
/// (a write error exits 74).
func writeLine(_ s: String) {
    writeStdout(s + "\n")
}

/// The exit status for a write error: EX_IOERR from sysexits.h.
let exitIOError: Int32 = 74

/// Says on whichever stream still works that `stream` could not be written, and exits 74.
func writeFailed(_ stream: String, _ error: Int32) -> Never {
    let line = "unroll: cannot write to \(stream): \(String(cString: strerror(error)))\n"
    let other = stream == "standard output" ? STDERR_FILENO : STDOUT_FILENO
    _ = StandardStream.write(line, to: other)
    exit(exitIOError)
}

/// Plain `write(2)` to a file descriptor, retried on EINTR and short writes.
enum StandardStream {
    /// Nil when every byte was written, else the errno of the failure.
    static func write(_ s: String, to fd: Int32) -> Int32? {
        var s = s
        return s.withUTF8 { buffer -> Int32? in
            guard var base = buffer.baseAddress else { return nil }
            var left = buffer.count
            while left > 0 {
                let n = Foundation.write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                left -= n
                base += n
            }
            return nil
        }
    }
}

/// Loads a lesson, or prints its errors (file:line:column, source line, caret) and exits 1.
func loadLessonOrExit(_ path: String) throws -> Lesson {
    switch LessonLoader.load(path: path) {
    case .success(let lesson): return lesson
    case .failure(let errors):
        writeStderr(errors.rendered.hasSuffix("\n") ? errors.rendered : errors.rendered + "\n")
        throw ExitCode(1)
    }
}
