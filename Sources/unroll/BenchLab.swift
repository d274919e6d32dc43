import App
import ArgumentParser
import Explorer
import Foundation
import Frames
import Lessons
import RNNCore
import Terminal
import TextGrid

/// `unroll bench --lab`: the training lab's steps per second beside the trainer's alone, per
/// shipped lesson that can train. The lab runs through the real event loop (`ExplorerLoop`
/// with `LabHook`: slices of training between key reads, a frame built and laid out after
/// each) on a console that draws nowhere; `T` opens the lab, Space runs it, `q` ends the run.
enum LabBench {
    struct Row {
        var name: String
        var trainer: Double   // steps per second, Trainer.train alone
        var lab: Double       // steps per second through the loop
        var frames: Int
    }

    /// Each lesson: `seconds` of the trainer alone (the lab's settings and episodes), then
    /// `seconds` of the lab; a loss that diverges ends a run early (its steps still count).
    static func run(lessons: [Lesson], size: Size, seconds: Double) -> [Row] {
        var rows: [Row] = []
        for lesson in lessons {
            guard let lab = TrainingLab(lesson: lesson) else { continue }
            var trainer = lab.trainer
            var steps = 0
            let alone = Bench.seconds {
                let start = DispatchTime.now().uptimeNanoseconds
                while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds && trainer.divergence == nil {
                    steps += trainer.train(steps: 10).count
                }
            }
            let console = HeadlessConsole(size: size, seconds: seconds)
            let loop = ExplorerLoop(state: ExplorerState(lesson: lesson), hooks: [LabHook()])
            let end = loop.run(on: console)
            guard let started = console.runStarted else { continue }
            let labSeconds = Double(console.runEnded - started) / 1e9
            rows.append(Row(name: (lesson.path as NSString).lastPathComponent, trainer: Double(steps) / alone,
                            lab: Double(end.lab?.steps ?? 0) / labSeconds, frames: console.framesWhileRunning))
        }
        return rows
    }
}

/// A console of a fixed size that draws nowhere and types `T`, Space, then nothing for
/// `seconds`, then `q`.
private final class HeadlessConsole: Console {
    let size: Size
    let colorDepth = ColorDepth.ansi256
    private let seconds: Double
    private var script: [TerminalEvent] = [.char("T"), .char(" ")]
    private(set) var runStarted: UInt64?
    private(set) var runEnded: UInt64 = 0
    private(set) var framesWhileRunning = 0

    init(size: Size, seconds: Double) {
        self.size = size
        self.seconds = seconds
    }

    func draw(_ grid: Grid) { if runStarted != nil { framesWhileRunning += 1 } }

    func nextEvent(timeoutMs: Int) -> TerminalEvent {
        let now = DispatchTime.now().uptimeNanoseconds
        if !script.isEmpty {
            let e = script.removeFirst()
            if script.isEmpty { runStarted = now }
            return e
        }
        guard let started = runStarted else { return .char("q") }
        // a run that stopped (diverged) waits with no timeout: end it there too
        if timeoutMs < 0 || Double(now - started) / 1e9 >= seconds {
            runEnded = now
            return .char("q")
        }
        return .none
    }
}

extension Bench {
    func runLab() throws {
        guard let dir = lessonDirectory(lessons) else {
            writeStderr("unroll bench: no lessons folder found; give --lessons DIR\n")
            throw ExitCode(1)
        }
        let paths = (try? LessonLoader.discover(directory: dir).get()) ?? []
        let loaded = paths.compactMap { try? LessonLoader.load(path: $0).get() }.filter { $0.cell == .rnn }
        let rows = LabBench.run(lessons: loaded, size: .init(width: width, height: height), seconds: 1)
        guard !rows.isEmpty else {
            writeStderr("unroll bench: no lesson in \(dir) can train in the lab\n")
            throw ExitCode(1)
        }
        writeLine("setting: the training lab (Adagrad lr 0.1, clip ±5, 100 steps per screen update) on each lesson that trains, \(width)×\(height); 1 s of the trainer alone, then 1 s of the lab through the event loop (frames built and laid out, not drawn)")
        writeLine(Self.kernelsLine)
        writeLine("lesson                        trainer steps/s     lab steps/s   lab ÷ trainer   frames/s")
        var ratios: [Double] = []
        for r in rows {
            ratios.append(r.lab / r.trainer)
            let name = r.name.count < 28 ? r.name + String(repeating: " ", count: 28 - r.name.count) : r.name
            writeLine(name + String(format: " %16.0f %15.0f %14.1f%% %10.0f", r.trainer, r.lab, 100 * r.lab / r.trainer, Double(r.frames)))
        }
        writeLine(String(format: "lab ÷ trainer (median over lessons): %.1f%%", 100 * ratios.sorted()[ratios.count / 2]))
    }
}
