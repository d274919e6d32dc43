import Testing
import Explorer
import Lessons

@Suite struct StoryTests {
    @Test func forwardThenBackwardAndBack() {
        var s = Fixtures.state()
        #expect(s.position == StoryPosition(phase: .forward, t: 1))
        #expect(s.story.count == 6)
        let expected: [StoryPosition] = [.init(phase: .forward, t: 2), .init(phase: .forward, t: 3),
                                         .init(phase: .backward, t: 3), .init(phase: .backward, t: 2),
                                         .init(phase: .backward, t: 1)]
        for p in expected { s.update(.nextStep); #expect(s.position == p) }
        s.update(.nextStep)
        #expect(s.position == StoryPosition(phase: .backward, t: 1))
        #expect(s.status == "end of the story: Home starts again")
        for p in expected.reversed().dropFirst() { s.update(.previousStep); #expect(s.position == p) }
        s.update(.previousStep)
        #expect(s.position == StoryPosition(phase: .forward, t: 1))
        s.update(.previousStep)
        #expect(s.status == "already at the first step")
    }

    @Test func homeEndForwardBackward() {
        let s = Fixtures.state()
        #expect(s.after(.lastStep).position == StoryPosition(phase: .backward, t: 1))
        #expect(s.after(.lastStep, .firstStep).position == StoryPosition(phase: .forward, t: 1))
        #expect(s.after(.startBackward).position == StoryPosition(phase: .backward, t: 3))
        #expect(s.after(.lastStep, .startForward).position == StoryPosition(phase: .forward, t: 1))
    }

    @Test func noTargetsMeansNoBackwardPhase() {
        let s = Fixtures.state(targets: nil)
        #expect(!s.trace.hasBackward)
        #expect(s.story.map(\.phase) == [.forward, .forward, .forward])
        let b = s.after(.nextStep, .startBackward)
        #expect(b.position == StoryPosition(phase: .forward, t: 2))
        #expect(b.status == "no backward pass: this lesson has no targets, so there is no loss to differentiate")
        #expect(s.after(.lastStep).position == StoryPosition(phase: .forward, t: 3))
        #expect(s.viewModel().backward == nil)
        #expect(s.viewModel().timeline.items.allSatisfy { $0.loss == nil && $0.targetLabel == nil })
        #expect(!s.footer.contains { $0.keys == "f b" })
    }

    @Test func playTicksAndStopsAtTheEnd() {
        var s = Fixtures.state()
        s.update(.tick)
        #expect(s.position.t == 1 && s.position.phase == .forward)   // not playing: tick does nothing
        s.update(.togglePlay)
        #expect(s.playing)
        #expect(s.status == "playing, 1 step per second")
        for _ in 0..<5 { s.update(.tick) }
        #expect(s.position == StoryPosition(phase: .backward, t: 1))
        #expect(s.playing)
        s.update(.tick)
        #expect(!s.playing)
        #expect(s.position == StoryPosition(phase: .backward, t: 1))
        s.update(.togglePlay)   // playing again from the end starts over
        #expect(s.playing && s.position == StoryPosition(phase: .forward, t: 1))
    }

    @Test func playStopsAtTheEndOfWhatTheSlideReveals() {
        let forwardOnly = Slide(say: LocalizedText(en: "forward"), show: [.x, .a, .Wa, .ba, .z])
        var s = Fixtures.state(script: [forwardOnly])
        #expect(s.playEnd == 2)
        s.update(.togglePlay)
        for _ in 0..<5 { s.update(.tick) }
        #expect(!s.playing)
        #expect(s.position == StoryPosition(phase: .forward, t: 3))   // not into a backward pass of `?`
        #expect(s.status == "end of the forward pass: this slide does not show the backward pass yet")
        s.update(.togglePlay)   // from the end of what it shows, play starts over
        #expect(s.playing && s.position == StoryPosition(phase: .forward, t: 1))
        let both = Slide(say: LocalizedText(en: "both"), show: [.x, .a, .da])
        #expect(Fixtures.state(script: [both]).playEnd == 5)
    }

    @Test func speedStaysWithinLimits() {
        var s = Fixtures.state()
        #expect(s.speed == 1)
        s.update(.faster); s.update(.faster)
        #expect(s.speed == 4)
        #expect(s.status == "speed: 4 steps per second")
        s.update(.faster)
        #expect(s.speed == 4)
        #expect(s.status == "speed stays at 4 steps per second")
        for _ in 0..<6 { s.update(.slower) }
        #expect(s.speed == 0.25)
        #expect(s.status == "speed stays at 0.25 steps per second")
    }

    @Test func quitSetsTheFlag() {
        #expect(Fixtures.state().after(.quit).quit)
    }
}
