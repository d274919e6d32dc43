import Testing
import Explorer
import Lessons
import RNNCore

/// `why:` per choice: shown after the verdict for the choice the student made.
@Suite struct WhyTests {
    static let script: [Slide] = [
        Slide(say: LocalizedText(en: "Guess."), at: StoryPosition(phase: .forward, t: 2),
              focus: EntryRef(symbol: .a, t: 2, row: 1),
              ask: Question(question: LocalizedText(en: "Sign of a<2>[1]?"),
                            choices: [LocalizedText(en: "positive"), LocalizedText(en: "negative")], answer: 2,
                            why: [LocalizedText(en: "Waa[1,0] is negative.", zh: "Waa[1,0] 是负的。"),
                                  LocalizedText(en: "The bias pulls it down.")])),
    ]

    @Test func theChosenExplanationFollowsTheVerdict() {
        let s = Fixtures.state(script: Self.script)
        #expect(s.after(.answer(1)).viewModel().lesson?.feedback == "Not quite: the answer is 2. Waa[1,0] is negative.")
        #expect(s.after(.answer(1)).status == "Not quite: the answer is 2. Waa[1,0] is negative.")
        #expect(s.after(.answer(2)).viewModel().lesson?.feedback == "Right! The bias pulls it down.")
        let zh = Fixtures.state(script: Self.script, language: .zh)
        #expect(zh.after(.answer(1)).viewModel().lesson?.feedback == "不对哦，正确答案是 2。Waa[1,0] 是负的。")
        #expect(zh.after(.answer(2)).viewModel().lesson?.feedback == "答对了！The bias pulls it down.")
    }

    @Test func withoutWhyTheVerdictStandsAlone() {
        var script = Self.script
        script[0].ask?.why = nil
        #expect(Fixtures.state(script: script).after(.answer(1)).viewModel().lesson?.feedback == "Not quite: the answer is 2.")
    }
}
