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

    /// A right choice's `why` that says so itself is not put after `Right!` ("Right! Right: …");
    /// every shipped question, both languages: no doubled verdict.
    @Test func aWhyThatSaysRightStandsAlone() throws {
        var script = Self.script
        script[0].ask?.why?[1] = LocalizedText(en: "Right: the bias pulls it down.", zh: "对：偏置把它往下拉。")
        #expect(Fixtures.state(script: script).after(.answer(2)).viewModel().lesson?.feedback == "Right: the bias pulls it down.")
        #expect(Fixtures.state(script: script, language: .zh).after(.answer(2)).viewModel().lesson?.feedback == "对：偏置把它往下拉。")
        #expect(Fixtures.state(script: script).after(.answer(1)).viewModel().lesson?.feedback == "Not quite: the answer is 2. Waa[1,0] is negative.")
        var checked = 0
        for (name, lesson) in try AnsweredDisclosureTests.shippedLessons() {
            for i in lesson.script.indices {
                guard let q = lesson.script[i].ask else { continue }
                for language in [Language.en, .zh] {
                    var s = ExplorerState(lesson: lesson, language: language)
                    _ = s.open(slide: i + 1)
                    s.update(.answer(q.answer))
                    let said = s.viewModel().lesson?.feedback ?? ""
                    #expect(!said.hasPrefix("Right! Right") && !said.hasPrefix("答对了！对"), "\(name) slide \(i + 1): \(said)")
                    #expect(said.hasPrefix("Right") || said.hasPrefix("对") || said.hasPrefix("答对了"), "\(name) slide \(i + 1): \(said)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 30)
    }

    @Test func withoutWhyTheVerdictStandsAlone() {
        var script = Self.script
        script[0].ask?.why = nil
        #expect(Fixtures.state(script: script).after(.answer(1)).viewModel().lesson?.feedback == "Not quite: the answer is 2.")
    }
}
