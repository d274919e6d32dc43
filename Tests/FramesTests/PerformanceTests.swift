import Explorer
import Frames
import Lessons
import TextGrid
import Testing

/// Rendering does layout only (the state precomputes the numbers). The budget is 2 ms per
/// frame at 120×40 in a release build; a debug build is allowed much more.
@Suite struct PerformanceTests {
    /// n_a = 16 over a 29-character vocabulary, T = 25: the size of the char-level lessons.
    static let yaml = """
        title: "big"
        model: {n_x: 29, n_a: 16, n_y: 29, g1: tanh, g2: softmax, init: {seed: 3}}
        architecture: many-to-many
        sequence: {vocab: "abcdefghijklmnopqrstuvwxyz ,\\n", text: "hello world, said the rnn\\n"}
        script: [{say: "x"}]
        """

    @Test func rendersAShippedSizeLessonQuickly() throws {
        guard case .success(let lesson) = LessonLoader.load(text: Self.yaml, path: "big.yaml") else {
            Issue.record("the big lesson does not load")
            return
        }
        let state = ExplorerState(lesson: lesson).after(.nextStep, .nextStep)
        let frames = [state.frame(), state.after(.startBackward).frame()]
        let size = Size(width: 120, height: 40)
        for frame in frames { _ = FrameRenderer.render(frame, size: size, depth: .ansi256) }  // warm up
        let rounds = 50
        let elapsed = ContinuousClock().measure {
            for _ in 0..<rounds {
                for frame in frames { _ = FrameRenderer.render(frame, size: size, depth: .ansi256) }
            }
        }
        let perFrame = elapsed / (rounds * frames.count)
        print("FrameRenderer.render at 120×40, n_a = 16, vocab of 29: \(perFrame) per frame")
        #expect(perFrame < .milliseconds(100))
    }
}
