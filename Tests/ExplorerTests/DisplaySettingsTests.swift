import Explorer
import Foundation
import Lessons
import RNNCore
import Testing

/// `display: {digits, class_names}` in a lesson file, as the explorer uses it.
@Suite struct DisplaySettingsTests {
    let text = """
    title: Three classes
    display: {digits: 4, class_names: [cat, dog, fish]}
    model: {n_x: 1, n_a: 2, n_y: 3, g1: tanh, g2: softmax, init: {seed: 3}}
    architecture: many-to-many
    sequence: {x: [[1], [0]], y: [2, 0]}
    script:
      - say: Hello
    """

    @Test func digitsAndClassNamesReachTheScreen() throws {
        let lesson = try LessonLoader.load(text: text, path: "l.yaml").get()
        #expect(lesson.display == DisplaySettings(digits: 4, classNames: ["cat", "dog", "fish"]))
        let state = ExplorerState(lesson: lesson)
        #expect(state.numbers.digits == 4)
        #expect(ExplorerState(lesson: lesson, digits: 1).numbers.digits == 1)   // --digits wins
        // a model whose t = 1 output favours class 2 and whose t = 2 output is uniform (`·`: none stands out)
        let clear = try LessonLoader.load(text: text.replacingOccurrences(of: "init: {seed: 3}",
            with: "weights: {Waa: [[0, 0], [0, 0]], Wax: [[1], [0]], Wya: [[0, 0], [0, 0], [3, 0]], ba: [0, 0], by: [0, 0, 0]}"), path: "l.yaml").get()
        let shown = ExplorerState(lesson: clear).after(.lastStep).viewModel().timeline.items.compactMap(\.outputLabel)
        #expect(shown == ["fish", "·"])
    }

    @Test func inspectNamesTheClassOfASoftmaxOutput() throws {
        let lesson = try LessonLoader.load(text: text, path: "l.yaml").get()
        let en = ExplorerState(lesson: lesson).explain(EntryRef(symbol: .yHat, t: 1, row: 1))
        #expect(en.last == "the probability of class 'dog'")
        #expect(ExplorerState(lesson: lesson, language: .zh).explain(EntryRef(symbol: .yHat, t: 2, row: 2)).last == "类别 'fish' 的概率")
        // without class_names the explanation ends with the number
        let plain = try LessonLoader.load(text: text.replacingOccurrences(of: ", class_names: [cat, dog, fish]", with: ""), path: "l.yaml").get()
        #expect(!ExplorerState(lesson: plain).explain(EntryRef(symbol: .yHat, t: 1, row: 1)).contains { $0.contains("class") })
    }

    @Test func oneNamePerOutputUnit() {
        let wrong = text.replacingOccurrences(of: "[cat, dog, fish]", with: "[cat, dog]")
        guard case .failure(let e) = LessonLoader.load(text: wrong, path: "l.yaml") else { Issue.record("loaded"); return }
        #expect(e.rendered == """
        l.yaml:2:35: error: display.class_names has 2 names, but the output has n_y = 3 units: give one name per unit
        display: {digits: 4, class_names: [cat, dog]}
                                          ^
        """)
    }
}
