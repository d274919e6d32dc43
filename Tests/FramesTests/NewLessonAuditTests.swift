import Foundation
import Frames
import Lessons
import RNNCore
import Testing

/// `unroll new` promises a lesson that passes `check --strict`, screen rules included: every
/// architecture × cell at the sizes a tester swept (17 of these 60 used to fail: the question's
/// ŷ value repeated on the timeline at an earlier step, or printed by another entry on screen).
@Suite struct NewLessonAuditTests {
    static let sizes = [(1, 1, 1), (2, 3, 2), (3, 2, 1), (4, 5, 3)]

    @Test(arguments: Architecture.allCases)
    func everyNewLessonPassesCheckStrictWithTheScreenRules(_ architecture: Architecture) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-new-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for cell in ["rnn", "gru", "lstm"] {
            for (nx, na, ny) in Self.sizes {
                let text = try LessonSkeleton.make(architecture: architecture, cell: cell, nx: nx, na: na, ny: ny, seed: 1,
                                                   screenRules: QuestionAudit.warnings).get()
                let file = dir.appendingPathComponent("\(cell)-\(nx)-\(na)-\(ny).yaml")
                try Data(text.utf8).write(to: file)
                let r = LessonChecker.report(paths: [file.path], strict: true, screenRules: QuestionAudit.warnings)
                #expect(r.exitCode == 0, "unroll new --architecture \(architecture.rawValue) --cell \(cell) --n-x \(nx) --n-a \(na) --n-y \(ny): \(r.problems)")
            }
        }
    }

    /// The many-to-many 1-1-1 lesson that leaked (ŷ<1> = ŷ<3> = 0.53 on the timeline) now asks
    /// about a ŷ whose value the screen does not show, and states it as a check.
    @Test func theQuestionMovesOffARepeatedValue() throws {
        let text = try LessonSkeleton.make(architecture: .manyToMany, cell: "rnn", nx: 1, na: 1, ny: 1, seed: 1,
                                           screenRules: QuestionAudit.warnings).get()
        let lesson = try LessonLoader.load(text: text, path: "n.yaml").get()
        let ask = try #require(lesson.script.last)
        #expect(ask.ask != nil && ask.focus?.symbol == .yHat)
        #expect(QuestionAudit.warnings(in: lesson).isEmpty)
    }
}
