import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// Rule 3: answering a question shows its focus, not what is computed from it, which a later
/// slide may ask (02 slide 6 answers z<2>[0] and slide 7 asks a<2>[0]; 06 slide 8 answers
/// da<1>[1] and slide 9 asks dz<1>[1]).
@Suite struct AnsweredDisclosureTests {
    /// Whether the entry under `ref` is on screen in `s` (shown by rules 1–3, not masked `?`).
    static func entryShown(_ ref: EntryRef, _ s: ExplorerState) -> Bool {
        s.isShown(ref.symbol, at: ref.t) && !s.isMasked(ref)
    }

    /// Answers the open slide's question right, in-process (a choice, or the number typed at the
    /// lesson's digits).
    static func answerRight(_ s: inout ExplorerState) throws {
        if let ask = s.currentSlide?.ask { s.update(.answer(ask.answer)); return }
        let v = try #require(s.typedRightAnswer())
        let digits = s.typedQuestion?.digits ?? s.lessonDigits
        for c in String(format: "%.\(digits)f", v) { s.update(.typeAnswer(c)) }
        s.update(.submitAnswer)
    }

    static func shippedLessons() throws -> [(String, Lesson)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: StudentTests.lessons.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ($0, try StudentTests.shipped($0).0) }
    }

    /// Every shipped lesson, every question slide: answered right, its focus is shown, and the
    /// next question's focus entry, hidden while the question was open, is still hidden.
    @Test func answeringShowsTheFocusNotTheNextQuestionsAnswer() throws {
        var pairs = 0
        for (name, lesson) in try Self.shippedLessons() {
            let asking = lesson.script.indices.filter { lesson.script[$0].ask != nil || lesson.script[$0].typed != nil }
            for (k, i) in asking.enumerated() {
                var s = ExplorerState(lesson: lesson)
                _ = s.open(slide: i + 1)
                #expect(s.questionPending, "\(name) slide \(i + 1)")
                let focus = lesson.script[i].focus
                let next = k + 1 < asking.count ? lesson.script[asking[k + 1]].focus : nil
                let nextHiddenBefore = next.map { !Self.entryShown($0, s) } ?? false
                try Self.answerRight(&s)
                let pending = s.questionPending
                #expect(!pending, "\(name) slide \(i + 1): not answered right")
                if let focus {
                    let shown = focus.row == nil || Self.entryShown(focus, s)
                    #expect(shown, "\(name) slide \(i + 1): the answered \(focus) is not shown")
                }
                if let next, nextHiddenBefore, next != focus {
                    pairs += 1
                    let leaked = Self.entryShown(next, s)
                    #expect(!leaked,
                            "\(name) slide \(i + 1): answering shows \(next), which slide \(asking[k + 1] + 1) asks")
                }
            }
        }
        #expect(pairs >= 5)
    }

    /// The two cases the tester found, by name: after the answer, a<2> (02) and dz<1> (06) are
    /// hidden; z<2> and da<1> are shown; 02 slide 7's answered a<2>[0] shows as a<1> of step 3 too.
    @Test func theTwoFoundCases() throws {
        let (l02, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: l02)
        _ = s.open(slide: 6)
        try Self.answerRight(&s)
        #expect(s.isShown(.z, at: 2) && !s.isShown(.a, at: 2) && !s.isShown(.yHat, at: 2))
        var t = ExplorerState(lesson: l02)
        _ = t.open(slide: 7)
        try Self.answerRight(&t)
        let a20 = try EntryRef.parse("a<2>[0]").get()
        #expect(t.isShown(.a, at: 2) && t.isShown(.aPrev, at: 3) && !t.isMasked(a20))
        #expect(!t.isShown(.yHat, at: 2) && !t.isShown(.z, at: 3))

        let (l06, _) = try StudentTests.shipped("06-bptt.yaml")
        var u = ExplorerState(lesson: l06)
        _ = u.open(slide: 8)
        try Self.answerRight(&u)
        #expect(u.isShown(.da, at: 1) && !u.isShown(.dz, at: 1))
    }
}
