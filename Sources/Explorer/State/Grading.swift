import Lessons
import RNNCore

/// Answers are graded on the lesson's network: the numbers as the slide states them (its
/// what-if included), never the student's nudges or the steps trained on the spot, so a nudge
/// cannot silently change what is right.
extension ExplorerState {
    /// The network on screen is not the lesson's: the student nudged an entry (✎) or trained it.
    public var networkChanged: Bool { !student.edits.isEmpty || trainedSteps > 0 }

    /// The trace answers are graded on: the open slide's network as the lesson states it.
    var gradingTrace: Trace {
        guard networkChanged, let i = slide else { return trace }
        return lesson.trace(slide: i)
    }

    /// The inspect explanation of `ref` with the lesson's numbers (what a revealed answer shows).
    func explainGraded(_ ref: EntryRef) -> [String] {
        guard networkChanged else { return explain(ref) }
        var s = self
        s.trace = gradingTrace
        return s.explain(ref)
    }

    /// Said beside a question while the screen shows a changed network: what it is graded on.
    var gradingNote: String? {
        guard networkChanged else { return nil }
        return student.edits.isEmpty ? words.gradedOnLessonAfterTraining : words.gradedOnLesson
    }
}
