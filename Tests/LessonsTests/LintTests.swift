import Foundation
import RNNCore
import Testing
@testable import Lessons

/// Lint warnings: whole messages, line:column included; none on a clean lesson.
@Suite struct LintTests {
    func warnings(_ text: String) -> String {
        let a = LessonLoader.analyse(text: text, path: "lesson.yaml")
        #expect(a.diagnostics.isEmpty && a.falseChecks.isEmpty, "the lesson should load: \(a.diagnostics)")
        return a.warnings.map(\.rendered).joined(separator: "\n")
    }

    /// a<2>[0] of the base lesson, from the engine.
    func a2() throws -> Double {
        let lesson = try LessonLoader.load(text: baseLesson, path: "lesson.yaml").get()
        return try lesson.makeTrace().number(EntryRef.parse("a<2>[0]").get()).get()
    }

    @Test func aCleanLessonHasNone() {
        #expect(warnings(baseLesson) == "")
    }

    @Test func questionWithoutFocus() {
        let text = lesson(replacing: "    at: {t: 2}", with: """
            at: {t: 2}
            ask: {question: Which?, choices: [one, two], answer: 1}
        """)
        #expect(warnings(text) == """
        lesson.yaml:17:5: warning: slide 1 asks a question but has no focus: add focus: the entry the question is about, so the screen hides it until it is answered
          - say: Hello
            ^
        """)
    }

    @Test func aQuotedEntryTheEngineDisagreesWith() throws {
        let right = String(format: "%.2f", try a2())
        #expect(warnings(lesson(replacing: "say: Hello", with: "say: \"Here a<2>[0] = \(right).\"")) == "")
        // a piece of a sum is not a quote
        #expect(warnings(lesson(replacing: "say: Hello", with: "say: \"z = 1 + a<2>[0] = 7 × 2\"")) == "")
        #expect(warnings(lesson(replacing: "say: Hello", with: "say: \"Here a<2>[0] = 0.12, and L<9> = 3.\"")) == """
        lesson.yaml:17:5: warning: slide 1 says a<2>[0] = 0.12, but it is \(right) at that precision: correct the text (and add a check: a<2>[0] ≈ \(right))
          - say: "Here a<2>[0] = 0.12, and L<9> = 3."
            ^
        """)
    }

    @Test func exactEqualityBetweenComputedNumbersAndTrue() {
        let text = lesson(replacing: "    at: {t: 2}", with: """
            at: {t: 2}
            check: ["a<1>[0] == a<1>[0] + 0", "true", "Wax[0,0] == 1", "a<1>[0] ≈ a<1>[0]"]
        """)
        #expect(warnings(text) == """
        lesson.yaml:19:22: warning: check "a<1>[0] == a<1>[0] + 0": == between computed numbers holds only if they are exactly equal, to the last bit; use ≈ (equal to 1e-9 relative)
            check: ["a<1>[0] == a<1>[0] + 0", "true", "Wax[0,0] == 1", "a<1>[0] ≈ a<1>[0]"]
                             ^
        lesson.yaml:19:40: warning: check "true" proves nothing: state what the slide claims, e.g. a<1>[0] ≈ 0.66
            check: ["a<1>[0] == a<1>[0] + 0", "true", "Wax[0,0] == 1", "a<1>[0] ≈ a<1>[0]"]
                                               ^
        """)
    }

    @Test func aSlideThatRevealsNothingNewAndSaysNoNumber() {
        let text = baseLesson + """

          - say: More words about the same screen.
          - say: Still the same screen, but with 2 numbers.
          - say: Now a new step.
            at: {t: 3}
        """
        #expect(warnings(text) == """
        lesson.yaml:19:5: warning: slide 2 reveals nothing new and says no number: give it a show, an at, a focus or a question, or merge it into slide 1
          - say: More words about the same screen.
            ^
        """)
    }

    @Test func strictFailsOnWarningsAndTheShippedLessonsPassIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("l.yaml")
        try Data(lesson(replacing: "    at: {t: 2}", with: "    at: {t: 2}\n    check: \"true\"").utf8).write(to: file)
        let lenient = LessonChecker.report(paths: [file.path], strict: false)
        #expect(lenient.exitCode == 0 && lenient.summary == "ok: 1 lesson, 1 warning")
        let strict = LessonChecker.report(paths: [file.path], strict: true)
        #expect(strict.exitCode == 1 && strict.problems.hasSuffix("\nerror: 1 warning with --strict"))
        let shipped = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("lessons").path)
            .filter { $0.hasSuffix(".yaml") }.map { packageRoot.appendingPathComponent("lessons/\($0)").path }
        let r = LessonChecker.report(paths: shipped, strict: true)
        #expect(r.exitCode == 0, "\(r.problems)")
    }
}
