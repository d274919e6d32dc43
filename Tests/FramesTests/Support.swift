import Explorer
import Foundation
import Lessons
import TextGrid
import Testing

/// Fixture lessons and states for the frame tests.
enum FrameFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func lesson(_ name: String = "tiny") throws -> Lesson {
        let path = directory.appendingPathComponent("Fixtures/\(name).yaml").path
        switch LessonLoader.load(path: path) {
        case .success(let lesson): return lesson
        case .failure(let errors): throw FixtureError(message: "\(errors)")
        }
    }

    static func state(language: Language = .en) throws -> ExplorerState {
        ExplorerState(lesson: try lesson(), language: language)
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

extension ExplorerState {
    func after(_ actions: Action...) -> ExplorerState { actions.reduce(self) { $0.updated($1) } }
}
