import Explorer
import Export
import Foundation
import Frames
import Lessons
import TextGrid
import Testing

/// Shipped lessons and their frames, for the export tests.
enum ExportFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func lesson(_ name: String) throws -> Lesson {
        switch LessonLoader.load(path: root.appendingPathComponent("lessons/\(name).yaml").path) {
        case .success(let lesson): return lesson
        case .failure(let errors): throw Failure(description: errors.rendered)
        }
    }

    /// The lesson's walk (every step) drawn at `size` for `depth`, with each stop's slide number.
    static func frames(_ name: String, language: Language = .en, steps: Bool = true, size: Size = Size(width: 100, height: 30),
                       depth: ColorDepth = .ansi256) throws -> [ExportFrame] {
        let start = ExplorerState(lesson: try lesson(name), language: language)
        return start.walk(steps: steps).map { stop in
            let frame = stop.state.viewModel()
            return ExportFrame(grid: FrameRenderer.render(frame, size: size, depth: depth), slide: frame.lesson?.index,
                               label: frame.header.step, text: frame.lesson?.text ?? "")
        }
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
