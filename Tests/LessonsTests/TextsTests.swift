import Foundation
import Testing
import RNNCore
@testable import Lessons

/// A character lesson with a training set; tests replace one line to make one mistake.
let textsLesson = """
title: Names
model:
  n_x: 3
  n_a: 2
  n_y: 3
  g1: tanh
  g2: softmax
  init: {seed: 1}
architecture: many-to-many
sequence:
  vocab: "ab\\n"
  text: "\\nab\\n"
  texts: ["ab", "ba", "aab"]
script:
  - say: Hello
"""

@Suite struct TextsTests {
    func load(_ text: String, path: String = "names.yaml") throws -> Lesson {
        switch LessonLoader.load(text: text, path: path) {
        case .success(let l): return l
        case .failure(let e): Issue.record("\(e.rendered)"); throw e
        }
    }

    @Test func aListOfTextsBecomesOneEpisodePerTextFramedByNewlines() throws {
        let l = try load(textsLesson)
        #expect(l.texts == TrainingTexts(items: ["ab", "ba", "aab"]))
        let episodes = l.trainingEpisodes()
        #expect(episodes.map(\.T) == [3, 3, 4])
        #expect(episodes[0].x == [[0, 0, 1], [1, 0, 0], [0, 1, 0]] && episodes[0].y.last == [0, 0, 1])
    }

    @Test func withoutTextsTheLessonTrainsOnItsOwnSequence() throws {
        let l = try load(textsLesson.replacingOccurrences(of: "  texts: [\"ab\", \"ba\", \"aab\"]\n", with: ""))
        #expect(l.texts == nil && l.trainingEpisodes() == [l.episode])
    }

    @Test func aTextsFileIsReadBesideTheLessonOneTextPerLine() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "ab\r\n\nba\n  \naab".write(to: dir.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
        let text = textsLesson.replacingOccurrences(of: "texts: [\"ab\", \"ba\", \"aab\"]", with: "texts: words.txt")
        let l = try load(text, path: dir.appendingPathComponent("l.yaml").path)
        #expect(l.texts == TrainingTexts(items: ["ab", "ba", "aab"], file: "words.txt"))
    }

    @Test func textsErrorsNameThePlaceAndTheFix() {
        let missing = problems(textsLesson.replacingOccurrences(of: "texts: [\"ab\", \"ba\", \"aab\"]", with: "texts: nope.txt"))
        #expect(missing.hasPrefix("lesson.yaml:13:10: error: texts file nope.txt: no such file; give a plain-text file beside the lesson, one text per line"))
        #expect(problems(textsLesson.replacingOccurrences(of: "\"ba\"", with: "\"bc\"")).hasPrefix(
            "lesson.yaml:13:19: error: texts[1] 'c' is not in vocab"))
        #expect(problems(textsLesson.replacingOccurrences(of: "\"ba\"", with: "\"b\\na\"")).hasPrefix(
            "lesson.yaml:13:19: error: texts[1] '⏎' a text may not contain a newline (one text per line)"))
        #expect(problems(textsLesson.replacingOccurrences(of: "[\"ab\", \"ba\", \"aab\"]", with: "[]")).hasPrefix(
            "lesson.yaml:13:10: error: texts must have at least one text"))
        #expect(problems(textsLesson.replacingOccurrences(of: "many-to-many", with: "many-to-one")
            .replacingOccurrences(of: "\"\\nab\\n\"", with: "\"ab\"")).hasPrefix(
            "lesson.yaml:13:10: error: texts (training sequences) needs architecture: many-to-many, got many-to-one"))
    }
}
