import Testing
import RNNCore
@testable import Lessons

/// A character lesson's one-hot rows: one vector per character of vocab, shared by every step
/// that has that character (T rows of n_x numbers each would be 80 MB at the format's limits).
@Suite struct SharedRowsTests {
    @Test func stepsWithTheSameCharacterShareOneRow() throws {
        let text = """
        title: t
        model: {n_x: 3, n_a: 2, n_y: 3, g1: tanh, g2: softmax, init: {seed: 1, scale: 0.1}}
        architecture: many-to-many
        sequence: {vocab: "abc", text: "abcabca"}
        script:
          - say: s
        """
        let lesson = try LessonLoader.load(text: text, path: "t.yaml").get()
        let x = lesson.episode.x, y = lesson.episode.y.compactMap { $0 }
        func address(_ v: [Double]) -> UnsafeRawPointer? { v.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(x[0] == [1, 0, 0] && x[1] == [0, 1, 0] && y[0] == [0, 1, 0] && y[5] == [1, 0, 0])
        #expect(address(x[0]) == address(x[3]) && address(x[1]) == address(x[4]))   // 'a' at t = 1, 4; 'b' at 2, 5
        #expect(address(y[0]) == address(x[1]))   // y<1> = x<2> = one-hot('b')
        #expect(address(x[0]) != address(x[1]))
        #expect(lesson.episode.inputLabels == ["a", "b", "c", "a", "b", "c"] && lesson.episode.targetLabels.last == "a")
    }
}
