import Foundation
import Testing
import RNNCore
@testable import Lessons

/// `count('…')` over a lesson's training texts, and the rule that every count a slide states
/// about the texts is one of its checks.
@Suite struct CountTests {
    /// A character lesson over "ab" with four training texts and one slide saying `say`.
    func textLesson(say: String, check: String? = nil) -> String {
        """
        title: Counts
        model: {n_x: 2, n_a: 2, n_y: 2, g1: tanh, g2: softmax, init: {seed: 1}}
        architecture: many-to-many
        sequence:
          vocab: "ab"
          text: "abba"
          texts: ["ab", "aab", "ba", "abab"]
        script:
          - say: "\(say)"
        """ + (check.map { "\n    check: \"\($0)\"" } ?? "")
    }

    @Test func patternsMatchWholeTexts() {
        #expect(TextPattern("mar*").matches("mar") && TextPattern("mar*").matches("marcus"))
        #expect(!TextPattern("mar*").matches("amar") && !TextPattern("mar").matches("mary"))
        #expect(TextPattern("*a").matches("maria") && !TextPattern("*a").matches("marie"))
        #expect(TextPattern("m?r*").matches("mary") && !TextPattern("m?r*").matches("mr"))
        #expect(TextPattern("*").matches("") && TextPattern("a*b*c").matches("axxbyyc") && !TextPattern("a*b*c").matches("axxcyyb"))
    }

    /// `?` is one character whether the text is ASCII (matched byte by byte) or not (by characters).
    @Test func patternsCountCharactersNotBytes() {
        #expect(TextPattern("m?r*").matches("mär") && TextPattern("?").matches("é") && !TextPattern("??").matches("é"))
        #expect(TextPattern("a?b").matches("a\r\nb") && TextPattern("a?b").matches("axb") && !TextPattern("a??b").matches("a\r\nb"))
        #expect(TextPattern("zé*").matches("zébu") && !TextPattern("zé*").matches("zebu") && TextPattern("*ü").matches("grü"))
    }

    @Test func countsTheTexts() {
        #expect(problems(textLesson(say: "x", check: "count('*') == 4 and count('a*') == 3 and count('*b') == 3 and count('ab') == 1")) == "ok")
        #expect(problems(textLesson(say: "x", check: "count('a*') == 2")) == """
        lesson.yaml:10:13: error: check "count('a*') == 2" is false: count('a*') = 3
            check: "count('a*') == 2"
                    ^
        """)
    }

    @Test func countNeedsTextsAndAPattern() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    check: \"count('a*') > 0\"")) == """
        lesson.yaml:18:13: error: check "count('a*') > 0": count needs the lesson's training texts (sequence: texts:), and this lesson has none
            check: "count('a*') > 0"
                    ^
        """)
        #expect(problems(textLesson(say: "x", check: "count(3) > 0")).contains("count takes one quoted pattern, as in count('mar*')"))
        #expect(problems(textLesson(say: "x", check: "'a' == 1")).contains("a quoted text is only an argument of count"))
        #expect(problems(textLesson(say: "x", check: "count('a*) > 0")).contains("the text opened by ' is not closed"))
    }

    func unchecked(_ text: String) -> [String] {
        guard case .success(let l) = LessonLoader.load(text: text, path: "lesson.yaml") else { return ["does not load"] }
        return CountClaims.unchecked(in: l).map(\.number)
    }

    @Test func aCountWithoutACheckIsFound() {
        #expect(unchecked(textLesson(say: "3 of the 4 texts start with a; 1/4 ends in a.")) == ["3", "4", "1", "4"])
        #expect(unchecked(textLesson(say: "3 of the 4 texts start with a; 1/4 ends in a.",
                                     check: "count('a*') == 3 and count('*') == 4 and count('*a') == 1")) == [])
        // step numbers, entries and decimals are not counts
        #expect(unchecked(textLesson(say: "At t = 2, a<2>[1] = 0.25 with 2.5 of it from x<2>.")) == [])
    }

    @Test func everyShippedCountIsACheck() throws {
        let dir = packageRoot.appendingPathComponent("lessons").path
        guard case .success(let paths) = LessonLoader.discover(directory: dir) else { Issue.record("no lessons"); return }
        for path in paths {
            guard case .success(let l) = LessonLoader.load(path: path) else { Issue.record("\(path) does not load"); continue }
            for u in CountClaims.unchecked(in: l) {
                Issue.record("\(path) slide \(u.slide) (\(u.language)): the count \(u.number) in “\(u.phrase)” is no check's number")
            }
        }
    }
}
