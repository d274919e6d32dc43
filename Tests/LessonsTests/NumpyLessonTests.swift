import Foundation
import RNNCore
import Testing
@testable import Lessons

/// `weights: {file: …npz}` and `x: {file: …npz}` in a lesson (fixtures made by numpy).
@Suite struct NumpyLessonTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/NumpyTests/Fixtures").path

    func lessonText(_ file: String, example: Int) -> String {
        """
        title: From numpy
        model:
          n_x: 3
          n_a: 2
          n_y: 1
          g1: tanh
          g2: sigmoid
          weights: {file: \(fixtures)/\(file), example: \(example)}
        architecture: many-to-one
        sequence:
          x: {file: \(fixtures)/\(file), example: \(example)}
          y: [1]
        script:
          - say: Hello
        """
    }

    @Test func theNotebooksArraysAndOneExampleOfItsBatch() throws {
        let lesson = try LessonLoader.load(text: lessonText("notebook.npz", example: 1), path: "l.yaml").get()
        let p = lesson.rnn.params
        #expect(p.Waa == Matrix([[0.5, -0.25], [0.125, 0.75]]))
        #expect(p.ba == [0.1, -0.2] && p.by == [0.3])
        #expect(p.a0 == [0.5, -0.5])                       // column 1 of a0 (n_a, m)
        // x (n_x, m, T_x) = arange/10: x<t>[i] = ((i·m + 1)·T_x + t − 1) / 10
        #expect(lesson.episode.x.count == 4)
        #expect(lesson.episode.x[0] == [0.4, 1.6, 2.8])
        #expect(lesson.episode.x[3] == [0.7, 1.9, 3.1])
    }

    @Test func errorsNameTheArrayAndItsShape() {
        let text = lessonText("wrong-shape.npz", example: 0)
        let shown = "  weights: {file: \(fixtures)/wrong-shape.npz, example: 0}"
        let a = LessonLoader.analyse(text: text, path: "l.yaml")
        #expect(a.diagnostics.first?.rendered == """
        l.yaml:8:19: error: weights.file \(fixtures)/wrong-shape.npz: Waa has shape (1, 2), but Waa must be n_a × n_a = (2, 2)
        \(shown)
                          ^
        """)
        let outside = LessonLoader.analyse(text: lessonText("notebook.npz", example: 3), path: "l.yaml")
        #expect(outside.diagnostics.map(\.message) == [
            "weights.file \(fixtures)/notebook.npz: example 3 is outside a0's 3 examples (2, 3)",
            "x.file \(fixtures)/notebook.npz: example 3 is outside x's 3 examples (3, 3, 4)",
        ])
    }
}
