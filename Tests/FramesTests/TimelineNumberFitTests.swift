import Explorer
import Foundation
import Frames
import Lessons
import TextGrid
import Testing

/// A timeline box too narrow for its line shortens words, never a number: lesson 12c's tiny
/// losses (9.4e-6) at 80×24 in Chinese once read `9.4…`, which looks like 9.4.
@Suite struct TimelineNumberFitTests {
    @Test(arguments: Language.allCases)
    func noNumberIsCutInTheTimeline(language: Language) throws {
        let lesson = try LessonLoader.load(path: "\(LessonSnapshotTests.lessonsDirectory)/12c-lstm.yaml").get()
        for slide in 1...lesson.script.count {
            var state = ExplorerState(lesson: lesson, language: language)
            #expect(state.open(slide: slide) == nil)
            let grid = FrameRenderer.render(state.viewModel(), size: Size(width: 80, height: 24), depth: .none)
            let timeline = grid.plainText().prefix(6)
            for line in timeline {
                #expect(line.range(of: #"[0-9]…"#, options: .regularExpression) == nil,
                        "slide \(slide): a number is cut in \(line)")
            }
        }
    }
}
