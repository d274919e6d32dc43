import App
import Explorer
import Foundation
import Terminal
import Testing
import TextGrid

/// The lab in the real event loop: a key pressed while training runs is answered by a frame
/// before the next slice of training, and between keys frames are paced, not one per slice.
@Suite struct LabLoopTests {
    /// Plays `T`, Space, then `idle` turns without a key, `>`, `idle` more, then `q`; keeps, for
    /// each frame, the lab's step count and temperature, and for the `>` the step count then.
    final class WatchingConsole: Console {
        let size = Size(width: 120, height: 40)
        let colorDepth: ColorDepth = .none
        weak var loop: ExplorerLoop?
        private var events: [TerminalEvent]
        private(set) var frames: [(steps: Int, temperature: Double)] = []
        private(set) var keyAt: (steps: Int, frame: Int)?
        private(set) var turns = 0

        init(idle: Int) {
            events = [.char("T"), .char(" ")] + Array(repeating: .none, count: idle) + [.char(">")]
                + Array(repeating: .none, count: idle) + [.char("q")]
        }

        func draw(_ grid: Grid) {
            guard let lab = loop?.state.lab else { return }
            frames.append((lab.steps, lab.temperature))
        }

        func nextEvent(timeoutMs: Int) -> TerminalEvent {
            turns += 1
            let e = events.removeFirst()
            if e == .char(">"), let lab = loop?.state.lab { keyAt = (lab.steps, frames.count) }
            return e
        }
    }

    @Test func aKeyWhileTrainingIsDrawnBeforeTheNextSlice() throws {
        let console = WatchingConsole(idle: 40)
        let loop = ExplorerLoop(state: ExplorerState(lesson: try shippedLesson("08-language-model.yaml")), hooks: [LabHook()])
        console.loop = loop
        let end = loop.run(on: console)
        let key = try #require(console.keyAt)
        #expect(key.steps > 0)
        // the first frame after the key shows it, at the step count the key found
        let answer = try #require(console.frames.dropFirst(key.frame).first)
        #expect(answer.temperature > 1 && answer.steps == key.steps)
        // 80 idle turns each trained a slice, but frames were paced (a few, not one per slice)
        #expect(end.lab.map { $0.steps > key.steps } == true)
        #expect(console.frames.count < console.turns / 2)
    }

    /// Plays a script of events; keeps, for each frame, whether the lab had diverged and its
    /// temperature, and each wait the loop asked for with whether the lab had diverged then.
    final class StoppingConsole: Console {
        let size = Size(width: 120, height: 40)
        let colorDepth: ColorDepth = .none
        weak var loop: ExplorerLoop?
        private var events: [TerminalEvent]
        private(set) var frames: [(diverged: Bool, temperature: Double)] = []
        private(set) var waits: [(diverged: Bool, timeoutMs: Int)] = []
        private(set) var keyFrame: Int?

        init(events: [TerminalEvent]) { self.events = events }

        func draw(_ grid: Grid) {
            guard let lab = loop?.state.lab else { return }
            frames.append((lab.divergence != nil, lab.temperature))
        }

        func nextEvent(timeoutMs: Int) -> TerminalEvent {
            waits.append((loop?.state.lab?.divergence != nil, timeoutMs))
            let e = events.removeFirst()
            if e == .char(">") { keyFrame = frames.count }
            return e
        }
    }

    /// A run that diverges stops and says so; the loop then waits for a key (no busy turns) and
    /// a key is answered as before: the explorer stays responsive after the stop.
    @Test func aKeyAfterTheRunDivergedIsAnswered() throws {
        // o o: SGD; ] ×8: lr 2.56; c c: no clipping — lesson 08 diverges within its first 10 steps
        let settings = "oo]]]]]]]]cc".map { TerminalEvent.char($0) }
        let console = StoppingConsole(events: [.char("T")] + settings + [.char(" ")] + Array(repeating: .none, count: 60)
                                      + [.char(">"), .none, .char("q")])
        let loop = ExplorerLoop(state: ExplorerState(lesson: try shippedLesson("08-language-model.yaml")), hooks: [LabHook()])
        console.loop = loop
        let end = loop.run(on: console)
        let lab = try #require(end.lab)
        #expect(lab.divergence != nil && !lab.running)
        let key = try #require(console.keyFrame)
        #expect(console.frames[key - 1].diverged)
        #expect(console.frames[key].temperature == 1.5)
        // once stopped, every wait is for a key
        let stopped = console.waits.drop { !$0.diverged }
        #expect(!stopped.isEmpty && stopped.allSatisfy { $0.timeoutMs < 0 })
    }
}
