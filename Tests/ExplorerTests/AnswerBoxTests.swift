import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// The answer box as a student uses it: the keys after Esc, the steps waiting for the answer,
/// grading on the lesson's numbers after a nudge, the summary on a last slide that asks.
@Suite struct AnswerBoxTests {
    func typing(_ s: String) -> [Action] { s.map { Action.typeAnswer($0) } + [.submitAnswer] }

    /// Keys as the terminal sends them, through the state's key map.
    func press(_ keys: String, _ s: inout ExplorerState) {
        for c in keys { s.update(s.action(for: c == "\n" ? .enter : .char(c)) ?? .quit) }
    }

    /// 06 slide 9 asks dz<1>[1] = -0.10: after Esc, `-0.10` goes back to the box sign and all
    /// (not "slower"), and so does `.` (02 slide 7: `.` then digits); ⌫ reopens it too; `e` stays edit.
    @Test func afterEscMinusAndPointGoBackToTheBox() throws {
        let (lesson, _) = try StudentTests.shipped("06-bptt.yaml")
        var s = ExplorerState(lesson: lesson, language: .zh)
        _ = s.open(slide: 9)
        #expect(s.typedQuestion?.reference?.description == "dz<1>[1]")
        s.update(.escape)
        #expect(s.keyMode == .browse && s.footer.first?.keys == "0-9 - .")
        let speed = s.speedIndex
        let right = String(format: "%.2f", try s.trace.number(try #require(s.typedQuestion?.reference)).get())
        #expect(right.hasPrefix("-0."))
        press(right, &s)
        #expect(s.student.box == right && s.speedIndex == speed && s.keyMode == .answer)
        press("\n", &s)
        #expect(s.typedAnswer?.right != nil, "\(s.viewModel().lesson?.typed?.lines ?? [])")

        let (l02, _) = try StudentTests.shipped("02-forward.yaml")
        var t = ExplorerState(lesson: l02)
        _ = t.open(slide: 7)
        t.update(.escape)
        press(".6", &t)
        #expect(t.student.box == ".6" && t.keyMode == .answer)
        t.update(.escape)
        t.update(t.action(for: .backspace) ?? .quit)
        #expect(t.student.box == "." && t.keyMode == .answer)
        t.update(.escape)
        #expect(t.action(for: .char("e")) == .toggleEdit && t.action(for: .enter) == .nextSlide)
        // an empty closed box: ⌫ is not taken
        var u = ExplorerState(lesson: l02)
        _ = u.open(slide: 7)
        u.update(.escape)
        #expect(u.action(for: .backspace) != .eraseAnswer)
    }

    /// A decimal comma is a decimal point: 03 slide 6 asks z<4>[0]; `0,61` typed through the key
    /// map reads 0.61 in the box and is graded as 0.61 (right, first try), not as 61; after Esc
    /// `,` goes back to the box too; the parser reads `0,61` as 0.61.
    @Test func aDecimalCommaIsAPoint() throws {
        let (lesson, _) = try StudentTests.shipped("03-vectorised.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 6)
        let ref = try #require(s.typedQuestion?.reference)
        let right = String(format: "%.2f", try s.trace.number(ref).get())
        let comma = right.replacingOccurrences(of: ".", with: ",")
        #expect(comma.contains(","))
        press(comma, &s)
        #expect(s.student.box == right)
        press("\n", &s)
        #expect(s.typedAnswer?.firstTryRight == true, "\(s.typedAnswer.map { "\($0)" } ?? "nil")")
        var t = ExplorerState(lesson: lesson)
        _ = t.open(slide: 6)
        t.update(.escape)
        #expect(t.action(for: .char(",")) == .typeAnswer("."))
        t.update(.typeAnswer(","))
        #expect(t.student.box == ".")
        #expect(TypedNumber.parse("0,61") == 0.61 && TypedNumber.parse("-1,5e-1") == -0.15)
    }

    /// → and ← while the box is open: the status line says why nothing moves (en and zh).
    @Test func stepKeysInTheOpenBoxSayWhy() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        for (language, text) in [(Language.en, "the steps wait for your answer: answer first, or Esc / n to skip"),
                                 (.zh, "时间步在等你的答案：先回答，或按 Esc / n 跳过")] {
            var s = ExplorerState(lesson: lesson, language: language)
            _ = s.open(slide: 7)
            let t = s.position.t
            for key in [Key.right, .left, .char("l"), .char("h")] {
                s.update(s.action(for: key) ?? .quit)
                #expect(s.position.t == t && s.status == text && s.keyMode == .answer)
            }
        }
    }

    /// A nudge does not change what is right: 06 slide 9, by[0] nudged (+0.1), then the lesson's
    /// dz<1>[1] = -0.10 is right, and the box says what it is graded on.
    @Test func aNudgeDoesNotChangeTheGradedAnswer() throws {
        let (lesson, _) = try StudentTests.shipped("06-bptt.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 9)
        let ref = try #require(s.typedQuestion?.reference)
        let lessonValue = try s.trace.number(ref).get()
        s.update(.escape)
        let onBias = s.inspect(entry: try EntryRef.parse("dby[0]").get())
        #expect(onBias == nil, "\(onBias ?? "")")
        s.update(.toggleEdit)
        s.update(.nudgeUp)
        #expect(!s.student.edits.isEmpty)
        let nudged = try s.trace.number(ref).get()
        #expect(String(format: "%.2f", nudged) != String(format: "%.2f", lessonValue))
        s.update(.escape); s.update(.escape)
        #expect(s.inspect == nil)
        let box = try #require(s.viewModel().lesson?.typed)
        #expect(box.note == "You changed the network (✎); your answer is graded on the lesson's numbers.")
        for a in typing(String(format: "%.2f", lessonValue)) { s.update(a) }
        #expect(s.typedAnswer?.firstTryRight == true, "\(s.viewModel().lesson?.typed?.lines ?? [])")
        s.language = .zh
        #expect(s.viewModel().lesson?.typed?.note == "你修改了网络（✎）；答案按本课原来的数评分。")
        // without edits there is no note
        s.update(.toggleInspect); s.update(.toggleEdit); s.update(.resetEdits)
        #expect(s.student.edits.isEmpty && s.viewModel().lesson?.typed?.note == nil)
    }

    /// A wrong answer after a nudge is diagnosed on the lesson's numbers, and the revealed answer
    /// is the lesson's with the lesson's explanation.
    @Test func aRevealAfterANudgeShowsTheLessonsAnswer() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 6)   // z<2>[0] = 0.71 (without ba[0] = -0.40: 1.11)
        let lessonLines = s.explain(try EntryRef.parse("z<2>[0]").get())
        s.update(.escape)
        _ = s.inspect(entry: try EntryRef.parse("Waa[0,0]").get())
        s.update(.toggleEdit)
        for _ in 0..<5 { s.update(.nudgeUp) }
        #expect(!s.student.edits.isEmpty)
        s.update(.escape); s.update(.escape)
        for a in typing("1.11") { s.update(a) }
        #expect(s.viewModel().lesson?.typed?.lines.dropFirst().first == "That is z<2>[0] without the bias ba[0] = -0.40.")
        for a in typing("9") + typing("8") { s.update(a) }
        let lines = try #require(s.viewModel().lesson?.typed?.lines)
        let at = try #require(lines.firstIndex { $0.hasPrefix("The answer is z<2>[0] = 0.71") })
        #expect(Array(lines[(at + 1)...]) == lessonLines)
    }

    /// 07b: the last slide asks z<4>[3]. Three misses: the summary lists slide 2 and slide 4 (this
    /// one); `1` goes to slide 2, also after quitting and continuing.
    @Test func aLastSlideThatAsksSumsUpItselfToo() throws {
        let (lesson, _) = try StudentTests.shipped("07b-one-to-many.yaml")
        let last = lesson.script.count
        #expect(lesson.script[last - 1].typed != nil)
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: last)
        #expect(s.viewModel().lesson?.summary == [])   // the question first
        press("9\n8\n7\n", &s)
        #expect(s.typedAnswer?.revealed == true)
        let summary = try #require(s.viewModel().lesson?.summary)
        #expect(summary == ["Score: 0 of 2 questions right at the first try.",
                            "Missed or not answered: 1 → slide 2, 2 → slide 4 (this one) (press the number)."])
        var again = ExplorerState(lesson: lesson)
        again.update(.offerResume(s.progress))
        again.update(.resumeProgress)
        #expect(again.slide == last - 1 && again.typedAnswer?.revealed == true)
        #expect(again.viewModel().lesson?.summary == summary)
        press("2", &again)
        #expect(again.slide == last - 1 && again.status == "this is slide 4: its answer is shown above")
        press("1", &again)
        #expect(again.slide == 1)
        press("1", &s)
        #expect(s.slide == 1)
    }

    /// Revealed after three tries: the progress file keeps the last number typed, and keeps it
    /// through a quit and a second save.
    @Test func aRevealedAnswerKeepsTheLastNumberTyped() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 7)
        for a in typing("9") + typing("8") + typing("0.4") { s.update(a) }
        #expect(s.typedAnswer?.revealed == true)
        #expect(s.progress.answers[6]?.given == "0.4")
        var again = ExplorerState(lesson: lesson)
        again.update(.offerResume(s.progress))
        again.update(.resumeProgress)
        #expect(again.progress.answers[6]?.given == "0.4" && again.progress.answers[6]?.tries == 3)
    }

    /// 10-gru asks about c<2>[0] at t = 2: at t = 3 the candidate's input [Γr<3> ⊙ c<2>; x<3>]
    /// is drawn with only row 0 masked, like the plain cell's [a<2>; x<3>]; Γr<3> stays hidden.
    @Test func theGRUsCandidateInputMasksOnlyTheAskedEntry() throws {
        let (shipped, text) = try StudentTests.shipped("10-gru.yaml")
        // the slide with every quantity on screen (the shipped one shows only Γu, c̃, c)
        let all = text.replacingOccurrences(of: "    show: [Γu, c̃, c]\n    focus: \"c<2>[0]\"", with: "    focus: \"c<2>[0]\"")
        #expect(all != text)
        let lesson = try LessonLoader.load(text: all, path: shipped.path).get()
        let i = try #require(lesson.script.firstIndex { $0.focus?.description == "c<2>[0]" && $0.ask != nil })
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: i + 1)
        #expect(s.questionPending)
        s.update(.escape)
        _ = s.go(phase: .forward, t: 3)
        let terms = s.forwardPanel(3).terms
        let stack = try #require(terms.first { $0.label.hasPrefix("[Γr<3>") })
        #expect(stack.revealed && stack.masked == [MatrixIndex(row: 0, col: 0)], "\(stack.label) \(stack.masked)")
        #expect(stack.values.rows == lesson.rnn.shape.na + lesson.rnn.shape.nx && stack.values[1, 0] != 0)
        #expect(!terms.contains { $0.symbol == .gammaR && $0.kind == .quantity && $0.revealed })
        // the question answered: nothing is masked
        s.update(.answer(2))
        #expect(s.forwardPanel(3).terms.first { $0.label.hasPrefix("[Γr<3>") }?.masked == [])
    }

    /// 06 asks ΔdWaa<2>[0,1] = dz<2>[0]·a<1>[1]: da<2>[0]·a<1>[1] is "used da, not dz", and
    /// dz<2>[0]·a<1>[0] is the wrong column (computed from the lesson's numbers).
    @Test func aStepContributionsDaAndWrongColumnAreDiagnosed() throws {
        let (lesson, _) = try StudentTests.shipped("06-bptt.yaml")
        let i = try #require(lesson.script.firstIndex { $0.typed?.reference?.description == "ΔdWaa<2>[0,1]" })
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: i + 1)
        let tr = s.trace
        func v(_ r: String) throws -> Double { try tr.number(try EntryRef.parse(r).get()).get() }
        let usedDa = try v("da<2>[0]") * v("a<1>[1]"), column = try v("dz<2>[0]") * v("a<1>[0]")
        for a in typing(String(format: "%.2f", usedDa)) { s.update(a) }
        #expect(s.viewModel().lesson?.typed?.lines.dropFirst().first
                == "That uses da<2>[0], not dz<2>[0]: dz = da·g1′(z) (for tanh da·(1 − a²)); the slope is left out.")
        for a in typing(String(format: "%.2f", column)) { s.update(a) }
        #expect(s.viewModel().lesson?.typed?.lines.dropFirst().first
                == "That uses a<1>[0] where a<1>[1] belongs: ΔdWaa<2>[0,1] = dz<2>[0]·a<1>[1] (the row from dz, the column from [a<t-1>; x<t>]).")
    }

    /// 10-gru asks c<30>[0] = Γu·c̃ + (1 − Γu)·c<29>[0]: the hint is the term on screen with its
    /// factors (the question takes 3 decimals, at which c<29>[0] = 0.926 is not the answer 0.924);
    /// never 0.002 × 0.000.
    @Test func theGRUsHintIsTheTermThatCarriesTheMemory() throws {
        let (lesson, _) = try StudentTests.shipped("10-gru.yaml")
        let i = try #require(lesson.script.firstIndex { $0.typed?.reference?.description == "c<30>[0]" })
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: i + 1)
        for a in typing("0.5") { s.update(a) }
        let hint = try #require(s.viewModel().lesson?.typed?.lines.dropFirst().first)
        #expect(hint == "Hint: one term of c<30>[0] is (1 - Γu<30>[0])·c<29>[0], with (1 - Γu<30>[0]) = 0.998 and c<29>[0] = 0.926.", "\(hint)")
    }

    /// A wrong number is echoed as it was typed: `0.80` (z<1>[0] on 02 slide 6: one step off)
    /// reads "Not quite: 0.80 is …", not "0.8"; a decimal comma as a point.
    @Test func aWrongNumberIsEchoedAsTyped() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 6)
        #expect(s.typedQuestion?.reference?.description == "z<2>[0]")
        for c in "0.80" { s.update(.typeAnswer(c)) }
        s.update(.submitAnswer)
        let lines = s.viewModel().lesson?.typed?.lines ?? []
        #expect(lines.first?.hasPrefix("Not quite: 0.80 is ") == true, "\(lines)")
        press("1,50\n", &s)
        #expect(s.viewModel().lesson?.typed?.lines.first?.hasPrefix("Not quite: 1.50 is ") == true, "\(s.viewModel().lesson?.typed?.lines ?? [])")
    }

    /// After a nudge the hint's numbers are the lesson's (as the grading), not the screen's: it
    /// says so. 02 slide 6, Waa[0,0] 0.10 → 0.20, a far wrong z<2>[0]: "Hint (the lesson's
    /// numbers): one term of z<2>[0] is …"; without the nudge, "Hint: …".
    @Test func aHintAfterANudgeSaysItUsesTheLessonsNumbers() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        for language in [Language.en, .zh] {
            var s = ExplorerState(lesson: lesson, language: language)
            _ = s.open(slide: 6)
            var plain = s
            for a in typing("5.55") { plain.update(a) }
            let before = plain.viewModel().lesson?.typed?.lines ?? []
            #expect(before.contains { $0.hasPrefix(language == .en ? "Hint: " : "提示：") }, "\(before)")
            s.update(.escape)
            _ = s.inspect(entry: try EntryRef.parse("Waa[0,0]").get())
            s.update(.toggleEdit)
            s.update(.nudgeUp)
            s.update(.escape); s.update(.escape)
            #expect(!s.student.edits.isEmpty)
            for a in typing("5.55") { s.update(a) }
            let after = s.viewModel().lesson?.typed?.lines ?? []
            #expect(after.contains { $0.hasPrefix(language == .en ? "Hint (the lesson's numbers): " : "提示（按本课原来的数）：") }, "\(after)")
        }
    }
}
