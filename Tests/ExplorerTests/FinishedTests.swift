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
