import Explorer
import Foundation
import Frames
import Lessons
import Terminal
import TextGrid

/// `unroll bench --render`: walks every step of every shipped lesson through the real
/// explorer code (update, frame, layout) and the real ncurses backend, drawing into a
/// pseudo-terminal whose other end counts the bytes ncurses sends.
enum RenderBench {
    struct Figures {
        var steps = 0
        var buildSeconds: [Double] = []
        var drawSeconds: [Double] = []
        var firstFrameBytes = 0
        var bytes = 0
        /// With `nudge`: each lesson's nudges.
        var perLesson: [LessonNudges] = []
    }

    /// Runs the walk for `lessons` at `size`; the caller's stdin/stdout are put back afterwards.
    /// With `nudge`, each step of each lesson is a nudge instead (`nudgeWalk`).
    static func run(lessons: [Lesson], size: Size, nudge: Bool = false) throws -> Figures {
        var master: Int32 = -1, slave: Int32 = -1
        var winsize = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &winsize) == 0 else {
            throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let counter = ByteCounter()
        let fd = master
        let reader = Thread { counter.drain(fd) }
        reader.start()
        let savedIn = dup(STDIN_FILENO), savedOut = dup(STDOUT_FILENO)
        let savedTerm = getenv("TERM").map { String(cString: $0) }
        fflush(nil)
        dup2(slave, STDIN_FILENO)
        dup2(slave, STDOUT_FILENO)
        setenv("TERM", "xterm-256color", 1)
        defer {
            fflush(nil)
            dup2(savedIn, STDIN_FILENO); dup2(savedOut, STDOUT_FILENO)
            close(savedIn); close(savedOut); close(slave)
            if let savedTerm { setenv("TERM", savedTerm, 1) } else { unsetenv("TERM") }
        }
        let session: TerminalSession
        do { session = try TerminalSession(theme: .standard) } catch {
            throw BenchError("the terminal backend did not start in the pseudo-terminal: \(error.message)")
        }
        session.colorDepth = .ansi256
        var f = Figures()
        for lesson in lessons {
            if nudge { nudgeWalk(lesson, size: size, session: session, counter: counter, into: &f); continue }
            var state = ExplorerState(lesson: lesson)
            session.draw(FrameRenderer.render(state.viewModel(), size: size, depth: .ansi256))
            if f.firstFrameBytes == 0 { f.firstFrameBytes = counter.settled() }
            let start = counter.settled()
            for _ in 1..<state.story.count {
                var grid = Grid(width: 0, height: 0)
                f.buildSeconds.append(Bench.seconds {
                    state.update(.nextStep)
                    grid = FrameRenderer.render(state.viewModel(), size: size, depth: .ansi256)
                })
                f.drawSeconds.append(Bench.seconds { session.draw(grid) })
                f.steps += 1
            }
            f.bytes += counter.settled() - start
        }
        session.close()
        return f
    }

    /// The peak resident memory of this process so far (VmHWM), in bytes, where Linux says.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb * 1024
    }
}

struct BenchError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Counts the bytes arriving at the pseudo-terminal's master side, on its own thread.
final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func drain(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            lock.lock(); total += n; lock.unlock()
        }
    }

    var count: Int { lock.lock(); defer { lock.unlock() }; return total }

    /// The count once no byte has arrived for 20 ms (what was written has been read).
    func settled() -> Int {
        var last = count
        while true {
            usleep(20_000)
            let now = count
            if now == last { return now }
            last = now
        }
    }
}
