import Testing
import Explorer
import Lessons
import RNNCore

@Suite struct InspectTests {
    @Test func entersOnTheFirstPanelAndClampsToTheMatrix() {
        var s = Fixtures.state().after(.toggleInspect)
        #expect(s.inspect == InspectCursor(symbol: .Wa))
        #expect(s.inspectedEntry == EntryRef(symbol: .Wa, row: 0, col: 0))
        s.update(.moveUp)
        #expect(s.inspect == InspectCursor(symbol: .Wa) && s.status == "edge of the matrix")
        for _ in 0..<5 { s.update(.moveRight) }
        #expect(s.inspect == InspectCursor(symbol: .Wa, row: 0, col: 2))
        for _ in 0..<5 { s.update(.moveDown) }
        #expect(s.inspect == InspectCursor(symbol: .Wa, row: 1, col: 2))
        s.update(.nextPanel)   // to [a<0>; x<1>], a 3-vector: the column is clamped
        #expect(s.inspect == InspectCursor(symbol: .stacked, row: 1, col: 0))
        s.update(.moveDown); s.update(.moveDown)
        #expect(s.inspect == InspectCursor(symbol: .stacked, row: 2, col: 0))
    }

    @Test func tabVisitsTheVisiblePanelsInOrderAndWraps() {
        var s = Fixtures.state().after(.toggleInspect)
        var seen: [Symbol] = []
        for _ in 0..<11 { seen.append(s.inspect?.symbol ?? .x); s.update(.nextPanel) }
        #expect(seen == [.Wa, .stacked, .ba, .z, .a, .Wya, .by, .zy, .yHat, .y, .loss])
        s.update(.nextPanel)
        #expect(s.inspect?.symbol == .Wa)
        s.update(.previousPanel)
        #expect(s.inspect?.symbol == .totalLoss)
    }

    @Test func hiddenPanelsAreSkipped() {
        let script = [Slide(say: LocalizedText(en: "x and z"), show: [.x, .z, .Wa])]
        var s = Fixtures.state(script: script).after(.toggleInspect)
        var seen: [Symbol] = []
        for _ in 0..<3 { seen.append(s.inspect?.symbol ?? .y); s.update(.nextPanel) }
        #expect(seen == [.Wa, .stacked, .z])   // x is drawn inside [a<t-1>; x<t>], so x reveals it
        #expect(Fixtures.state(script: [Slide(say: LocalizedText(en: "nothing"), show: [])]).after(.toggleInspect).status
            == "nothing to inspect here yet")
    }

    @Test func inspectStartsOnTheFocusAndFollowsTheStep() {
        let script = [Slide(say: LocalizedText(en: "a"), at: .init(phase: .forward, t: 2), focus: EntryRef(symbol: .a, t: 2, row: 1))]
        var s = Fixtures.state(script: script).after(.toggleInspect)
        #expect(s.inspectedEntry == EntryRef(symbol: .a, t: 2, row: 1, col: 0))
        #expect(s.viewModel().inspect?.title == "a<2>[1]")
        s.update(.lastStep)   // backward t = 1: a<1> is not in the backward panel's inspectable list
        #expect(s.inspect?.symbol == .yHat)
        s.update(.escape)
        #expect(s.inspect == nil)
        #expect(s.after(.escape).status == "nothing to close")
        #expect(Fixtures.state().after(.moveDown).status == "press i first to inspect")
    }

    @Test func backwardPanelOrder() {
        let s = Fixtures.state().after(.startBackward)
        #expect(s.activePanel.inspectable.map(\.symbol) == [.yHat, .y, .dy, .daFromOutput, .daNext, .da, .dz,
            .dWaStep, .dWa, .dbaStep, .dba, .dWyaStep, .dWya, .dbyStep, .dby, .daPrev])
    }
}
