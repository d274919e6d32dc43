import Lessons
import Testing

/// One typo in a slide's `set:` reads as one problem: the slide's checks and typed answer are not
/// evaluated on the unmodified network (they described the what-if, so they would all be "false").
@Suite struct SetErrorTests {
    @Test func aSetErrorDoesNotTurnIntoFalseChecks() {
        // true on the relu network with Waa[0,1] = 0, false on the lesson's tanh network
        let slide = """
            at: {t: 2}
            set: {"Wab[0,1]": 0, g1: relu}
            check: ["a<1>[0] == 1", "a<2>[0] == max(0, 0.5 * a<1>[0] + 0)"]
        """
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: slide)) == """
        lesson.yaml:19:11: error: set: unknown entry 'Wab' in 'Wab[0,1]'; did you mean Waa?
            set: {"Wab[0,1]": 0, g1: relu}
                  ^
        """)
        // the same checks with the typo fixed hold: the test above can fail
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: slide.replacingOccurrences(of: "Wab", with: "Waa"))) == "ok")
        // without a set the checks are evaluated and reported as before
        let plain = slide.replacingOccurrences(of: "    set: {\"Wab[0,1]\": 0, g1: relu}\n", with: "")
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: plain)).contains("false"))
    }

    @Test func aSetThatIsNotAMappingSkipsTheChecksToo() {
        let text = lesson(replacing: "    at: {t: 2}", with: """
            at: {t: 2}
            set: relu
            check: "a<1>[0] == 1"
        """)
        let shown = problems(text)
        #expect(shown.contains("set must be a mapping"))
        #expect(!shown.contains("a<1>[0] == 1"), "\(shown)")
    }
}
