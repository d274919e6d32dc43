import Testing
@testable import Lessons

/// Each error class of the `model:` section, asserted whole: message, line:column and caret.
@Suite struct ModelErrorTests {
    @Test func unknownKeySuggestsTheCloseOne() {
        #expect(problems(lesson(replacing: "  g1: tanh", with: "  g_1: tanh")) == """
        lesson.yaml:6:3: error: unknown key 'g_1' in model; did you mean g1?
          g_1: tanh
          ^
        """)
    }

    @Test func unknownKeyFarFromAnyListsTheKnownOnes() {
        #expect(problems(lesson(replacing: "title: Tiny", with: "title: Tiny\ncolour: red")) == """
        lesson.yaml:2:1: error: unknown key 'colour' in the lesson (known: title, summary, notes, model, architecture, sequence, script, display)
        colour: red
        ^
        """)
    }

    @Test func matrixOfTheWrongShape() {
        #expect(problems(lesson(replacing: "    Waa: [[0.5, -0.25], [0.1, 0.2]]", with: "    Waa: [[0.5], [0.1]]")) == """
        lesson.yaml:9:10: error: Waa must be n_a × n_a (2 × 2), got 2 × 1
            Waa: [[0.5], [0.1]]
                 ^
        """)
    }

    @Test func raggedRowIsPointedAt() {
        #expect(problems(lesson(replacing: "    Wax: [[1, 0], [0, 1]]", with: "    Wax: [[1, 0], [0, 1, 2]]")) == """
        lesson.yaml:10:19: error: Wax[1] has 3 numbers, but Wax must be n_a × n_x (2 × 2)
            Wax: [[1, 0], [0, 1, 2]]
                          ^
        """)
    }

    @Test func nanIsRefusedAtItsPlace() {
        #expect(problems(lesson(replacing: "    Wya: [[1, -1]]", with: "    Wya: [[1, .nan]]")) == """
        lesson.yaml:11:15: error: Wya[0][1] must be a finite number, got .nan
            Wya: [[1, .nan]]
                      ^
        """)
    }

    @Test func sizeOverTheLimit() {
        #expect(problems(lesson(replacing: "  n_a: 2", with: "  n_a: 2000")) == """
        lesson.yaml:4:8: error: n_a must be a whole number from 1 to 1024, got 2000
          n_a: 2000
               ^
        """)
    }

    @Test func initAndWeightsAreExclusive() {
        #expect(problems(lesson(replacing: "  weights:", with: "  init: {seed: 1}\n  weights:")) == """
        lesson.yaml:9:3: error: init and weights are exclusive: give one of them
          weights:
          ^
        """)
    }

    @Test func unknownCellSuggests() {
        #expect(problems(lesson(replacing: "  n_x: 2", with: "  cell: grue\n  n_x: 2")) == """
        lesson.yaml:3:9: error: cell must be one of rnn, gru, lstm, got 'grue'; did you mean gru?
          cell: grue
                ^
        """)
    }

    @Test func unknownActivationSuggests() {
        #expect(problems(lesson(replacing: "  g2: sigmoid", with: "  g2: sigmod")) == """
        lesson.yaml:7:7: error: g2 must be sigmoid or softmax, got 'sigmod'; did you mean sigmoid?
          g2: sigmod
              ^
        """)
    }

    @Test func missingRequiredKeyIsReportedAtTheMapping() {
        #expect(problems(lesson(replacing: "  n_y: 1\n", with: "")) == """
        lesson.yaml:3:3: error: model needs n_y (the size of ŷ<t>)
          n_x: 2
          ^
        """)
    }

    @Test func everyProblemIsReportedInFileOrder() {
        let text = lesson(replacing: "  n_a: 2", with: "  n_a: two")
            .replacingOccurrences(of: "  g1: tanh", with: "  g1: sin")
            .replacingOccurrences(of: "  x: [[1, 0], [0, 1], [1, 1]]", with: "  x: [[1, 0], [0, 1], [1, .inf]]")
        #expect(problems(text) == """
        lesson.yaml:4:8: error: n_a must be a whole number from 1 to 1024, got 'two'
          n_a: two
               ^
        lesson.yaml:6:7: error: g1 must be tanh or relu, got 'sin'
          g1: sin
              ^
        lesson.yaml:14:27: error: x[2][1] must be a finite number, got .inf
          x: [[1, 0], [0, 1], [1, .inf]]
                                  ^
        """)
    }
}
