import Foundation
import Testing
@testable import Lessons

/// The model's rows of numbers read before YAML (`NumberRows`) give the same lesson, and the
/// same messages, as reading every number as a YAML node.
@Suite struct NumberRowsTests {
    static func both(_ text: String, path: String = "lesson.yaml") -> (fast: LessonLoader.Analysis, slow: LessonLoader.Analysis) {
        (LessonLoader.analyse(text: text, path: path, numberRows: true), LessonLoader.analyse(text: text, path: path, numberRows: false))
    }

    static func rendered(_ a: LessonLoader.Analysis) -> String {
        LessonErrors(LessonLoader.sorted(a.diagnostics + a.falseChecks)).rendered
    }

    /// Every shipped lesson and fixture: the same weights, optimizer memory, trace and checks.
    @Test func shippedLessonsReadTheSame() throws {
        let dirs = [packageRoot.appendingPathComponent("lessons"), packageRoot.appendingPathComponent("lessons/12-untrained"),
                    packageRoot.appendingPathComponent("Tests/Fixtures/lessons")]
        var rewritten = 0
        for dir in dirs {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".yaml") {
                let path = dir.appendingPathComponent(name).path
                let text = try String(contentsOfFile: path, encoding: .utf8)
                if NumberRows.extract(text) != nil { rewritten += 1 }
                let (fast, slow) = Self.both(text, path: path)
                #expect(Self.rendered(fast) == Self.rendered(slow), "\(name)")
                let f = try #require(fast.lesson, "\(name)"), s = try #require(slow.lesson, "\(name)")
                #expect(f.rnn == s.rnn && f.gated == s.gated && f.optimizerState == s.optimizerState, "\(name)")
                #expect(f.makeTrace().totalLoss == s.makeTrace().totalLoss, "\(name)")
            }
        }
        #expect(rewritten >= 4)   // 08b, 12a, 12b, 12c at least
    }

    static let rowsLesson = """
    title: t
    model:
      n_x: 2
      n_a: 2
      n_y: 1
      g1: tanh
      g2: sigmoid
      weights:
        Waa:
          - [0.5, -0.25]
          - [0.1, 0.2]
        Wax:
          - [1, 0]
          - [0, 1e-3]
        Wya:
          - [1, -1]
        ba: [0.25, -2.5E+1]
        by: [0]
    architecture: many-to-many
    sequence:
      x: [[1, 0], [0, 1], [1, 1]]
      y: [1, 0, 1]
    script:
      - say: Hello
    """

    /// Rows are taken out where they are plain numbers, and the lesson is the same.
    @Test func rowsAreTakenOutAndReadTheSame() throws {
        let (text, rows) = try #require(NumberRows.extract(Self.rowsLesson))
        #expect(rows.rows[10] == [0.5, -0.25] && rows.rows[14] == [0, 1e-3] && rows.rows[17] == [0.25, -25] && rows.rows.count == 7)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == Self.rowsLesson.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(text.contains("\n      - []\n") && text.contains("    ba: []\n"))
        let (fast, slow) = Self.both(Self.rowsLesson)
        #expect(fast.lesson?.rnn == slow.lesson?.rnn && fast.lesson != nil)
        let crlf = Self.rowsLesson.replacingOccurrences(of: "\n", with: "\r\n")
        let (fastCR, slowCR) = Self.both(crlf)
        #expect(fastCR.lesson?.rnn == slowCR.lesson?.rnn && fastCR.lesson?.rnn == fast.lesson?.rnn)
    }

    /// Each mistake in a row says exactly what it says without the shortcut.
    @Test(arguments: [
        ("      - [0.1, 0.2]", "      - [0.1, x]"),          // a word
        ("      - [0.1, 0.2]", "      - [0.1, .nan]"),       // not finite
        ("      - [0.1, 0.2]", "      - [0.1]"),             // a short row
        ("      - [0.1, 0.2]", "      - [0.1, 0.2, 0.3]"),   // a long row
        ("      - [0.1, 0.2]", "      - [0.1, 1e999]"),      // overflows
        ("      - [0.1, 0.2]", "      - [0.1, 0.2] # two"),  // a comment
        ("      - [0.1, 0.2]", "      - [0.1, \"0.2\"]"),    // a quoted number
        ("      - [0.1, 0.2]", "      - [0.1, ]"),           // an empty item
        ("      - [0.1, 0.2]", "        - [0.1, 0.2]"),      // indented deeper than its sibling
        ("    ba: [0.25, -2.5E+1]", "    ba: [0.25]"),       // a short vector
        ("    ba: [0.25, -2.5E+1]", "    ba: [0.25, 1_0]"),  // digit separators: left to YAML
        ("    by: [0]", "    by: [0, 1]"),
        ("      - [1, -1]", "      - [1, -1]]"),           // a stray bracket
    ])
    func mistakesSayTheSame(_ change: (String, String)) throws {
        #expect(Self.rowsLesson.contains(change.0 + "\n"))
        let text = Self.rowsLesson.replacingOccurrences(of: change.0 + "\n", with: change.1 + "\n")
        let (fast, slow) = Self.both(text)
        #expect(Self.rendered(fast) == Self.rendered(slow))
        #expect(fast.lesson?.rnn == slow.lesson?.rnn)
    }
}
