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

    /// `unroll new --cell gru|lstm`: a gated lesson (no g1) that passes `check --strict`, for every
    /// architecture and a few sizes, whose first slide shows the cell's gates.
    @Test(arguments: Architecture.allCases)
    func aNewGatedLessonPassesCheckStrict(_ architecture: Architecture) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-new-gated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for cell in [GatedCell.gru, .lstm] {
            for (nx, na, ny) in [(3, 2, 1), (1, 1, 1), (5, 4, 3)] {
                let text = try LessonSkeleton.make(architecture: architecture, cell: cell.rawValue, nx: nx, na: na, ny: ny, seed: 7).get()
                #expect(!text.contains("g1:"), "\(cell): a gated lesson has no g1")
                let file = dir.appendingPathComponent("\(cell)-\(nx)-\(na)-\(ny).yaml")
                try Data(text.utf8).write(to: file)
                let r = LessonChecker.report(paths: [file.path], strict: true)
                #expect(r.exitCode == 0 && r.problems.isEmpty, "\(cell) \(architecture) \(nx) \(na) \(ny): \(r.problems)")
                let lesson = try LessonLoader.load(path: file.path).get()
                #expect(lesson.cell == cell.kind)
                #expect(lesson.gated?.shape == GatedShape(cell: cell, nx: nx, na: na, ny: ny, g2: ny == 1 ? .sigmoid : .softmax))
                #expect(lesson.script.count == 2 && lesson.script[1].ask != nil && lesson.script[1].focus != nil)
                let shown = lesson.script[0].show ?? []
                for s in [Symbol.gammaU, .cTilde, .c, .Wc] { #expect(shown.contains(s), "\(cell): \(s) shown on slide 1") }
            }
        }
    }

    @Test func aCellTheEngineDoesNotHaveIsAnError() {
        guard case .failure(let e) = LessonSkeleton.make(architecture: .manyToOne, cell: "transformer", nx: 1, na: 1, ny: 1, seed: 0) else {
            Issue.record("a skeleton with cell transformer loaded"); return
        }
        #expect(e.diagnostics.first?.message.contains("cell") == true)
    }
}
