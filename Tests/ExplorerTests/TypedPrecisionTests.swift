import Foundation
import Lessons
import Testing
@testable import Explorer

/// The answer box states the answer at the precision its question asks for, whatever the
/// screen's digits: 08 slide 4 asks ŷ<2>[0] with 3 decimals (0.036), 02 slide 6 with 2.
@Suite struct TypedPrecisionTests {
    func typing(_ s: String) -> [Action] { s.map { Action.typeAnswer($0) } + [.submitAnswer] }

    @Test func theBoxUsesTheQuestionsDigits() throws {
        let (l08, _) = try StudentTests.shipped("08-language-model.yaml")
        var s = ExplorerState(lesson: l08)
        _ = s.open(slide: 4)
        #expect(s.typedQuestion?.digits == 3)
        for a in typing("0.030") { s.update(a) }
        #expect(s.viewModel().lesson?.typed?.lines.first == "Not quite: 0.030 is 0.006 too low.")   // echoed as typed
        for a in typing("0.036") { s.update(a) }
        #expect(s.viewModel().lesson?.typed?.lines == ["Right: 0.036."])
        // the revealed answer too
        var r = ExplorerState(lesson: l08)
        _ = r.open(slide: 4)
        for guess in ["0.5", "0.6", "0.7"] { for a in typing(guess) { r.update(a) } }
        #expect(r.viewModel().lesson?.typed?.lines.contains { $0.hasPrefix("The answer is ŷ<2>[0] = 0.036") } == true)
        // --digits 4 shows more on screen; the box still says what the slide asked for
        let (l02, _) = try StudentTests.shipped("02-forward.yaml")
        var d = ExplorerState(lesson: l02, digits: 4)
        _ = d.open(slide: 6)
        for a in typing("0.71") { d.update(a) }
        #expect(d.viewModel().lesson?.typed?.lines == ["Right: 0.71."])
    }
}

/// `unroll export` draws a page, which takes no keys: a typed question keeps its text, without
/// the answer box and its key hints; the explorer's own frame keeps both.
@Suite struct PageFrameTests {
    @Test func aPageHasNoAnswerBox() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        for language in Language.allCases {
            var s = ExplorerState(lesson: lesson, language: language)
            _ = s.open(slide: 6)
            #expect(s.viewModel().lesson?.typed != nil && s.viewModel().footer.contains { $0.keys == "0-9 ⌫ ↵" })
            let page = s.pageViewModel()
            #expect(page.lesson?.typed == nil && page.lesson?.question != nil)
            #expect(!page.footer.contains { $0.keys.hasPrefix("0-9") } && page.footer.contains { $0.keys == "n p" })
            _ = s.open(slide: 5)   // no typed question: the page is the explorer's frame
            #expect(s.pageViewModel() == s.viewModel())
        }
    }
}
