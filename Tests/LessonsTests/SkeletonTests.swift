import Foundation
import RNNCore
import Testing
@testable import Lessons

/// `unroll new`: every architecture, a few sizes: the file loads and passes `check --strict`.
@Suite struct SkeletonTests {
    @Test(arguments: Architecture.allCases)
    func aNewLessonPassesCheckStrict(_ architecture: Architecture) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (nx, na, ny) in [(3, 2, 1), (1, 1, 1), (5, 4, 3)] {
            let text = try LessonSkeleton.make(architecture: architecture, cell: "rnn", nx: nx, na: na, ny: ny, seed: 7).get()
            let file = dir.appendingPathComponent("\(nx)-\(na)-\(ny).yaml")
            try Data(text.utf8).write(to: file)
            let r = LessonChecker.report(paths: [file.path], strict: true)
            #expect(r.exitCode == 0 && r.problems.isEmpty, "\(architecture) \(nx) \(na) \(ny): \(r.problems)")
            let lesson = try LessonLoader.load(path: file.path).get()
            #expect(lesson.rnn.shape.nx == nx && lesson.rnn.shape.na == na && lesson.rnn.shape.ny == ny)
            #expect(lesson.script.count == 2 && lesson.script[1].ask != nil && lesson.script[1].focus != nil)
            #expect(lesson.title.zh != nil)
        }
    }

    @Test func aCellTheEngineDoesNotHaveIsAnError() {
        guard case .failure(let e) = LessonSkeleton.make(architecture: .manyToOne, cell: "transformer", nx: 1, na: 1, ny: 1, seed: 0) else {
            Issue.record("a skeleton with cell transformer loaded"); return
        }
        #expect(e.diagnostics.first?.message.contains("cell") == true)
    }
}
