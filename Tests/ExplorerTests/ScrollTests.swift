import Testing
@testable import Explorer

@Suite struct ScrollTests {
    @Test func jAndKScrollThePanelByThreeLines() {
        let s = Fixtures.state()
        #expect(s.action(for: .char("j")) == .scrollDown)
        #expect(s.action(for: .char("k")) == .scrollUp)
        #expect(s.after(.scrollDown).panelScroll == 3)
        #expect(s.after(.scrollDown, .scrollDown, .scrollUp).panelScroll == 3)
        #expect(s.after(.scrollUp).panelScroll == -3)
        #expect(s.after(.scrollDown).viewModel().panelScroll == 3)
    }

    @Test func scrollingSurvivesSteppingAndStaysBounded() {
        let s = Fixtures.state().after(.scrollDown, .nextStep)
        #expect(s.panelScroll == 3)
        var far = Fixtures.state()
        for _ in 0..<1000 { far.update(.scrollDown) }
        #expect(far.panelScroll == ExplorerState.maxScroll)
    }

    @Test func inInspectModeJAndKMoveTheCursorInstead() {
        let s = Fixtures.state().after(.toggleInspect)
        #expect(s.action(for: .char("j")) == .moveDown)
        #expect(s.action(for: .char("k")) == .moveUp)
    }
}
