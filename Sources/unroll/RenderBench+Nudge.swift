import Explorer
import Frames
import Lessons
import Terminal
import TextGrid

extension RenderBench {
    /// `bench --render --nudge`: at every step of the lesson (every number revealed), edit mode on
    /// an editable entry under the inspect cursor (the first panel that has one), then `+` and `-`
    /// (nudge up and back), each timed as the explorer does it: update (recompute the whole
    /// unrolled network: forward, BPTT, colour scales), view model, layout; and the draw.
    static func nudgeWalk(_ lesson: Lesson, size: Size, session: TerminalSession, counter: ByteCounter, into f: inout Figures) {
        var state = ExplorerState(lesson: lesson)
        state.revealAll()
        session.draw(FrameRenderer.render(state.viewModel(), size: size, depth: .ansi256))
        if f.firstFrameBytes == 0 { f.firstFrameBytes = counter.settled() }
        let start = counter.settled()
        for i in 0..<state.story.count {
            if i > 0 { state.update(.nextStep) }
            state.update(.toggleInspect)
            for _ in 0..<30 where state.inspect != nil && state.editableEntry == nil { state.update(.nextPanel) }
            guard state.editableEntry != nil else { state.update(.escape); continue }
            state.update(.toggleEdit)
            for action in [Action.nudgeUp, .nudgeDown] {
                var grid = Grid(width: 0, height: 0)
                f.buildSeconds.append(Bench.seconds {
                    state.update(action)
                    grid = FrameRenderer.render(state.viewModel(), size: size, depth: .ansi256)
                })
                f.drawSeconds.append(Bench.seconds { session.draw(grid) })
                f.steps += 1
            }
            state.update(.toggleEdit)
            state.update(.escape)
        }
        f.bytes += counter.settled() - start
    }
}
