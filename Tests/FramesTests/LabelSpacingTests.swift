import Explorer
import Foundation
import Frames
import Lessons
import RNNCore
import TextGrid
import Testing

/// Two terms with no operator between them (a running sum `dWr, sum of steps 30…1 2×4`, then
/// `Δdbr<1> 2`) keep a column between their labels: gated backward panels, en and zh, at every
/// supported size.
@Suite struct LabelSpacingTests {
    @Test(arguments: ["10-gru.yaml", "11-lstm.yaml"])
    func runningSumLabelsNeverTouchTheNextLabel(_ name: String) throws {
        let lesson = try LessonLoader.load(path: LessonSnapshotTests.lessonsDirectory + "/" + name).get()
        let touching = try Regex("[0-9?]Δ|之和=|之和Δ|[0-9]=")
        for language in Language.allCases {
            var state = ExplorerState(lesson: lesson, language: language)
            state.revealAll()
            for t in [1, 2] {
                #expect(state.go(phase: .backward, t: t) == nil)
                for size in [Size(width: 120, height: 40), Size(width: 100, height: 30), Size(width: 80, height: 24)] {
                    let lines = FrameRenderer.render(state.viewModel(), size: size, depth: .none).plainText()
                    for line in lines where line.contains(touching) {
                        Issue.record("\(name) \(language) t=\(t) \(size.width)×\(size.height): \(line)")
                    }
                }
            }
        }
    }
}
