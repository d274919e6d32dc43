import Foundation
import Lessons
import Testing
@testable import Explorer

/// A lesson is finished once its last slide has been reached, and stays finished: the summary's
/// jump keys, `p`, a quit and reopen, or starting over do not take the picker's ✓ away.
@Suite struct FinishedTests {
    @Test func leavingTheLastSlideKeepsTheLessonFinished() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 1)
        #expect(!s.progress.finished)
        _ = s.open(slide: lesson.script.count)
        #expect(s.progress.finished)
        s.update(.answer(1))   // the summary's first missed question: slide 5
        #expect(s.slide == 4 && s.progress.finished)
        s.update(.previousSlide)
        #expect(s.slide == 3 && s.progress.finished)
        // quit and reopen: Enter continues (at slide 4), still finished; leaving again keeps it
        let saved = s.progress
        var again = ExplorerState(lesson: lesson)
        again.update(.offerResume(saved))
        again.update(.resumeProgress)
        #expect(again.slide == 3 && again.progress.finished)
        again.update(.previousSlide)
        #expect(again.progress.finished)
        // start over: back to slide 1, but the lesson was finished once
        var fresh = ExplorerState(lesson: lesson)
        fresh.update(.offerResume(saved))
        fresh.update(.startOver)
        #expect(fresh.slide == 0 && fresh.progress.finished)
    }

    @Test func aLessonNotYetFinishedIsNotMarked() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: lesson.script.count - 1)
        s.update(.previousSlide)
        #expect(!s.progress.finished)
        var again = ExplorerState(lesson: lesson)
        again.update(.offerResume(s.progress))
        again.update(.resumeProgress)
        #expect(!again.progress.finished)
    }
}

/// `--digits` changes the screen, not how a typed answer is graded: 02 slide 6 asks z<2>[0]
/// "with 2 decimals", so 0.71 is right whatever the display shows.
@Suite struct GradingDigitsTests {
    func typing(_ s: String) -> [Action] { s.map { Action.typeAnswer($0) } + [.submitAnswer] }

    @Test func theDisplayOptionDoesNotChangeTheGrading() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        for digits in [nil, 1, 2, 4, 6] {
            var s = ExplorerState(lesson: lesson, digits: digits)
            _ = s.open(slide: 6)
            let q = try #require(s.typedQuestion)
            let right = try q.answer(on: s.trace).get()
            #expect(abs(right - 0.71) < 0.005)
            for a in typing("0.71") { s.update(a) }
            #expect(s.student.typed[5]?.firstTryRight == true, "--digits \(digits.map(String.init) ?? "none")")
            var wrong = ExplorerState(lesson: lesson, digits: digits)
            _ = wrong.open(slide: 6)
            for a in typing("0.72") { wrong.update(a) }   // 2 decimals asked: 0.72 stays wrong even at --digits 1
            #expect(wrong.student.typed[5]?.right == nil)
        }
    }
}

/// 05 slide 4: "Read ŷ<4> on the timeline, type L<4> with 2 decimals". The timeline shows
/// ŷ<4> = 0.76 (exactly 0.7576): −ln 0.76 = 0.274 → 0.27 must be right, as must the exact 0.28.
@Suite struct ReadFromTheScreenTests {
    @Test func anAnswerFromTheShownInputIsRight() throws {
        let (lesson, _) = try StudentTests.shipped("05-loss.yaml")
        for typed in ["0.27", "0.28", "0.2777"] {
            var s = ExplorerState(lesson: lesson)
            _ = s.open(slide: 4)
            #expect(s.typedQuestion?.reference?.description == "L<4>")
            for c in typed { s.update(.typeAnswer(c)) }
            s.update(.submitAnswer)
            #expect(s.student.typed[3]?.firstTryRight == true, "\(typed)")
        }
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 4)
        for c in "0.31" { s.update(.typeAnswer(c)) }   // L<3>: still wrong
        s.update(.submitAnswer)
        #expect(s.student.typed[3]?.right == nil)
    }
}
