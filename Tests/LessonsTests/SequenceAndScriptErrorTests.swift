import Testing
@testable import Lessons

/// Error classes of `sequence:` and `script:`, asserted whole.
@Suite struct SequenceAndScriptErrorTests {
    @Test func notANumber() {
        #expect(problems(lesson(replacing: "  x: [[1, 0], [0, 1], [1, 1]]", with: "  x: [[1, 0], [0, 1], [1, abc]]")) == """
        lesson.yaml:14:27: error: x[2][1] must be a number, got 'abc'
          x: [[1, 0], [0, 1], [1, abc]]
                                  ^
        """)
    }

    @Test func sigmoidTargetOutOfRange() {
        #expect(problems(lesson(replacing: "  y: [1, 0, 1]", with: "  y: [1, 0, 2]")) == """
        lesson.yaml:15:13: error: y[2] must be in [0, 1] for sigmoid, got 2
          y: [1, 0, 2]
                    ^
        """)
    }

    @Test func architectureDoesNotFitTheSequence() {
        #expect(problems(lesson(replacing: "architecture: many-to-many", with: "architecture: many-to-one")) == """
        lesson.yaml:15:6: error: architecture: many-to-one needs Tx ≥ 1 inputs and exactly one target, got Tx = 3, Ty = 3
          y: [1, 0, 1]
             ^
        """)
    }

    @Test func textCharacterNotInVocab() {
        let text = """
        title: Chars
        model: {n_x: 3, n_a: 2, n_y: 3, g1: tanh, g2: softmax, init: {seed: 1}}
        architecture: many-to-many
        sequence: {vocab: "abc", text: "abxa"}
        script:
          - say: Hi
        """
        #expect(problems(text) == """
        lesson.yaml:4:35: error: text[2] 'x' is not in vocab
        sequence: {vocab: "abc", text: "abxa"}
                                          ^
        """)
    }

    @Test func stepOutOfRange() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    at: {t: 9}")) == """
        lesson.yaml:18:13: error: at: t = 9 is outside this lesson's steps 1…3
            at: {t: 9}
                    ^
        """)
    }

    @Test func focusOutOfRange() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    focus: \"a<2>[5]\"")) == """
        lesson.yaml:18:12: error: focus: 'a<2>[5]' is out of range (2 entries, indices 0…1)
            focus: "a<2>[5]"
                   ^
        """)
    }

    @Test func answerOutOfRange() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    ask: {question: Q, choices: [a, b, c], answer: 4}")) == """
        lesson.yaml:18:52: error: answer (the number of the right choice) must be a whole number from 1 to 3, got 4
            ask: {question: Q, choices: [a, b, c], answer: 4}
                                                           ^
        """)
    }

    @Test func whyNeedsOneExplanationPerChoice() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    ask: {question: Q, choices: [a, b, c], answer: 1, why: [x, y]}")) == """
        lesson.yaml:18:60: error: why must have one explanation per choice (3), got 2
            ask: {question: Q, choices: [a, b, c], answer: 1, why: [x, y]}
                                                                   ^
        """)
        let ok = lesson(replacing: "    at: {t: 2}", with: "    ask: {question: Q, choices: [a, b], answer: 1, why: [x, {en: y, zh: 乙}]}")
        guard case .success(let l) = LessonLoader.load(text: ok, path: "lesson.yaml") else { Issue.record("does not load"); return }
        #expect(l.script[0].ask?.why == [LocalizedText(en: "x"), LocalizedText(en: "y", zh: "乙")])
    }

    @Test func targetLabelsTranslate() {
        let text = lesson(replacing: "  y: [1, 0, 1]", with: "  y: [1, 0, 1]\n  target_labels: [{en: name, zh: 人名}, \"-\", name]")
        guard case .success(let l) = LessonLoader.load(text: text, path: "lesson.yaml") else { Issue.record("does not load"); return }
        #expect(l.episode.targetLabels == ["name", "-", "name"])
        #expect(l.labelsZh?.targets == ["人名", "-", "name"])
    }

    @Test func unknownPanel() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    show: [Wa, Wx]")) == """
        lesson.yaml:18:16: error: show: unknown panel 'Wx'; did you mean Wa?
            show: [Wa, Wx]
                       ^
        """)
    }

    @Test func caretUnderWideCharacters() {
        #expect(problems(lesson(replacing: "title: Tiny", with: "title: {zh: 小小的网络, en: Tiny, fr: Petit}")) == """
        lesson.yaml:1:30: error: unknown key 'fr' in title (known: en, zh)
        title: {zh: 小小的网络, en: Tiny, fr: Petit}
                                          ^
        """)
    }

    @Test func yamlSyntaxError() {
        #expect(problems(lesson(replacing: "  n_y: 1", with: "  n_y: [1")) == """
        lesson.yaml:6:5: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 5, column 8)
          g1: tanh
            ^
        """)
    }

    @Test func controlCharactersNeverReachTheScreen() throws {
        let text = lesson(replacing: "  - say: Hello", with: "  - say: \"Hi \\e[31mred\\e[0m \\u0085there\\nnext\"")
        let loaded = try LessonLoader.load(text: text, path: "lesson.yaml").get()
        #expect(loaded.script[0].say.en == "Hi [31mred[0m there\nnext")
    }
}
