import Foundation
import Frames
import Lessons
import Testing

/// `unroll check` reports the question rules (`QuestionAudit`) as warnings at their slide.
@Suite struct QuestionLintTests {
    /// Writes `text` to a temporary lesson file, runs `body` on its path, removes it.
    func withLesson(_ text: String, _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-qlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("leak.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try body(path)
    }

    /// A question about ba[0] = 0.57 while Waa[0,0] = 0.57 is on screen; slide 2 quotes a<2>[0],
    /// which its question about a<1> hides.
    static let leaky = """
    title: Leaky
    model: {n_x: 1, n_a: 2, n_y: 1, g1: tanh, g2: sigmoid, weights: {Waa: [[0.57, 0], [0, 0.5]], Wax: [[1.3], [-0.7]], Wya: [[1.9, 1.1]], ba: [0.57, 0]}}
    architecture: many-to-one
    sequence: {x: [[1], [0.5], [0.25]], y: [1]}
    script:
      - say: "Guess."
        at: {t: 3}
        show: [Waa]
        focus: "ba[0]"
        ask: {question: "How big?", choices: ["small", "large"], answer: 2}
      - say: "Here a<2>[0] is on the timeline. Guess."
        show: [x, a]
        focus: "a<1>"
        ask: {question: "Bigger than a<0>?", choices: ["yes", "no"], answer: 1}
    """

    @Test func leaksAndHiddenQuotesAreWarnings() throws {
        try withLesson(Self.leaky) { path in
            let lenient = LessonChecker.report(paths: [path], strict: false, screenRules: QuestionAudit.warnings)
            #expect(lenient.exitCode == 0)
            #expect(lenient.summary == "ok: 1 lesson, 2 warnings")
            #expect(lenient.problems == """
            \(path):6:5: warning: slide 1: the focus value 0.57 is on the screen before the answer (en, zh; at 80×24, 120×40): \
            the student can read the answer: give the question a focus on what it asks (it stays hidden until answered), or reveal less with show:
              - say: "Guess."
                ^
            \(path):11:5: warning: slide 2: the text quotes a<2>[0] but the screen hides a<t> (question open) (en, zh): \
            reveal it on this slide (show:), or quote it where it is shown
              - say: "Here a<2>[0] is on the timeline. Guess."
                ^
            """)
            let strict = LessonChecker.report(paths: [path], strict: true, screenRules: QuestionAudit.warnings)
            #expect(strict.exitCode == 1)
            #expect(strict.problems.hasSuffix("error: 2 warnings with --strict"))
            // without the screen rules (the Lessons module alone) the lesson is clean
            #expect(LessonChecker.report(paths: [path], strict: true).exitCode == 0)
        }
    }
}
