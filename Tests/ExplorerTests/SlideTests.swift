import Testing
import Explorer
import Lessons
import RNNCore

@Suite struct SlideTests {
    static let script: [Slide] = [
        Slide(say: LocalizedText(en: "Meet x.", zh: "认识 x。"), show: [.x]),
        Slide(say: LocalizedText(en: "Now z and a."), at: StoryPosition(phase: .forward, t: 2), show: [.z, .a],
              focus: EntryRef(symbol: .a, t: 2, row: 1),
              ask: Question(question: LocalizedText(en: "Sign of a<2>[1]?"),
                            choices: [LocalizedText(en: "positive"), LocalizedText(en: "negative", zh: "负")], answer: 2)),
        Slide(say: LocalizedText(en: "Backward."), at: StoryPosition(phase: .backward, t: 3),
              focus: EntryRef(symbol: .dWaa, t: 3, row: 0, col: 1)),
    ]

    @Test func openingTheLessonOpensTheFirstSlide() {
        let s = Fixtures.state(script: Self.script)
        #expect(s.slide == 0)
        #expect(s.viewModel().header.slide == "slide 1 / 3")
        #expect(s.viewModel().lesson?.text == "Meet x.")
        #expect(Fixtures.state(script: Self.script, language: .zh).viewModel().lesson?.text == "认识 x。")
    }

    @Test func slidesMoveTheCursorAndSetTheFocus() {
        let s = Fixtures.state(script: Self.script).after(.nextSlide)
        #expect(s.position == StoryPosition(phase: .forward, t: 2))
        #expect(s.focus == EntryRef(symbol: .a, t: 2, row: 1))
        let a = s.forwardPanel(2).terms.filter { $0.symbol == .a }
        #expect(a.count == 2 && a.allSatisfy { $0.focused && $0.focusEntry == MatrixIndex(row: 1, col: 0) })
        let b = s.after(.answer(2), .nextSlide)
        #expect(b.position == StoryPosition(phase: .backward, t: 3))
        let dWa = b.backwardPanel(3).terms.first { $0.symbol == .dWa }
        #expect(dWa?.focused == true && dWa?.focusEntry == MatrixIndex(row: 0, col: 1))
        #expect(b.after(.nextSlide).status == "this is the last slide")
        #expect(b.after(.previousSlide, .previousSlide).slide == 0)
        #expect(b.after(.previousSlide, .previousSlide, .previousSlide).status == "this is the first slide")
        #expect(Fixtures.state().after(.nextSlide).status == "this lesson has no slides")
    }

    @Test func answeringRecordsAndReveals() {
        let s = Fixtures.state(script: Self.script).after(.nextSlide)
        #expect(s.questionPending)
        #expect(s.after(.answer(3)).status == "answer with a number from 1 to 2")
        #expect(s.after(.answer(3)).answers.isEmpty)
        let wrong = s.after(.answer(1))
        #expect(wrong.answers == [1: 1])
        #expect(wrong.viewModel().lesson?.feedback == "Not quite: the answer is 2.")
        #expect(wrong.viewModel().lesson?.choices.map(\.mark) == [.chosenWrong, .right])
        // the first answer counts: once the solution is shown, another number changes nothing
        let again = wrong.after(.answer(2))
        #expect(again.answers == [1: 1])
        #expect(again.status == "you answered 1 already: the first answer counts")
        let right = s.after(.answer(2))
        #expect(right.viewModel().lesson?.feedback == "Right!")
        #expect(right.viewModel().lesson?.choices.map(\.mark) == [.none, .chosenRight])
        #expect(Fixtures.state(script: Self.script).after(.answer(1)).status == "this slide asks no question")
        // the answer stays with its slide
        #expect(right.after(.nextSlide, .previousSlide).currentAnswer == 2)
    }

    @Test func disclosureIsTheUnionOfShowSoFar() {
        let s = Fixtures.state(script: Self.script)
        #expect(s.revealedSet == [.x])
        #expect(s.isShown(.x) && !s.isShown(.z) && !s.isShown(.Wa))
        let second = s.after(.nextSlide)
        #expect(second.revealedSet == [.x, .z, .a])
        #expect(second.isShown(.aPrev))              // a reveals a<t-1>
        #expect(second.isShown(.stacked))            // both a and x are revealed
        #expect(!second.isShown(.yHat))
        #expect(second.after(.answer(1), .nextSlide).revealedSet == nil)   // show: nil reveals all
        #expect(Fixtures.state().revealedSet == nil)
    }

    @Test func anUnansweredQuestionHidesItsFocusAndWhatFollows() throws {
        let s = Fixtures.state(script: Self.script).after(.nextSlide)
        #expect(s.withheld.isSuperset(of: [.a, .zy, .yHat, .loss, .totalLoss]))
        #expect(!s.isShown(.a) && s.isShown(.z))
        let a = s.forwardPanel(2).terms.filter { $0.symbol == .a }
        #expect(a.allSatisfy { !$0.revealed })
        // answered: the focus shows, what is computed from it stays hidden on this slide (rule 3)
        let answered = s.after(.answer(1))
        let focus = try #require(answered.currentSlide?.focus)
        #expect(answered.isShown(focus.symbol, at: focus.t))
        #expect(answered.withheld.isSuperset(of: [.zy, .yHat, .loss, .totalLoss]), "\(answered.withheld)")
    }

    @Test func timelineHidesWhatIsNotRevealed() {
        let s = Fixtures.state(script: Self.script)
        #expect(s.timeline.items.allSatisfy { $0.loss == nil && $0.outputLabel == nil })
        let all = Fixtures.state()
        #expect(all.timeline.items.map(\.targetLabel) == ["1.00", "0.00", "1.00"])
        #expect(all.timeline.items.map(\.inputLabel) == ["x<1>", "x<2>", "x<3>"])
        // only what has been computed: forward up to t, backward from T down to t
        #expect(all.timeline.items.map { $0.loss != nil } == [true, false, false])
        #expect(all.timeline.items.allSatisfy { $0.daNorm == nil })
        #expect(all.after(.nextStep).timeline.items.map { $0.outputLabel != nil } == [true, true, false])
        #expect(all.after(.startBackward).timeline.items.map { $0.daNorm != nil } == [false, false, true])
        #expect(all.after(.startBackward).timeline.items.allSatisfy { $0.loss != nil })
        #expect(all.after(.lastStep).timeline.items.allSatisfy { $0.daNorm != nil })
        #expect(all.timeline.items.map(\.isCurrent) == [true, false, false])
    }
}
