import Foundation
import Lessons
import RNNCore

/// Progress of `unroll train` on stderr: on a terminal a bar redrawn in place with the steps,
/// the recent loss, steps per second and the time left; otherwise a plain loss line every tenth
/// (none with `--sample-every`, whose loss lines, on stdout, say the same every N steps).
struct TrainProgress {
    /// Steps between looks at Ctrl-C and the clock (well under 0.1 s for the shipped lessons).
    static let maxSlice = 50
    /// The steps trained between two looks: at most `maxSlice`, and at most a tenth of the
    /// run, so a short run still has its ten plain lines.
    var slice: Int { min(Self.maxSlice, max(1, total / 10)) }
    let total: Int
    /// Steps the lesson had taken before (shown as the run's place in a longer run).
    let start: Int
    let isTerminal: Bool
    let began = Date()
    /// The steps whose mean loss is shown: `--sample-every`'s N, else a twentieth of the run.
    let window: Int
    /// Whether plain lines are printed when stderr is not a terminal.
    let plainLines: Bool
    private var lastDraw = Date.distantPast
    private var nextPlain: Int

    /// `sampleEvery`: `--sample-every`'s N (its loss lines replace the plain ones, and the bar
    /// shows the mean over the same N steps, so every loss printed agrees).
    init(total: Int, start: Int, sampleEvery: Int? = nil, isTerminal: Bool = isatty(2) == 1) {
        self.total = total; self.start = start
        self.isTerminal = isTerminal
        window = sampleEvery ?? max(1, total / 20)
        plainLines = sampleEvery == nil
        nextPlain = max(1, total / 10)
    }

    /// The mean loss of the last `window` steps (fewer at the start) and how many those are.
    func recentLoss<T: TrainingLoop>(_ t: T) -> (Double, Int) {
        let recent = t.lossHistory.suffix(window)
        return (recent.reduce(0, +) / Double(max(recent.count, 1)), recent.count)
    }

    /// The one loss line of `unroll train` (plain progress and `--sample-every` alike):
    /// `step 200/300, loss 15.9700 (mean of the last 100 steps)`.
    static func lossLine(step: Int, total: Int, loss: Double, over n: Int) -> String {
        String(format: "step %d/%d, loss %.4f (mean of the last %d step%@)\n", step, total, loss, n, n == 1 ? "" : "s")
    }

    /// `1:05`, or `1:02:03` past an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    /// The bar (at most ten times a second), or a plain line when a tenth of the run is done.
    mutating func report<T: TrainingLoop>(_ t: T) {
        writeStderr(line(t) ?? "")
    }

    /// What `report` writes now, if anything.
    mutating func line<T: TrainingLoop>(_ t: T) -> String? {
        let (loss, n) = recentLoss(t)
        if isTerminal {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || t.steps == total else { return nil }
            lastDraw = now
            let elapsed = now.timeIntervalSince(began), rate = Double(t.steps) / max(elapsed, 1e-9)
            let eta = rate > 0 ? Self.clock(Double(total - t.steps) / rate) : "?"
            let width = 30, done = width * t.steps / total
            let bar = String(repeating: "█", count: done) + String(repeating: "·", count: width - done)
            return String(format: "\r%@ %d/%d  loss %.4f  %.0f steps/s  ETA %@ \u{1B}[K", bar, t.steps, total, loss, rate, eta)
        } else if plainLines && (t.steps >= nextPlain || t.steps == total) {
            while nextPlain <= t.steps { nextPlain += max(1, total / 10) }
            return Self.lossLine(step: t.steps, total: total, loss: loss, over: n)
        }
        return nil
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
    /// The run's steps (for the loss line).
    let total: Int
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
        var text = TrainProgress.lossLine(step: t.steps, total: total, loss: recent.reduce(0, +) / Double(max(recent.count, 1)), over: recent.count)
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
