import Explorer
import Foundation
import Frames
import Lessons
import Terminal
import TextGrid

extension RenderBench {
    /// One lesson's nudges: each one's time (key to drawn frame, wall clock and this thread's
    /// CPU time), its parts' CPU times, and what it was.
    struct LessonNudges {
        var name: String
        var wall: [Double] = []
        var cpu: [Double] = []
        /// CPU seconds of update (recompute), view model, layout, draw: one array per part.
        var parts: [[Double]] = [[], [], [], []]
        var labels: [String] = []
        static let partNames = ["update", "view model", "layout", "draw"]
    }

    /// Each nudge is timed this many times (up and back again); the fastest counts.
    static let nudgeRounds = 3

    /// `bench --render --nudge`: at every step of the lesson (every number revealed), edit mode on
    /// an editable entry under the inspect cursor (the first panel that has one), then `+` and `-`
    /// (nudge up and back, `nudgeRounds` times), each timed as the explorer does it: update
    /// (recompute the whole unrolled network: forward, BPTT, colour scales), view model, layout;
    /// and the draw.
    static func nudgeWalk(_ lesson: Lesson, size: Size, session: TerminalSession, counter: ByteCounter, into f: inout Figures) {
        var state = ExplorerState(lesson: lesson)
        state.revealAll()
        session.draw(FrameRenderer.render(state.viewModel(), size: size, depth: .ansi256))
        if f.firstFrameBytes == 0 { f.firstFrameBytes = counter.settled() }
        let start = counter.settled()
        var mine = LessonNudges(name: (lesson.path as NSString).lastPathComponent)
        for i in 0..<state.story.count {
            if i > 0 { state.update(.nextStep) }
            state.update(.toggleInspect)
            for _ in 0..<30 where state.inspect != nil && state.editableEntry == nil { state.update(.nextPanel) }
            guard let entry = state.editableEntry else { state.update(.escape); continue }
            state.update(.toggleEdit)
            // up and back three times; each nudge's figures are its fastest of the three (the
            // machine's other work shows up as slow outliers, not as what a nudge costs)
            var best: [(wall: Double, build: Double, draw: Double, cpu: [Double])] = []
            for round in 0..<Self.nudgeRounds {
                for (k, action) in [Action.nudgeUp, .nudgeDown].enumerated() {
                    var vm: ViewModel?
                    var grid = Grid(width: 0, height: 0)
                    var cpu = [Double](repeating: 0, count: 4)
                    let wall0 = DispatchTime.now().uptimeNanoseconds
                    cpu[0] = Bench.cpuSeconds { state.update(action) }
                    cpu[1] = Bench.cpuSeconds { vm = state.viewModel() }
                    cpu[2] = Bench.cpuSeconds { if let vm { grid = FrameRenderer.render(vm, size: size, depth: .ansi256) } }
                    let wall1 = DispatchTime.now().uptimeNanoseconds
                    cpu[3] = Bench.cpuSeconds { session.draw(grid) }
                    let wall2 = DispatchTime.now().uptimeNanoseconds
                    let now = (wall: Double(wall2 - wall0) / 1e9, build: Double(wall1 - wall0) / 1e9,
                               draw: Double(wall2 - wall1) / 1e9, cpu: cpu)
                    if round == 0 { best.append(now) }
                    else {
                        if now.wall < best[k].wall { (best[k].wall, best[k].build, best[k].draw) = (now.wall, now.build, now.draw) }
                        if now.cpu.reduce(0, +) < best[k].cpu.reduce(0, +) { best[k].cpu = now.cpu }
                    }
                }
            }
            for (k, b) in best.enumerated() {
                f.buildSeconds.append(b.build)
                f.drawSeconds.append(b.draw)
                f.steps += 1
                let p = state.position
                mine.wall.append(b.wall)
                mine.cpu.append(b.cpu.reduce(0, +))
                for part in 0..<4 { mine.parts[part].append(b.cpu[part]) }
                mine.labels.append("\(p.phase == .forward ? "forward" : "backward") t=\(p.t) \(entry.notesName(na: state.trace.shape.na)) \(k == 0 ? "+" : "-")")
            }
            state.update(.toggleEdit)
            state.update(.escape)
        }
        f.bytes += (counter.settled() - start) / Self.nudgeRounds   // per nudge, as `steps` counts them
        f.perLesson.append(mine)
    }

    /// The per-lesson lines of `bench --render --nudge`, in milliseconds.
    static func nudgeLines(_ lessons: [LessonNudges]) -> [String] {
        func median(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.sorted()[v.count / 2] * 1e3 }
        func worst(_ v: [Double]) -> Double { (v.max() ?? 0) * 1e3 }
        var lines = ["per lesson, key to drawn frame in ms, each nudge the fastest of \(nudgeRounds) (wall clock | this thread's CPU time; CPU medians of "
                     + LessonNudges.partNames.joined(separator: " / ") + "; the slowest nudge by wall clock):"]
        for l in lessons where !l.wall.isEmpty {
            let slowest = l.wall.indices.max { l.wall[$0] < l.wall[$1] } ?? 0
            let parts = l.parts.map { String(format: "%.2f", median($0)) }.joined(separator: " / ")
            lines.append(String(format: "  %@ (%d): median %.2f, max %.2f | cpu median %.2f, max %.2f | %@ | slowest: %@",
                                l.name, l.wall.count, median(l.wall), worst(l.wall), median(l.cpu), worst(l.cpu),
                                parts, l.labels[slowest]))
        }
        let cpu = lessons.flatMap(\.cpu)
        lines.append(String(format: "nudge, this thread's CPU time: median %.3f ms, max %.3f ms", median(cpu), worst(cpu)))
        return lines
    }
}

extension Bench {
    /// This thread's CPU time spent in `body` (what a nudge costs, whatever else the machine runs).
    static func cpuSeconds(_ body: () -> Void) -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
        return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
    }
}
