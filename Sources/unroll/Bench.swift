import ArgumentParser
import Foundation
import Lessons
import RNNCore

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",   // named, not derived from the type at every start
        abstract: "Benchmarks (build with -c release for meaningful figures).",
        discussion: """
        Without --render: forward + BPTT on a one-hot character sequence at n_a = --hidden, \
        n_x = n_y = --vocab and T = --length, repeated; the last line is \
        `forward+bptt µs/step: X`, the median over --runs runs, in microseconds per time step.
        With --train: whole training steps (forward + BPTT + clip ±5 + Adagrad update, lr 0.1) on \
        the same task; the last line is `train µs/step: X`, also per time step.
        """
    )

    @Option(help: "Hidden units n_a (1…1024).") var hidden = 100
    @Option(help: "Vocabulary size n_x = n_y (2…1024).") var vocab = 27
    @Option(help: "Sequence length T (1…10000).") var length = 25
    @Option(help: "Timed runs; the median is reported (1…100).") var runs = 7
    @Flag(help: "Instead: time building and drawing each step's frame of every shipped lesson, and count the bytes sent to the terminal.")
    var render = false
    @Flag(help: "With --render: at each step an edit (nudge up and back) of one weight instead, timed from the key to the drawn frame (the fastest of 3), with a line per lesson; last line `nudge ms/frame: X`.")
    var nudge = false
    @Option(help: "With --render: the lessons folder (default as for the picker).") var lessons: String?
    @Option(help: "With --render: terminal width (80…1000).") var width = 120
    @Option(help: "With --render: terminal height (24…1000).") var height = 40
    @Flag(help: "Time training steps (forward + BPTT + clip + Adagrad) instead of forward + BPTT.") var train = false
    @Flag(help: "Instead: the training lab's steps per second through the event loop beside the trainer's alone, per shipped lesson that trains.")
    var lab = false
    @Option(help: "The cell: rnn, gru or lstm (forward + BPTT, or with --train training steps, of that cell on the same task).") var cell: CellKind = .rnn

    func validate() throws {
        guard (1...Limits.maxSize).contains(hidden) else { throw ValidationError("--hidden must be 1…\(Limits.maxSize), got \(hidden)") }
        guard (2...Limits.maxSize).contains(vocab) else { throw ValidationError("--vocab must be 2…\(Limits.maxSize), got \(vocab)") }
        guard (1...Limits.maxSteps).contains(length) else { throw ValidationError("--length must be 1…\(Limits.maxSteps), got \(length)") }
        if cell != .rnn && (render || lab) {
            throw ValidationError("--cell \(cell.rawValue) times forward + BPTT or training (--train): drop --render and --lab, or use --cell rnn")
        }
        if nudge && !render { throw ValidationError("--nudge times the explorer's frames: add --render") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be 1…100, got \(runs)") }
        guard (80...1000).contains(width), (24...1000).contains(height) else {
            throw ValidationError("--width and --height must be at least 80×24 (and at most 1000), got \(width)×\(height)")
        }
    }

    func run() throws {
        if render { return try runRender() }
        if lab { return try runLab() }
        if let gated = GatedCell(rawValue: cell.rawValue) { return train ? runGatedTrain(gated) : runGated(gated) }
        if train { return runTrain() }
        let (rnn, episode) = Self.characterTask(hidden: hidden, vocab: vocab, length: length, seed: 42)
        var ws = Workspace(shape: rnn.shape, episode: episode)
        // Repeat each timed run until it lasts about 50 ms, so the clock's resolution does not matter.
        let perPass = Double(length)
        var passes = 1
        while true {
            let s = Self.seconds { for _ in 0..<passes { ws.forward(rnn.params, preparingBackward: true); ws.backward() } }
            if s > 0.05 || passes > 1 << 24 { break }
            passes *= 2
        }
        var samples: [Double] = [], cpu: [Double] = []
        var sink = 0.0
        let split0 = Self.threadCounts
        for _ in 0..<runs {
            let c0 = threadCPUSeconds()
            let s = Self.seconds {
                for _ in 0..<passes { sink += ws.forward(rnn.params, preparingBackward: true); ws.backward() }
            }
            samples.append(s / Double(passes) / perPass * 1e6)
            cpu.append((threadCPUSeconds() - c0) / Double(passes) / perPass * 1e6)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        let forwardOnly = Self.seconds { for _ in 0..<passes { sink += ws.forward(rnn.params) } } / Double(passes) / perPass * 1e6
        writeLine("setting: n_a = \(hidden), n_x = n_y = \(vocab), T = \(length), softmax cross-entropy, tanh")
        writeLine(Self.kernelsLine)
        writeLine(Self.threadsLine(since: split0))
        writeLine("runs: \(runs) × \(passes) passes; loss check \(String(format: "%.6f", sink / Double(runs * passes)))")
        writeLine(String(format: "forward alone: %.3f µs per time step (one run)", forwardOnly))
        writeLine(Self.cpuLine(cpu))
        writeLine(String(format: "min %.3f  median %.3f  max %.3f µs per time step", samples[0], median, samples[samples.count - 1]))
        writeLine(String(format: "forward+bptt µs/step: %.3f", median))
    }

    private func runRender() throws {
        guard let dir = lessonDirectory(lessons) else {
            writeStderr("unroll bench: no lessons folder found; give --lessons DIR\n")
            throw ExitCode(1)
        }
        let paths = (try? LessonLoader.discover(directory: dir).get()) ?? []
        let loaded = paths.compactMap { try? LessonLoader.load(path: $0).get() }
        guard !loaded.isEmpty else {
            writeStderr("unroll bench: no lesson in \(dir) loads; run unroll check \(dir)/*.yaml\n")
            throw ExitCode(1)
        }
        let f: RenderBench.Figures
        do { f = try RenderBench.run(lessons: loaded, size: .init(width: width, height: height), nudge: nudge) } catch let e as BenchError {
            writeStderr("unroll bench: \(e.message)\n")
            throw ExitCode(1)
        }
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] * 1e3 }
        func worst(_ v: [Double]) -> Double { (v.max() ?? 0) * 1e3 }
        writeLine("setting: \(loaded.count) lessons from \(dir), every step of the story"
                  + (nudge ? " (every number shown; at each step one entry nudged up and back, \(RenderBench.nudgeRounds) times: \(f.steps) nudges, each the fastest of \(RenderBench.nudgeRounds))" : "")
                  + ", \(width)×\(height), 256 colours")
        writeLine(String(format: "build a frame (update + view model + layout): median %.3f ms, max %.3f ms", median(f.buildSeconds), worst(f.buildSeconds)))
        writeLine(String(format: "draw a frame (ncurses, to a pseudo-terminal): median %.3f ms, max %.3f ms", median(f.drawSeconds), worst(f.drawSeconds)))
        writeLine("bytes to the terminal: first frame \(f.firstFrameBytes), then \(f.steps > 0 ? f.bytes / f.steps : 0) per step on average (\(f.steps) steps)")
        if let peak = RenderBench.peakResidentBytes() {
            writeLine(String(format: "peak resident memory of this process: %.1f MB", Double(peak) / 1e6))
        }
        let perFrame = f.buildSeconds.indices.map { f.buildSeconds[$0] + f.drawSeconds[$0] }
        if nudge {
            for line in RenderBench.nudgeLines(f.perLesson) { writeLine(line) }
            writeLine(String(format: "nudge, key to drawn frame: median %.3f ms, max %.3f ms", median(perFrame), worst(perFrame)))
            writeLine(String(format: "nudge ms/frame: %.3f", median(perFrame)))
        } else {
            writeLine(String(format: "render ms/frame: %.3f", median(perFrame)))
        }
    }

    /// Which kernels ran, and how to choose others.
    static var kernelsLine: String {
        "kernels: \(KernelPath.chosen.rawValue) (this CPU runs \(KernelPath.supported.map(\.rawValue).joined(separator: ", ")); "
            + "UNROLL_KERNELS=baseline|avx2|avx512 chooses)"
    }

    /// The counts `threadsLine` compares: parts of the split products and of the posted jobs,
    /// and how many of each the helper thread ran.
    static var threadCounts: [Int] {
        let s = Kernels.splitParts, p = Kernels.postedParts
        return [s.parts, s.helper, p.parts, p.helper]
    }

    /// How many threads ran the kernels of the runs since `before` (`threadCounts` then), and what
    /// the second one did: the work posted off the recurrence (a block's outputs or weight
    /// gradients, half of an optimizer pass) and the parts of large products split in two.
    static func threadsLine(since before: [Int]) -> String {
        let now = threadCounts, d = now.indices.map { now[$0] - before[$0] }
        let off = "UNROLL_THREADS=1 keeps one"
        guard Kernels.threads > 1 else { return "threads: 1 (UNROLL_THREADS=1 or one CPU)" }
        func share(_ helper: Int, _ parts: Int) -> String { String(format: "%.0f%%", 100 * Double(helper) / Double(max(parts, 1))) }
        var did: [String] = []
        if d[2] > 0 { did.append("\(share(d[3], d[2])) of the jobs posted off the recurrence (a block of \(Workspace.overlapBlock) steps' outputs, half of the steps' weight gradients, half of each optimizer pass)") }
        if d[0] > 0 { did.append("\(share(d[1], d[0])) of the parts of the products split in two (from n_a ≈ 256)") }
        guard d[1] + d[3] > 0 else { return "threads: 1 (the helper thread ran nothing: \(did.isEmpty ? "no work to hand it" : "it was busy or left alone on a busy machine"); \(off))" }
        return "threads: 2 (the helper thread ran " + did.joined(separator: " and ") + "; the thread CPU time below is the calling thread's; \(off))"
    }

    /// The task (see `BenchTask.character`).
    static func characterTask(hidden: Int, vocab: Int, length: Int, seed: UInt64) -> (RNN, Episode) {
        BenchTask.character(hidden: hidden, vocab: vocab, length: length, seed: seed)
    }

    /// The runs' thread CPU time beside their wall time: on a busy machine the wall clock also
    /// counts the time other processes had the core, the CPU time only this thread's.
    static func cpuLine(_ cpu: [Double]) -> String {
        let c = cpu.sorted()
        return String(format: "thread CPU time: min %.3f  median %.3f µs per time step", c[0], c[c.count / 2])
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
