import Testing
@testable import Explorer
import Lessons

/// The training lab opened on a slide whose typed question is waiting: the lab's keys win
/// (Space trains, it does not play the story), and the box is active again after the lab.
@Suite struct LabAnswerBoxTests {
    @Test func labKeysWinOverAnOpenAnswerBox() throws {
        let (lesson, _) = try StudentTests.shipped("08-language-model.yaml")
        var s = ExplorerState(lesson: lesson)
        let slide = try #require(lesson.script.indices.first { lesson.script[$0].typed != nil })
        _ = s.open(slide: slide + 1)
        #expect(s.typedPending && s.keyMode == .answer)
        s.update(try #require(s.action(for: .char("T"))))
        #expect(s.lab != nil && s.keyMode == .lab && !s.answerBoxActive)
        #expect(s.footer.first?.keys == "Space")
        let t = s.position.t
        let space = try #require(s.action(for: .space))
        #expect(space == .lab(.run))
        s.update(space)
        #expect(s.lab?.running == true && s.position.t == t && !s.playing)
        s.update(.lab(.run))
        s.update(try #require(s.action(for: .char("T"))))
        #expect(s.lab == nil && s.keyMode == .answer)
    }
}
