import Foundation
import Testing
import RNNCore
@testable import Lessons

/// `ask: {question, value}`: a number the student types, verified like a check.
@Suite struct TypedAskTests {
    func withAsk(_ ask: String, focus: String = "z<2>[0]") -> String {
        lesson(replacing: "    at: {t: 2}", with: "    at: {t: 2}\n    focus: \"\(focus)\"\n    ask: \(ask)")
    }

    @Test func readsAReference() throws {
        let l = try LessonLoader.load(text: withAsk("{question: \"z<2>[0]?\", value: \"z<2>[0]\", digits: 3, tries: 2}"), path: "l.yaml").get()
        let q = try #require(l.script[0].typed)
        #expect(l.script[0].ask == nil)
        #expect(q.reference == EntryRef(symbol: .z, t: 2, row: 0))
        #expect(q.digits == 3 && q.tries == 2 && q.tolerance == nil)
        let trace = l.makeTrace()
        let z = try trace.number(EntryRef(symbol: .z, t: 2, row: 0)).get()
        #expect(try q.answer(on: trace).get() == z)
        #expect(q.allowedError(screenDigits: 2) == 0.0005)
        #expect(q.accepts(z + 0.0004, answer: z, screenDigits: 2))
        #expect(!q.accepts(z + 0.0006, answer: z, screenDigits: 2))
    }

    @Test func aNumberIsVerifiedAgainstTheFocus() {
        // z<2>[0] = 0.5·tanh(1) − 0.25·tanh(0) + 0 + 1·0 … of the base lesson: 0.3808
        #expect(problems(withAsk("{question: q, value: 0.38}")) == "ok")
        #expect(problems(withAsk("{question: q, value: 0.39}")) == """
        lesson.yaml:20:31: error: ask: value 0.39 is not z<2>[0] as written: z<2>[0] = 0.3808
            ask: {question: q, value: 0.39}
                                      ^
        """)
    }

    /// A literal is verified against the reference its question names (before the focus); with
    /// neither, `check` warns that nothing verifies it.
    @Test func aNumberIsVerifiedAgainstWhatTheQuestionNames() throws {
        #expect(problems(withAsk("{question: \"What is L<2>?\", value: 0.38}")).contains(
            "error: ask: value 0.38 is not L<2> as written: L<2> = "))
        let base = try LessonLoader.load(text: baseLesson, path: "lesson.yaml").get()
        let l2 = try base.makeTrace().number(EntryRef(symbol: .loss, t: 2)).get()
        #expect(problems(withAsk("{question: \"What is L<2>?\", value: \(String(format: "%.2f", l2))}")) == "ok")
        // no focus, a question that names nothing: loads, with a warning
        let bare = lesson(replacing: "    at: {t: 2}", with: "    at: {t: 2}\n    ask: {question: \"How much?\", value: 0.123}")
        let a = LessonLoader.analyse(text: bare, path: "lesson.yaml")
        #expect(a.diagnostics.isEmpty && a.falseChecks.isEmpty)
        #expect(a.warnings.contains { $0.message.hasPrefix("slide 1 asks for the number 0.123, but nothing verifies it") }, "\(a.warnings.map { $0.message })")
        #expect(TypedQuestion.references(in: "dz<1>[1] 是多少？") == [EntryRef(symbol: .dz, t: 1, row: 1)])
    }

    @Test func errorsAtTheirPlace() {
        #expect(problems(withAsk("{question: q, value: \"z<7>[0]\"}")) == """
        lesson.yaml:20:32: error: ask: value "z<7>[0]": step 7 is outside this lesson's steps 1…3 in 'z<7>[0]'
            ask: {question: q, value: "z<7>[0]"}
                                       ^
        """)
        #expect(problems(withAsk("{question: q, value: \"z<2>\"}")) == """
        lesson.yaml:20:32: error: ask: value "z<2>": 'z<2>' is a 2×1 quantity, not one number: index it (like [0]) or use norm(), sum(), max()
            ask: {question: q, value: "z<2>"}
                                       ^
        """)
        #expect(problems(withAsk("{question: q, value: 1, choices: [a, b], answer: 1}")) == """
        lesson.yaml:20:43: error: ask takes choices and answer, or a value to type, not both
            ask: {question: q, value: 1, choices: [a, b], answer: 1}
                                                  ^
        """)
        #expect(problems(withAsk("{question: q, value: \"z<2>[0]\", tries: 0}")) == """
        lesson.yaml:20:49: error: tries must be a whole number from 1 to 9, got 0
            ask: {question: q, value: "z<2>[0]", tries: 0}
                                                        ^
        """)
    }

    @Test func typedNumbers() {
        #expect(TypedNumber.parse("0.75") == 0.75)
        #expect(TypedNumber.parse(" -1.5e-2 ") == -0.015)
        #expect(TypedNumber.parse("1.2.3") == nil)
        #expect(TypedNumber.parse("") == nil)
        #expect(TypedNumber.parse("inf") == nil)
        #expect(TypedNumber.parse("1e999") == nil)
        #expect(TypedNumber.parse("abc") == nil)
        #expect(TypedNumber.parse("-") == nil)
    }
}
