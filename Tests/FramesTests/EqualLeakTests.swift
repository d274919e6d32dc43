import Explorer
import Foundation
import Frames
import Lessons
import RNNCore
import Testing

/// A question's answer shown under another name: 09a slide 5 asks da<29>[0], and step 29 has no
/// target, so da<29> = 0 + da_next<29> (and da_prev<30> is da_next<29>).
@Suite struct EqualLeakTests {
    static func lesson09a(replacing old: String = "", with new: String = "") throws -> Lesson {
        let dir = LessonSnapshotTests.lessonsDirectory
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasPrefix("09a-") })
        let path = (dir as NSString).appendingPathComponent(name)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if !old.isEmpty { #expect(text.contains(old)); text = text.replacingOccurrences(of: old, with: new) }
        return try LessonLoader.load(text: text, path: path).get()
    }

    @Test func daNextIsMaskedWhereItEqualsTheAskedDa() throws {
        let lesson = try Self.lesson09a()
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 5)
        #expect(s.questionPending)
        let answer = try #require(s.trace.tensor(.da, t: 29))[0, 0]
        #expect(try #require(s.trace.tensor(.daNext, t: 29))[0, 0] == answer)   // the equality the mask is for
        let next = try #require(s.backwardPanel(29).terms.first { $0.symbol == .daNext })
        #expect(next.revealed && next.masked == [MatrixIndex(row: 0, col: 0)] && next.values[0, 0] == 0)
        let handed = try #require(s.backwardPanel(30).terms.first { $0.symbol == .daPrev })
        #expect(handed.masked == [MatrixIndex(row: 0, col: 0)] && handed.values[0, 0] == 0)
        #expect(QuestionAudit.equalLeaks(in: lesson).isEmpty)
        // answered: the mask goes
        for c in String(format: "%.2f", answer) { s.update(.typeAnswer(c)) }
        s.update(.submitAnswer)
        #expect(s.backwardPanel(29).terms.first { $0.symbol == .daNext }?.masked.isEmpty == true)
    }

    @Test func theAuditCatchesAnUnmaskedEqualTerm() throws {
        // the same question with a focus on the whole vector: nothing masks da_next<29>[0]
        let lesson = try Self.lesson09a(replacing: "focus: \"da<29>[0]\"", with: "focus: \"da<29>\"")
        let found = QuestionAudit.equalLeaks(in: lesson)
        #expect(found.contains { $0.slide == 5 && $0.message.contains("da_next<29>") })
        #expect(QuestionAudit.warnings(in: lesson).contains { $0.slide == 5 && $0.message.contains("da_next<29>") })
    }

    @Test func noShippedQuestionShowsItsAnswerUnderAnotherName() throws {
        for (name, lesson) in try QuestionAuditTests.shipped() {
            for f in QuestionAudit.equalLeaks(in: lesson) { Issue.record("\(name) \(f)") }
        }
    }
}
