import Foundation
import Lessons
import RNNCore

/// Progress of `unroll train` on stderr: on a terminal a bar redrawn in place with the steps,
/// the recent loss, steps per second and the time left; otherwise a plain line every tenth.
struct TrainProgress {
    /// Steps between looks at Ctrl-C and the clock (well under 0.1 s for the shipped lessons).
    static let slice = 50
    let total: Int
    /// Steps the lesson had taken before (shown as the run's place in a longer run).
    let start: Int
    let isTerminal = isatty(2) == 1
    let began = Date()
    private var lastDraw = Date.distantPast
    private var nextPlain: Int

    init(total: Int, start: Int) {
        self.total = total; self.start = start
        nextPlain = max(1, total / 10)
    }

    /// The mean loss of the last steps (a twentieth of the run, at least 1).
    func recentLoss<T: TrainingLoop>(_ t: T) -> (Double, Int) {
        let recent = t.lossHistory.suffix(max(1, min(t.steps, total / 20)))
        return (recent.reduce(0, +) / Double(max(recent.count, 1)), recent.count)
    }

    /// `1:05`, or `1:02:03` past an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    mutating func report<T: TrainingLoop>(_ t: T) {
        let (loss, n) = recentLoss(t)
        if isTerminal {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || t.steps == total else { return }
            lastDraw = now
            let elapsed = now.timeIntervalSince(began), rate = Double(t.steps) / max(elapsed, 1e-9)
            let eta = rate > 0 ? Self.clock(Double(total - t.steps) / rate) : "?"
            let width = 30, done = width * t.steps / total
            let bar = String(repeating: "█", count: done) + String(repeating: "·", count: width - done)
            writeStderr(String(format: "\r%@ %d/%d  loss %.4f  %.0f steps/s  ETA %@ \u{1B}[K", bar, t.steps, total, loss, rate, eta))
        } else if t.steps >= nextPlain || t.steps == total {
            while nextPlain <= t.steps { nextPlain += max(1, total / 10) }
            writeStderr(String(format: "step %d/%d: loss %.4f (mean of the last %d)\n", t.steps, total, loss, n))
        }
    }

    /// Clears the bar's line (before other output on a terminal).
    func clearLine() { if isTerminal { writeStderr("\r\u{1B}[K") } }

    func finish() { if isTerminal { writeStderr("\n") } }
}

/// `--sample-every N`: the loss, then (for a character lesson) a few sequences sampled from
/// the weights as they are, as min-char-rnn prints them while it trains.
struct TrainSamples {
    let every: Int
    let lesson: Lesson
    static let count = 5, maxLength = 40

    func report(_ t: Trainer) -> String {
        report(t, sampler: lesson.sampler(rnn: t.rnn, maxLength: Self.maxLength, temperature: 1, seed: UInt64(t.steps)))
    }

    /// The same for a GRU or LSTM.
    func report(_ t: GatedTrainer) -> String {
        report(t, sampler: lesson.sampler(rnn: t.rnn.outputLayer, gated: t.rnn, maxLength: Self.maxLength, temperature: 1, seed: UInt64(t.steps)))
    }

    /// The loss over the last `every` steps and, for a character lesson, five samples.
    private func report<Loop: TrainingLoop>(_ t: Loop, sampler: Sampler?) -> String {
        let recent = t.lossHistory.suffix(every)
        var text = String(format: "step %d, loss %.4f (mean of the last %d)\n", t.steps, recent.reduce(0, +) / Double(max(recent.count, 1)), recent.count)
        guard let codec = lesson.codec, var sampler else { return text }
        text += "----\n"
        for _ in 0..<Self.count {
            let chars = sampler.generate().filter { $0.sampled && $0.token != codec.endTokenIndex }.map { codec.vocab[$0.token] }
            text += " " + Sample.shown(chars) + "\n"
        }
        return text + "----\n"
    }
}

/// Ctrl-C (SIGINT) while training: recorded, so the loop stops between steps and the command
/// decides what to write; `release()` gives SIGINT back its default action.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    private let source: DispatchSourceSignal

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.raise() }
        source.resume()
    }

    private func raise() { lock.lock(); set = true; lock.unlock() }

    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return set }

    func release() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
