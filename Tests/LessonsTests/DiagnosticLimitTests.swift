import Foundation
import Testing
import RNNCore
@testable import Lessons

/// A character lesson over vocab "ab" (n = 2) with this text and texts (Tests/Fixtures/lessons/chars-ab.yaml,
/// which the end-to-end tests use too).
func charLesson(text: String, texts: String) -> String {
    let fixture = (try? String(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/lessons/chars-ab.yaml"), encoding: .utf8)) ?? ""
    let body = fixture.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
    return body.replacingOccurrences(of: "  text: \"abab\"\n", with: "  text: \"\(text)\"\n  texts: \(texts)\n")
}

/// Issue 15 item 2 and issue 9's lesson-file diagnostics: capped, linear, located errors.
@Suite struct DiagnosticLimitTests {
    @Test func atMostFiveOfAKindThenHowManyMore() {
        #expect(problems(charLesson(text: "aRbRRRRRR", texts: "[\"ab\"]")) == """
        lesson.yaml:12:11: error: text[1] 'R' is not in vocab
          text: "aRbRRRRRR"
                  ^
        lesson.yaml:12:13: error: text[3] 'R' is not in vocab
          text: "aRbRRRRRR"
                    ^
        lesson.yaml:12:14: error: text[4] 'R' is not in vocab
          text: "aRbRRRRRR"
                     ^
        lesson.yaml:12:15: error: text[5] 'R' is not in vocab
          text: "aRbRRRRRR"
                      ^
        lesson.yaml:12:16: error: text[6] 'R' is not in vocab
          text: "aRbRRRRRR"
                       ^
        … and 2 more like it
        """)
    }

    /// 10 002 characters not in vocab, 20 000 non-numbers in one row: a few lines, not megabytes.
    @Test func thousandsOfBadItemsCostLittle() {
        let vocab = problems(charLesson(text: "a" + String(repeating: "R", count: 10_002), texts: "[\"ab\"]"))
        // (and the text is one step too long: that is said too)
        #expect(vocab.split(separator: "\n").count == 19)
        #expect(vocab.hasPrefix("lesson.yaml:12:9: error: text has 10003 characters; a lesson may have at most 10000 steps"))
        #expect(vocab.hasSuffix("… and 9997 more like it"))
        #expect(vocab.utf8.count < 3_000)
        let row = "[[" + Array(repeating: "q", count: 20_000).joined(separator: ", ") + "]]"
        let rows = problems(lesson(replacing: "  x: [[1, 0], [0, 1], [1, 1]]", with: "  x: " + row))
        #expect(rows.split(separator: "\n").count == 19)
        #expect(rows.hasSuffix("… and 19995 more like it"))
        #expect(rows.utf8.count < 4_000)
    }

    @Test func aLongLineIsQuotedAroundTheCaret() {
        let x = "  x: [" + Array(repeating: "[1, 0]", count: 40).joined(separator: ", ") + ", [1, q], [0, 1]]"
        #expect(problems(lesson(replacing: "  x: [[1, 0], [0, 1], [1, 1]]", with: x)) == """
        lesson.yaml:14:331: error: x[40][1] must be a number, got 'q'
        … [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, 0], [1, q], [0, 1]]
                                                                                                                      ^
        """)
    }

    @Test func atMostTwentyInAFile() {
        var list = DiagnosticList()
        for c in "abcdefghijklmnopqrstuvwxy" {
            list.add("problem \(c)") { Diagnostic(path: "l.yaml", location: nil, message: "problem \(c)") }
        }
        #expect(list.items.count == 20)
        #expect(list.unshownSummary(path: "l.yaml")?.rendered == "l.yaml: error: … and 5 more problems not shown; fix the ones above and check again")
        #expect(DiagnosticList.kind(of: "x[12][3] 'q' is bad") == DiagnosticList.kind(of: "x[7][0] 'r' is bad"))
        #expect(DiagnosticList.kind(of: "x[1] is bad") != DiagnosticList.kind(of: "y[1] is bad"))
    }

    @Test func falseChecksAreCappedToo() {
        let checks = (1...30).map { "\"a<1>[0] > \($0)\"" }.joined(separator: ", ")
        let out = problems(lesson(replacing: "    at: {t: 2}", with: "    check: [\(checks)]"))
        #expect(out.split(separator: "\n").count == 16)
        #expect(out.hasSuffix("… and 25 more like it"))
    }

    @Test func duplicateKeyPointsAtItsSecondOccurrence() {
        #expect(problems("title: x\nmodel:\n  n_x: 1\n  n_a: 1\n  n_y: 1\n  n_a: 2\n") == """
        lesson.yaml:6:3: error: duplicate key 'n_a': each key may appear once in a mapping; this is its second time
          n_a: 2
          ^
        """)
        #expect(problems("title: x\nmodel: {n_x: 1, n_x: 2}\n") == """
        lesson.yaml:2:17: error: duplicate key 'n_x': each key may appear once in a mapping; this is its second time
        model: {n_x: 1, n_x: 2}
                        ^
        """)
    }

    @Test func aTabSaysTabAndWhatToUse() {
        #expect(problems("title: x\nmodel:\n  n_x: 1\n\tn_a: 1\n") == """
        lesson.yaml:4:1: error: a tab character: YAML indents with spaces only; replace the tab with spaces
        \tn_a: 1
        ^
        """)
    }

    @Test func stepZeroNamesTheLessonsSteps() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    at: {t: 0}")) == """
        lesson.yaml:18:13: error: at: t = 0 is outside this lesson's steps 1…3
            at: {t: 0}
                    ^
        """)
    }

    static let known = "(known: x, a, z, zy, ŷ, yhat, y, L, stacked, Wa, Waa, Wax, Wya, ba, by, dy, da, dz, da_next, da_prev, da_out, dWa, dWaa, dWax, dba, dWya, dby, ΔdWa, ΔdWaa, ΔdWax, Δdba, ΔdWya, Δdby, and a<0>, da<0>)"

    /// An unknown quantity gets a did-you-mean among the documented names, and does not hide
    /// the other checks of the file.
    @Test func unknownQuantityDoesNotHideFalseChecks() {
        let text = lesson(replacing: "    at: {t: 2}", with: "    focus: \"da_prv<2>[0]\"\n    check: [\"da_prv<2>[0] > 0\", \"a<1>[0] > 0.9\"]")
        #expect(problems(text) == """
        lesson.yaml:18:12: error: focus: unknown quantity 'da_prv'; did you mean da_prev? \(Self.known)
            focus: "da_prv<2>[0]"
                   ^
        lesson.yaml:19:14: error: check "da_prv<2>[0] > 0": unknown quantity 'da_prv'; did you mean da_prev? \(Self.known)
            check: ["da_prv<2>[0] > 0", "a<1>[0] > 0.9"]
                     ^
        lesson.yaml:19:34: error: check "a<1>[0] > 0.9" is false: a<1>[0] = 0.7616
            check: ["da_prv<2>[0] > 0", "a<1>[0] > 0.9"]
                                         ^
        """)
    }

    /// A misspelt size or activation does not hide a wrongly sized weight.
    @Test func aModelErrorDoesNotHideAShapeError() {
        let waa = "    Waa: [[0.5, -0.25, 1], [0.1, 0.2, 1]]"
        let wrong = lesson(replacing: "    Waa: [[0.5, -0.25], [0.1, 0.2]]", with: waa)
        #expect(problems(wrong.replacingOccurrences(of: "  n_x: 2", with: "  nx: 2")) == """
        lesson.yaml:3:3: error: unknown key 'nx' in model; did you mean n_x?
          nx: 2
          ^
        lesson.yaml:9:10: error: Waa must be n_a × n_a (2 × 2), got 2 × 3
        \(waa)
                 ^
        """)
        #expect(problems(wrong.replacingOccurrences(of: "  g1: tanh", with: "  g1: tanhh")) == """
        lesson.yaml:6:7: error: g1 must be tanh or relu, got 'tanhh'; did you mean tanh?
          g1: tanhh
              ^
        lesson.yaml:9:10: error: Waa must be n_a × n_a (2 × 2), got 2 × 3
        \(waa)
                 ^
        """)
    }

    /// Issue 15 item 13: explicit tags are refused where they are.
    @Test func explicitTagsAreRefused() {
        let tagged = baseLesson.replacingOccurrences(of: "title: Tiny", with: "title: !!binary Tiny")
            .replacingOccurrences(of: "  g2: sigmoid", with: "  g2: !!str sigmoid")
        #expect(problems(tagged) == """
        lesson.yaml:1:8: error: explicit YAML tag '!!binary' is not allowed in lesson files; delete it (if this is text, put it in quotes)
        title: !!binary Tiny
               ^
        lesson.yaml:7:7: error: explicit YAML tag '!!str' is not allowed in lesson files; delete it (if this is text, put it in quotes)
          g2: !!str sigmoid
              ^
        """)
        for (old, new) in [("  n_x: 2", "  n_x: !!int 2"), ("  g1: tanh", "  g1: !!null tanh"), ("model:", "model: !local"),
                           ("    Wya: [[1, -1]]", "    Wya: !!seq [[1, -1]]")] {
            #expect(problems(lesson(replacing: old, with: new)).contains("explicit YAML tag"), "\(new)")
        }
        #expect(problems(lesson(replacing: "  - say: Hello", with: "  - say: \"!!int is a tag\"")) == "ok")
    }
}

/// Issue 15 items 3 and 12, issue 9's texts diagnostics: texts load in linear time, only from
/// regular files, with the caret on the bad character and a did-you-mean for a missing file.
@Suite struct TextsLimitTests {
    /// 100 000 short names (the lesson and the file stay under 1 MiB).
    static let names: [String] = (0..<100_000).map { ["ab", "ba", "aab", "abb", "bab"][$0 % 5] }

    @Test func hundredThousandTextsInline() throws {
        let list = "[" + Self.names.joined(separator: ", ") + "]"
        let lesson = try LessonLoader.load(text: charLesson(text: "abab", texts: list), path: "l.yaml").get()
        #expect(lesson.texts?.items.count == 100_000)
        #expect(lesson.texts?.items.last == Self.names.last)
    }

    @Test func hundredThousandTextsByFile() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.names.joined(separator: "\n").write(to: dir.appendingPathComponent("names.txt"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("l.yaml").path
        let lesson = try LessonLoader.load(text: charLesson(text: "abab", texts: "names.txt"), path: path).get()
        #expect(lesson.texts?.items.count == 100_000)
        #expect(lesson.texts?.file == "names.txt")
    }

    @Test func aCharacterNotInVocabHasTheCaretOnIt() {
        #expect(problems(charLesson(text: "abab", texts: "[\"ab\", \"aRb\", \"ba\"]")) == """
        lesson.yaml:13:19: error: texts[1] 'R' is not in vocab
          texts: ["ab", "aRb", "ba"]
                          ^
        """)
    }

    @Test func aMissingTextsFileSuggestsOneBesideTheLesson() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "ab\nba\n".write(to: dir.appendingPathComponent("names.txt"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("l.yaml").path
        #expect(problems(charLesson(text: "abab", texts: "nmes.txt"), path: path) == """
        \(path):13:10: error: texts file \(dir.path)/nmes.txt: no such file (did you mean names.txt?); give a plain-text file beside the lesson, one text per line
          texts: nmes.txt
                 ^
        """)
    }

    /// A FIFO or a device would block the loader: only regular files are read.
    @Test func onlyRegularFilesAreRead() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let path = dir.appendingPathComponent("l.yaml").path
        for (texts, shown) in [("pipe", fifo), ("/dev/stdin", "/dev/stdin"), ("/dev/tty", "/dev/tty"), ("/dev/zero", "/dev/zero")] {
            let out = problems(charLesson(text: "abab", texts: texts), path: path)
            #expect(out.hasPrefix("\(path):13:10: error: texts file \(shown): is not a regular file (a pipe, a device or a socket)")
                    || out.contains("no such file"), "\(texts): \(out)")
        }
    }
}
