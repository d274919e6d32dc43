import Explorer
import Foundation
import Frames
import Lessons
import TextGrid
import Testing

/// The first and last slide of every shipped lesson, in English and Chinese, at 100×30, as
/// plain text snapshots (`Snapshots/lesson-NAME-first-en-100x30.txt` …), so a change to a
/// lesson or to the screen shows up as a readable diff.
@Suite struct LessonSnapshotTests {
    static let lessonsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons").path

    static func shipped() throws -> [String] {
        try LessonLoader.discover(directory: lessonsDirectory).get()
    }

    @Test func everyShippedLessonFirstAndLastSlide() throws {
        let paths = try Self.shipped()
        #expect(paths.count >= 12)
        for path in paths {
            let lesson = try LessonLoader.load(path: path).get()
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            for language in Language.allCases {
                var first = ExplorerState(lesson: lesson, language: language)
                #expect(first.open(slide: 1) == nil)
                var last = first
                #expect(last.open(slide: lesson.script.count) == nil)
                for (which, state) in [("first", first), ("last", last)] {
                    let grid = FrameRenderer.render(state.viewModel(), size: Size(width: 100, height: 30), depth: .none)
                    Snapshot.check(grid.plainText(), named: "lesson-\(name)-\(which)-\(language.rawValue)-100x30")
                }
            }
        }
    }
}
