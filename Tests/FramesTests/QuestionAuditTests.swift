import Explorer
import Foundation
import Frames
import Lessons
import RNNCore
import TextGrid
import Testing

/// Every shipped question slide keeps its answer off the screen until it is answered, and
/// every slide shows what its text quotes (`QuestionAudit`, the rules `unroll check` uses too).
@Suite struct QuestionAuditTests {
    static func shipped() throws -> [(String, Lesson)] {
        try LessonLoader.discover(directory: LessonSnapshotTests.lessonsDirectory).get().map { path in
            ((path as NSString).lastPathComponent, try LessonLoader.load(path: path).get())
        }
    }

    @Test func noShippedQuestionShowsItsAnswer() throws {
        let lessons = try Self.shipped()
        #expect(lessons.contains { $0.1.script.contains { $0.ask != nil } })
        for (name, lesson) in lessons {
            for f in QuestionAudit.answerLeaks(in: lesson) { Issue.record("\(name) \(f)") }
        }
    }

    /// Stepping while a question is open shows no number its own step hides (02 slide 5's
    /// a<2>[2] in [a<2>; x<3>] at t = 3, 10-gru slide 3's c<2>[0] in [c<2>; x<3>]).
    @Test func noShippedQuestionShowsItsAnswerAtAnyStep() throws {
        for (name, lesson) in try Self.shipped() {
            for f in QuestionAudit.stepLeaks(in: lesson) { Issue.record("\(name) \(f)") }
        }
    }

    @Test func theLeakRuleLooksAtEveryStep() throws {
        // asked: a<2>[0]; [a<2>; x<3>] at t = 3 holds it, and is masked while the question is open
        let lesson = try tiny(focus: "a<2>[0]", show: "[x, a, Waa, Wax]", t: 2)
        #expect(QuestionAudit.stepLeaks(in: lesson).isEmpty)
        // and the step after masks that one entry: [a<2>; x<3>] at t = 3 shows a<2>[1] and x<3>, not a<2>[0]
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 1)
        #expect(s.questionPending)
        let next = s.forwardPanel(3).terms.filter { $0.symbol == .stacked || $0.symbol == .aPrev }
        #expect(!next.isEmpty && next.allSatisfy { $0.revealed && $0.masked == [MatrixIndex(row: 0, col: 0)] })
        let stacked = try #require(s.trace.vector(.stacked, 3))
        #expect(next.allSatisfy { $0.values.values == [0] + stacked.dropFirst() })
        #expect(s.forwardPanel(3).terms.filter { $0.symbol == .z }.allSatisfy { !$0.revealed })   // computed from it: hidden
        s.update(.answer(2))
        let after = s.forwardPanel(3).terms.filter { $0.symbol == .stacked }
        #expect(!after.isEmpty && after.allSatisfy { $0.revealed && $0.masked.isEmpty && $0.values.values == stacked })
    }

    @Test func everyShippedSlideShowsWhatItQuotes() throws {
        for (name, lesson) in try Self.shipped() {
            for f in QuestionAudit.hiddenQuotes(in: lesson) { Issue.record("\(name) \(f)") }
        }
    }

    @Test func quotedEntriesAreFound() {
        #expect(QuestionAudit.quotedEntries("x<4> = x<1> = [1, 1], so a<2>[2] = 0.64 and ‖da<30>‖ = 1.75; Waa[2,1]; not dz or L<2> < 3")
                    .map(\.description) == ["a<2>[2]", "Waa[2,1]", "x<4>", "x<1>", "da<30>"])
    }

    /// A tiny many-to-one lesson with one question slide at t = 3.
    func tiny(focus: String, show: String, say: String = "Guess.", ba: String = "[0, 0]", t: Int = 3) throws -> Lesson {
        try LessonLoader.load(text: """
        title: Tiny
        model: {n_x: 1, n_a: 2, n_y: 1, g1: tanh, g2: sigmoid, weights: {Waa: [[0.57, 0], [0, 0.5]], Wax: [[1.3], [-0.7]], Wya: [[1.9, 1.1]], ba: \(ba)}}
        architecture: many-to-one
        sequence: {x: [[1], [0.5], [0.25]], y: [1]}
        script:
          - say: "\(say)"
            at: {t: \(t)}
            show: \(show)
            focus: "\(focus)"
            ask: {question: "How big?", choices: ["small", "large"], answer: 2}
        """, path: "tiny.yaml").get()
    }

    @Test func theLeakRuleFindsTheAnswerOnScreen() throws {
        // ba[0] = 0.57 is asked for, and Waa[0,0] = 0.57 prints the same number
        let leaks = QuestionAudit.answerLeaks(in: try tiny(focus: "ba[0]", show: "[Waa]", ba: "[0.57, 0]"))
        #expect(leaks.map(\.message).contains("the focus value 0.57 is on the screen before the answer"))
        #expect(Set(leaks.compactMap(\.size)) == Set(QuestionAudit.sizes))
        let clean = try tiny(focus: "ba[0]", show: "[Waa]", ba: "[0.43, 0]")
        #expect(QuestionAudit.answerLeaks(in: clean).isEmpty)
    }

    @Test func theLeakRuleFindsLossMarkers() throws {
        let lesson = try tiny(focus: "L<3>", show: "[x, a, ŷ, y, L]")
        var state = ExplorerState(lesson: lesson)
        _ = state.open(slide: 1)
        var frame = state.viewModel()
        #expect(QuestionAudit.structuralLeaks(state, frame).isEmpty)
        let alike = frame.timeline.items.allSatisfy { $0.hasTarget }
        #expect(alike)   // many-to-one, yet every step looks alike
        frame.timeline.items[0].hasTarget = false                 // as the screen drew it before
        #expect(QuestionAudit.structuralLeaks(state, frame) == ["the timeline marks the steps without a loss (L —) while the question is about the loss"])
    }

    /// The slide before a question counts too: lesson 05 in its old order (the typed L<4>
    /// slide, answered, showed L<1>…L<4> just before "which word has the largest L<t>?").
    @Test func theLeakRuleLooksAtTheSlideBefore() throws {
        var lesson = try LessonLoader.load(path: "\(LessonSnapshotTests.lessonsDirectory)/05-loss.yaml").get()
        #expect(QuestionAudit.answerLeaks(in: lesson).isEmpty)
        let old = [0, 2, 3, 1, 4, 5, 6]
        #expect(lesson.script.count == old.count)
        lesson.script = old.map { lesson.script[$0] }
        let messages = QuestionAudit.answerLeaks(in: lesson).map(\.description)
        // (L<1> itself is `?` there: slide 4 asks it, rule 4; the audit still finds the other steps)
        #expect(messages.contains("slide 4 (en): the previous slide shows L<t> on the timeline at t = 2, 3, 4, before the question about the loss"),
                Comment(rawValue: messages.joined(separator: "\n")))
        // and the question's focus itself shown on the slide before
        let shown = try tiny(focus: "L<3>", show: "[x, a, ŷ, y, L]")
        var two = shown
        two.script.insert(Slide(say: LocalizedText(en: "Before."), at: StoryPosition(phase: .forward, t: 3), show: [.loss]), at: 0)
        #expect(QuestionAudit.answerLeaks(in: two).map(\.message).contains("the previous slide shows L<3>, the question's focus, before the question"))
        #expect(QuestionAudit.answerLeaks(in: shown).isEmpty)
    }

    @Test func theQuoteRuleFindsAHiddenQuote() throws {
        // the question is about a<1>, so a<2> (computed from it) is hidden while it is open
        let quotes = QuestionAudit.hiddenQuotes(in: try tiny(focus: "a<1>", show: "[x, a]", say: "Here a<2>[0] = 0.5. Guess."))
        #expect(quotes.map(\.message) == ["the text quotes a<2>[0] but the screen hides a<t> (question open)",
                                          "the text quotes a<2>[0] but the screen hides a<t> (question open)"])
        let fine = try tiny(focus: "a<3>", show: "[x, a]", say: "Here a<2>[0] = 0.5. Guess.")
        #expect(QuestionAudit.hiddenQuotes(in: fine).isEmpty)
    }
}
