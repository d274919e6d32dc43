import App
import ArgumentParser
import Explorer
import Foundation
import Frames
import Lessons
import RNNCore
import Terminal
import TextGrid

/// `unroll bench --lab`: the training lab through the real event loop (`ExplorerLoop` with
/// `LabHook`, the ncurses backend drawing into a pseudo-terminal), measured two ways.
/// Speed: on lesson 08, rounds of the trainer alone (the lab's settings and sequences, as
/// `bench --train` times it) and then the lab, in turn; steps per second of each and their
/// ratio, by the clock and by this thread's CPU time. Key latency: while the lab trains, keys
/// (`>` `<`, the sample temperature) are typed into the terminal at odd times; each is timed
/// from the moment it was typed to the end of the first frame drawn that shows it.
enum LabBench {
    /// The longest a key may wait for its frame while the lab trains (issue 11).
    static let keyLimitMs = 50.0

    struct Round {
        var trainer: Double, trainerCPU: Double   // steps per second (wall clock, CPU time)
        var lab: Double, labCPU: Double
        var framesPerSecond: Double
    }

    /// One lab run: `T`, `settings`, Space, then the loop trains for `seconds`, then `q`.
    struct Run {
        var steps = 0
        var wall = 0.0, cpu = 0.0
        var frames = 0
        var latenciesMs: [Double] = []
        /// Keys typed but never seen on screen.
        var unanswered = 0
        /// Where the run stopped (diverged): when, and the lab's steps then.
        var stoppedAt: (time: UInt64, steps: Int)?
        /// The time the lab trained: until it stopped, else the whole run.
        var trainingWall = 0.0
    }

    /// One case of the key-latency table.
    struct LatencyCase {
        var name: String
        var lesson: Lesson
        var size: Size
        /// Keys after `T`, before Space (the lab's settings).
        var settings: String = ""
        /// The keys typed while it trains, in turn: the temperature's (`>` `<`), or the
        /// learning rate's (`]` `[`, each of which starts a new trainer from the weights).
        var typing: Typing = .temperature
    }

    enum Typing {
        case temperature, learningRate
        var keys: (Character, Character) { self == .temperature ? (">", "<") : ("]", "[") }
        /// What the frame shows that each key changes.
        func shown(_ lab: TrainingLab?) -> Double? { self == .temperature ? lab?.temperature : lab?.learningRate }
    }

    /// `rounds` × (`seconds` of the trainer alone, then `seconds` of the lab) on `lesson`.
    static func speed(lesson: Lesson, size: Size, seconds: Double, rounds: Int, pty: PseudoTerminal) -> [Round] {
        guard let fresh = TrainingLab(lesson: lesson)?.trainer else { return [] }
        return (0..<rounds).map { _ in
            var trainer = fresh
            var steps = 0
            let wall0 = DispatchTime.now().uptimeNanoseconds, cpu0 = threadCPUSeconds()
            while Double(DispatchTime.now().uptimeNanoseconds - wall0) / 1e9 < seconds && trainer.divergence == nil {
                steps += trainer.train(steps: 10).count
            }
            let wall = Double(DispatchTime.now().uptimeNanoseconds - wall0) / 1e9, cpu = threadCPUSeconds() - cpu0
            let lab = run(lesson: lesson, size: size, seconds: seconds, pty: pty)
            return Round(trainer: Double(steps) / wall, trainerCPU: Double(steps) / cpu,
                         lab: Double(lab.steps) / lab.wall, labCPU: Double(lab.steps) / lab.cpu,
                         framesPerSecond: Double(lab.frames) / lab.wall)
        }
    }

    /// Runs the lab on `lesson` for `seconds`; with `keys`, types that many temperature keys
    /// (`>`, `<`, … in turn) into the terminal from half a second on, 150–250 ms apart, and
    /// times each from typed to shown. A run that stops (diverges) stays open for the rest of
    /// `seconds`, as the explorer does, and the keys typed after the stop must be answered too.
    static func run(lesson: Lesson, size: Size, seconds: Double, settings: String = "", keys: Int = 0,
                    typing kind: Typing = .temperature, pty: PseudoTerminal) -> Run {
        let loop = ExplorerLoop(state: ExplorerState(lesson: lesson), hooks: [LabHook()])
        let typed = TypedKeys()
        let script = [TerminalEvent.char("T")] + settings.map { .char($0) } + [.char(" ")]
        let console = LabBenchConsole(size: size, pty: pty, script: script, seconds: seconds)
        var shown = kind.shown(loop.state.lab)
        var out = Run()
        var next = 0
        console.onDraw = { [unowned loop] in
            if out.stoppedAt == nil, let d = loop.state.lab?.divergence {
                out.stoppedAt = (DispatchTime.now().uptimeNanoseconds, loop.state.lab?.steps ?? d.step)
            }
            // the frame just drawn answers key `next` when it shows the value that key set; until
            // that key is typed, a frame shows the value it starts from
            guard next < keys, let v = kind.shown(loop.state.lab) else { return }
            guard let at = typed.time(of: next) else { shown = v; return }
            guard v != shown else { return }
            out.latenciesMs.append(Double(DispatchTime.now().uptimeNanoseconds - at) / 1e6)
            shown = v
            next += 1
        }
        let keyboard = pty.keyboard, pair = kind.keys
        let typing = DispatchGroup()
        console.onRunStart = {
            guard keys > 0 else { return }
            typing.enter()
            Thread.detachNewThread {
                let start = DispatchTime.now().uptimeNanoseconds
                for k in 0..<keys {
                    let due = start + UInt64(500 + k * 150 + (k * 37) % 100) * 1_000_000
                    let now = DispatchTime.now().uptimeNanoseconds
                    if due > now { usleep(useconds_t((due - now) / 1000)) }
                    typed.record(k)
                    keyboard.type(String(k % 2 == 0 ? pair.0 : pair.1))
                }
                typing.leave()
            }
        }
        let end = loop.run(on: console)
        typing.wait()
        out.steps = end.lab?.steps ?? 0
        let started = console.runStarted ?? console.runEnded
        out.wall = Double(console.runEnded - started) / 1e9
        out.trainingWall = Double((out.stoppedAt?.time ?? console.runEnded) - started) / 1e9
        out.cpu = console.cpuEnded - console.cpuStarted
        out.frames = console.frames
        out.unanswered = keys - out.latenciesMs.count
        // keys typed after the run ended are still in the terminal's input: read them away
        usleep(300_000)
        while pty.session.nextEvent(timeoutMs: 0) != .none {}
        return out
    }

    /// The cases of the key-latency table: lesson 08 at 120×40 and 80×24, 08b, the largest
    /// shipped lessons, and slow settings (1 or 1000 steps per screen update, Adam, norm
    /// clipping; Adam's fresh memory is left out on the trained largest lessons, where it
    /// breaks the divergence rule and stops the run).
    static func latencyCases(_ lessons: [Lesson], size: Size) -> [LatencyCase] {
        func named(_ prefix: String) -> Lesson? {
            lessons.first { ($0.path as NSString).lastPathComponent.hasPrefix(prefix) }
        }
        var cases: [LatencyCase] = []
        if let l = named("08-") {
            cases.append(.init(name: "08 \(size.width)×\(size.height)", lesson: l, size: size))
            cases.append(.init(name: "08 80×24", lesson: l, size: Size(width: 80, height: 24)))
            // u: 100 → 1000 → 1 steps per update (paced: 10 updates a second); o: Adagrad → Adam; c: ±C → ‖g‖ ≤ C
            cases.append(.init(name: "08, 1 step per update (paced)", lesson: l, size: size, settings: "uu"))
            cases.append(.init(name: "08, 1000 steps per update, Adam, ‖g‖≤C", lesson: l, size: size, settings: "uoc"))
            // o o: SGD; ] ×8: lr 0.01 → 2.56; c c: no clipping — diverges within its first 10 steps
            cases.append(.init(name: "08, SGD lr 2.56, no clipping (diverges)", lesson: l, size: size, settings: "oo]]]]]]]]cc"))
        }
        if let l = named("08b") { cases.append(.init(name: "08b \(size.width)×\(size.height)", lesson: l, size: size)) }
        // the largest lessons that train (most weights × longest sequence)
        let trainable = lessons.filter { $0.trainableEpisodes != nil }
        let largest = trainable.map { ($0, work($0)) }.sorted { $0.1 > $1.1 }.prefix(2).map(\.0)
        for l in largest where !cases.contains(where: { $0.lesson.path == l.path }) {
            let name = ((l.path as NSString).lastPathComponent as NSString).deletingPathExtension
            cases.append(.init(name: "\(name) \(size.width)×\(size.height)", lesson: l, size: size))
            cases.append(.init(name: "\(name), 1000 steps per update, ‖g‖≤C", lesson: l, size: size, settings: "uc"))
        }
        if let l = largest.first {
            let name = ((l.path as NSString).lastPathComponent as NSString).deletingPathExtension
            cases.append(.init(name: "\(name), keys ] [ (each a new trainer)", lesson: l, size: size, typing: .learningRate))
        }
        return cases
    }

    /// A rough cost of one training step: weights × the longest sequence.
    static func work(_ l: Lesson) -> Int {
        let s = l.rnn.shape
        let weights = l.gated.map { g in g.params.W.reduce(0) { $0 + $1.values.count } } ?? (s.na * (s.na + s.nx))
        return (weights + s.ny * s.na) * ((l.trainableEpisodes ?? []).map(\.T).max() ?? 0)
    }
}

/// When each scripted key was typed (the typing thread writes, the loop reads).
private final class TypedKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Int: UInt64] = [:]

    func record(_ k: Int) {
        lock.lock(); times[k] = DispatchTime.now().uptimeNanoseconds; lock.unlock()
    }

    func time(of k: Int) -> UInt64? {
        lock.lock(); defer { lock.unlock() }
        return times[k]
    }
}

/// The bench's console: the pseudo-terminal's session at a fixed size, after a script of
/// keys handed to the loop at once; `q` once `seconds` of running have passed (a run that
/// stopped still reads keys until then).
private final class LabBenchConsole: Console {
    let size: Size
    let colorDepth = ColorDepth.ansi256
    private let pty: PseudoTerminal
    private var script: [TerminalEvent]
    private let seconds: Double
    private(set) var runStarted: UInt64?
    private(set) var runEnded: UInt64 = 0
    private(set) var cpuStarted = 0.0, cpuEnded = 0.0
    private(set) var frames = 0
    var onDraw: () -> Void = {}
    var onRunStart: () -> Void = {}

    init(size: Size, pty: PseudoTerminal, script: [TerminalEvent], seconds: Double) {
        self.size = size
        self.pty = pty
        self.script = script
        self.seconds = seconds
    }

    func draw(_ grid: Grid) {
        pty.session.draw(grid)
        if runStarted != nil { frames += 1 }
        onDraw()
    }

    func nextEvent(timeoutMs: Int) -> TerminalEvent {
        let now = DispatchTime.now().uptimeNanoseconds
        if !script.isEmpty {
            let e = script.removeFirst()
            if script.isEmpty {
                runStarted = now
                cpuStarted = threadCPUSeconds()
                onRunStart()
            }
            return e
        }
        guard let started = runStarted else { return .char("q") }
        let left = seconds - Double(now - started) / 1e9
        if left <= 0 {
            runEnded = now
            cpuEnded = threadCPUSeconds()
            return .char("q")
        }
        // a stopped run waits for a key (as the explorer does) until the time is up
        let leftMs = Int((left * 1000).rounded(.up))
        return pty.session.nextEvent(timeoutMs: timeoutMs < 0 ? leftMs : min(timeoutMs, leftMs))
    }
}

extension Bench {
    func runLab() throws {
        guard let dir = lessonDirectory(lessons) else {
            writeStderr("unroll bench: no lessons folder found; give --lessons DIR\n")
            throw ExitCode(1)
        }
        let paths = (try? LessonLoader.discover(directory: dir).get()) ?? []
        let loaded = paths.compactMap { try? LessonLoader.load(path: $0).get() }
        guard let l08 = loaded.first(where: { ($0.path as NSString).lastPathComponent.hasPrefix("08-") }),
              TrainingLab(lesson: l08)?.trainer != nil else {
            writeStderr("unroll bench: \(dir) has no lesson 08 (08-….yaml) that trains in the lab\n")
            throw ExitCode(1)
        }
        let size = Size(width: width, height: height)
        let pty = try PseudoTerminal(size: Size(width: max(width, 80), height: max(height, 24)))
        let rounds = LabBench.speed(lesson: l08, size: size, seconds: 2, rounds: runs, pty: pty)
        var latency: [(LabBench.LatencyCase, LabBench.Run)] = []
        for c in LabBench.latencyCases(loaded, size: size) {
            latency.append((c, LabBench.run(lesson: c.lesson, size: c.size, seconds: 5, settings: c.settings, keys: 24,
                                             typing: c.typing, pty: pty)))
        }
        pty.close()

        writeLine("setting: the training lab (Adagrad lr 0.1, clip ±5, 100 steps per screen update unless said) through the real event loop, ncurses drawing into a pseudo-terminal")
        writeLine(Self.kernelsLine)
        writeLine("lesson 08 at \(width)×\(height): \(runs) rounds of 2 s of the trainer alone (the lab's settings and names, as bench --train times it), then 2 s of the lab")
        writeLine("round   trainer steps/s   lab steps/s   lab ÷ trainer   by CPU time   frames/s")
        for (i, r) in rounds.enumerated() {
            writeLine(String(format: "%5d %17.0f %13.0f %14.1f%% %12.1f%% %10.1f", i + 1, r.trainer, r.lab,
                             100 * r.lab / r.trainer, 100 * r.labCPU / r.trainerCPU, r.framesPerSecond))
        }
        func median(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.sorted()[xs.count / 2] }
        let ratio = median(rounds.map { $0.lab / $0.trainer }), ratioCPU = median(rounds.map { $0.labCPU / $0.trainerCPU })
        writeLine(String(format: "median: trainer %.0f, lab %.0f steps/s; lab ÷ trainer %.1f%% (by CPU time %.1f%%)",
                         median(rounds.map(\.trainer)), median(rounds.map(\.lab)), 100 * ratio, 100 * ratioCPU))
        writeLine("key latency while training runs (a key typed into the terminal → the end of the first frame drawn that shows it):")
        writeLine("case                                          keys   median ms   max ms   lab steps/s   frames/s")
        var all: [Double] = []
        var failures: [String] = []
        for (c, r) in latency {
            all += r.latenciesMs
            let name = c.name.count < 44 ? c.name + String(repeating: " ", count: 44 - c.name.count) : c.name
            let stop = r.stoppedAt.map { "  (diverged at step \($0.steps) of the lab; keys typed after the stop count too)" } ?? ""
            writeLine(name + String(format: " %5d %11.1f %8.1f %13.0f %10.1f", r.latenciesMs.count, median(r.latenciesMs),
                                    r.latenciesMs.max() ?? .nan, Double(r.steps) / max(r.trainingWall, 1e-9), Double(r.frames) / r.wall)
                      + stop)
            if r.unanswered > 0 { failures.append("FAIL \(c.name): \(r.unanswered) of \(r.latenciesMs.count + r.unanswered) keys unanswered") }
            let slow = r.latenciesMs.filter { $0 > LabBench.keyLimitMs }
            if !slow.isEmpty {
                failures.append("FAIL \(c.name): \(slow.count) keys answered after more than "
                                + String(format: "%.0f ms (the slowest %.1f ms)", LabBench.keyLimitMs, slow.max() ?? 0))
            }
        }
        for f in failures { writeLine(f) }
        if failures.isEmpty { writeLine(String(format: "every key answered, each within %.0f ms", LabBench.keyLimitMs)) }
        writeLine(String(format: "lab ÷ trainer on 08: %.1f%%", 100 * ratio))
        writeLine(String(format: "lab key latency ms: median %.1f max %.1f", median(all), all.max() ?? .nan))
    }
}
