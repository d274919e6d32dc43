import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// The student acts: typed answers, nudges, what-if slides, progress (pure `update` tests).
@Suite struct StudentTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons")

    static func shipped(_ name: String) throws -> (Lesson, String) {
        let path = lessons.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (try LessonLoader.load(path: path).get(), text)
    }

    func typing(_ s: String) -> [Action] { s.map { Action.typeAnswer($0) } + [.submitAnswer] }

    @Test func wrongThenRightOnLesson02() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 6)
        #expect(s.typedPending && s.keyMode == .answer)
        #expect(!s.isShown(.z))   // the number asked for is hidden
        // z<2>[0] = 0.71; without ba[0] = -0.40 it is 1.11
        for a in typing("1.11") { s.update(a) }
        let box = try #require(s.viewModel().lesson?.typed)
        #expect(box.lines.first == "Not quite: 1.11 is 0.40 too high.")
        #expect(box.lines.dropFirst().first == "That is z<2>[0] without the bias ba[0] = -0.40.")
        #expect(box.lines.last == "2 tries left")
        for a in typing("0.71") { s.update(a) }
        #expect(!s.typedPending && s.isShown(.z))
        #expect(s.viewModel().lesson?.typed?.lines == ["Right: 0.71."])
        #expect(s.typedAnswer?.firstTryRight == false)
        #expect(s.keyMode == .browse)
    }

    @Test func theWholeSignAndAFullBoxAreSaid() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 6)   // z<2>[0] = 0.71
        for a in typing("-0.71") { s.update(a) }
        #expect(s.viewModel().lesson?.typed?.lines.dropFirst().first == "The sign is flipped: that is −z<2>[0].")
        for _ in 0..<70 { s.update(.typeAnswer("0")) }
        #expect(s.student.box.count == StudentWork.boxLimit)
        #expect(s.status == "the answer box is full (24 characters): Backspace erases, Enter checks")
    }

    /// a<2>[0] = tanh(z<2>[0]) is not a sum: the hint and the forgot-tanh line say where the sum is.
    @Test func anActivationSlideNamesTheSumAndItsOneActivation() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 7)
        #expect(s.typedQuestion?.reference?.description == "a<2>[0]")
        let z = try s.trace.number(try EntryRef.parse("z<2>[0]").get()).get()
        for a in typing(String(format: "%.2f", z)) { s.update(a) }
        #expect(s.viewModel().lesson?.typed?.lines.dropFirst().first == "That is the number before tanh: a<2>[0] = tanh(z<2>[0]).")
        for a in typing("9.99") { s.update(a) }
        let hint = try #require(s.viewModel().lesson?.typed?.lines.dropFirst().first)
        #expect(hint.hasPrefix("Hint: a<2>[0] = tanh(z<2>[0]); one term of z<2>[0] is Waa[0,0]·a<1>[0] = "), "\(hint)")
        s.language = .zh
        let zh = try #require(s.viewModel().lesson?.typed?.lines.dropFirst().first)
        #expect(zh.hasPrefix("提示：a<2>[0] = tanh(z<2>[0])；z<2>[0] 的其中一项是 "), "\(zh)")
    }

    /// 12c slide 3 asks L<18>, a sum of one term: the hint names it and shows no number that is the answer.
    @Test func aOneTermSumsHintIsNotTheAnswer() throws {
        let (lesson, _) = try Self.shipped("12c-lstm.yaml")
        var s = ExplorerState(lesson: lesson)
        let i = try #require(lesson.script.firstIndex { $0.typed?.reference?.description == "L<18>" })
        _ = s.open(slide: i + 1)
        for a in typing("5") { s.update(a) }
        let lines = try #require(s.viewModel().lesson?.typed?.lines)
        #expect(lines.dropFirst().first?.hasPrefix("Hint: L<18> = -y<18>[") == true, "\(lines)")
        #expect(lines.dropFirst().first?.contains("=") == true && !(lines.dropFirst().first?.contains("e-") ?? true))
    }

    @Test func revealAfterTheTriesWithTheExplanation() throws {
        var s = Fixtures.state(script: [Fixtures.typedSlide(tries: 2)])
        for a in typing("9") + typing("-9") { s.update(a) }
        #expect(s.typedAnswer?.revealed == true && !s.typedPending)
        let lines = try #require(s.viewModel().lesson?.typed?.lines)
        #expect(lines.contains { $0.hasPrefix("The answer is z<1>[0] = ") })
        #expect(lines.count > 3)   // the inspect explanation follows
        #expect(!lines.contains { $0.hasPrefix("Hint:") })   // the explanation says more than a hint
    }

    @Test func escLeavesTheBoxAndADigitComesBack() {
        var s = Fixtures.state(script: [Fixtures.typedSlide()])
        s.update(.typeAnswer("0"))
        s.update(.escape)
        #expect(s.keyMode == .browse && s.action(for: .char("e")) == .toggleEdit)
        s.update(s.action(for: .char("5")) ?? .quit)
        #expect(s.keyMode == .answer && s.student.box == "05")
        s.update(.eraseAnswer)
        #expect(s.student.box == "0")
        s.update(.typeAnswer("x"))
        #expect(s.student.box == "0" && s.status == "'x' is not part of a number: digits, -, . and e")
    }

    /// After a nudge the trace is, bit for bit, the trace of the lesson file with that number written in.
    @Test func aNudgeIsTheLessonWithTheNumberWrittenIn() throws {
        let (lesson, text) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        #expect(s.inspect(entry: try EntryRef.parse("Waa[0,1]").get()) == nil)
        s.update(.toggleEdit)
        #expect(s.keyMode == .edit && s.editableEntry == EntryRef(symbol: .Wa, row: 0, col: 1))
        s.update(.nudgeUp); s.update(.nudgeUp); s.update(.nudgeDown); s.update(.nudgeUp)
        let w = try #require(s.trace.rnn.params.Waa[0, 1] as Double?)
        #expect(w == 0.0 + 0.1 + 0.1 - 0.1 + 0.1)
        let written = text.replacingOccurrences(of: "Waa: [[0.1, 0.0, 0.2]", with: "Waa: [[0.1, \(w), 0.2]")
        #expect(written != text)
        let other = try LessonLoader.load(text: written, path: "w.yaml").get().makeTrace()
        #expect(TraceJSON.encode(s.trace) == TraceJSON.encode(other))
        #expect(s.trace.totalLoss?.bitPattern == other.totalLoss?.bitPattern)
        #expect(s.viewModel().header.modified == "✎ modified")
        #expect(s.viewModel().inspect?.title == "Waa[0,1] ✎")
    }

    @Test func upAndBackGivesTheSameLossExactly() throws {
        let (lesson, _) = try Self.shipped("06-bptt.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        let before = try #require(s.trace.totalLoss)
        #expect(s.go(phase: .forward, t: 1) == nil)
        #expect(s.inspect(entry: try EntryRef.parse("Wax[1,0]").get()) == nil)
        s.update(.toggleEdit)
        s.update(.nudgeUp)
        #expect(s.trace.totalLoss != before)
        let line = s.viewModel().inspect?.lines.first { $0.hasPrefix("L: ") }
        #expect(line?.contains("the gradient predicted dL/dw · Δ = ") == true)
        s.update(.nudgeDown)
        #expect(s.trace.totalLoss?.bitPattern == before.bitPattern)
        #expect(s.student.edits.isEmpty && s.viewModel().header.modified == nil)
        s.update(.smallerStep); s.update(.smallerStep); s.update(.smallerStep); s.update(.smallerStep)   // step 1e-5
        s.update(.nudgeUp)
        let r = try #require(s.student.lastNudge)
        #expect(!r.curvatureShows)
        s.update(.biggerStep); s.update(.biggerStep); s.update(.biggerStep); s.update(.biggerStep); s.update(.biggerStep)
        s.update(.biggerStep)   // step 10
        s.update(.nudgeUp)
        #expect(s.student.lastNudge?.curvatureShows == true)
        s.update(.resetEdits)
        #expect(s.trace.totalLoss?.bitPattern == before.bitPattern)
    }

    @Test func aComputedNumberIsNotEditable() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        _ = s.inspect(entry: try EntryRef.parse("a<2>[1]").get())
        s.update(.toggleEdit)
        s.update(.nudgeUp)
        #expect(s.status == s.words.notEditable && s.student.edits.isEmpty)
    }

    /// While a question on z<2>[0] is open, L is hidden: a nudge does not show it either.
    @Test func aNudgeDoesNotShowAHiddenLoss() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 6)
        #expect(s.typedPending)
        let w = try EntryRef.parse("Waa[0,0]").get()
        #expect(s.inspect(entry: w) == nil)
        s.update(.toggleEdit)
        s.update(.nudgeUp)
        let lines = try #require(s.viewModel().inspect?.lines)
        #expect(lines.contains(s.words.lossHiddenWhileAsking) && !lines.contains { $0.hasPrefix("L: ") }, "\(lines)")
        s.update(.resetEdits); s.update(.toggleEdit); s.update(.escape)
        for a in typing("0.71") { s.update(a) }
        #expect(!s.typedPending)
        // answered: L is computed from z<2>[0], so it stays hidden on this slide (rule 3) ...
        _ = s.inspect(entry: try EntryRef.parse("Waa[0,0]").get())
        s.update(.toggleEdit)
        s.update(.nudgeUp)
        #expect(s.viewModel().inspect?.lines.contains(s.words.lossHiddenWhileAsking) == true)
        // ... and shows on slide 8, which asks nothing
        s.update(.resetEdits); s.update(.toggleEdit); s.update(.escape)
        _ = s.open(slide: 8)
        _ = s.inspect(entry: try EntryRef.parse("Waa[0,0]").get())
        s.update(.toggleEdit)
        s.update(.nudgeUp)
        #expect(s.viewModel().inspect?.lines.contains { $0.hasPrefix("L: ") } == true)
    }

    /// A target is data, not a computed number: `e` on y<1>[0] says it is a label.
    @Test func aTargetIsALabelNotEditable() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        #expect(s.inspect(entry: try EntryRef.parse("y<1>[0]").get()) == nil)
        s.update(.toggleEdit)
        #expect((s.status ?? "").hasPrefix("y<1>[0] is a target: a label of the data"), "\(s.status)")
        s.update(.nudgeUp)
        #expect((s.status ?? "").hasPrefix("y<1>[0] is a target") && s.student.edits.isEmpty)
    }

    @Test func nudgingAnInputShowsHowFarItTravels() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        _ = s.go(phase: .forward, t: 2)
        _ = s.inspect(entry: try EntryRef.parse("stacked<2>[3]").get())
        s.update(.toggleEdit)
        #expect(s.editableEntry == EntryRef(symbol: .x, t: 2, row: 0))
        s.update(.nudgeUp)
        let line = try #require(s.viewModel().inspect?.lines.first { $0.hasPrefix("‖Δa<t>‖: ") })
        #expect(line.hasPrefix("‖Δa<t>‖: t=2 "))
        #expect(s.student.shift?[0] == 0)
    }

    /// Ten `+` on x<1>[0]: the box and the timeline show the change from the lesson's value
    /// (1.00 → 2.00, ‖Δa‖ of a lesson file with x<1>[0] = 2), and the last step beside it.
    @Test func severalNudgesShowTheChangeFromTheLessonsValue() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        _ = s.go(phase: .forward, t: 1)
        _ = s.inspect(entry: try EntryRef.parse("stacked<1>[3]").get())
        s.update(.toggleEdit)
        let x = try #require(s.editableEntry)
        #expect(x == EntryRef(symbol: .x, t: 1, row: 0))
        let lessonTrace = s.trace
        for _ in 0..<10 { s.update(.nudgeUp) }
        let r = try #require(s.student.lastNudge)
        #expect(r.before == 1 && abs(r.after - 2) < 1e-12)
        #expect(r.lossBefore == lessonTrace.totalLoss && r.gradient == lessonTrace.gradient(of: x))
        let lines = try #require(s.viewModel().inspect?.lines)
        #expect(lines.first == "x<1>[0]: 1.00 → 2.00 (Δ = +1.00 from the lesson's value; last step 1.90 → 2.00)", "\(lines)")
        // ‖Δa<t>‖ against the lesson's own trace, not the one before the last +
        let shift = try #require(s.student.shift)
        #expect(shift == lessonTrace.activationShift(to: s.trace))
        #expect(s.timeline.items[0].shift == shift[0] && shift[0] > 0.05)
        // another entry nudged in between: the baseline of x<1>[0] follows it
        _ = s.inspect(entry: try EntryRef.parse("Waa[0,0]").get())
        s.update(.nudgeUp)
        #expect(s.student.lastNudge?.before == 0.1)
        _ = s.inspect(entry: try EntryRef.parse("stacked<1>[3]").get())
        let withW = s.trace
        s.update(.nudgeDown)
        let back = try #require(s.student.lastNudge)
        #expect(back.before == 1 && abs(back.after - 1.9) < 1e-12 && back.lossAfter == s.trace.totalLoss)
        #expect(back.lossBefore != lessonTrace.totalLoss && back.lossBefore != withW.totalLoss)
    }

    /// In the backward pass, edit mode on a gradient entry edits its weight: a small nudge of
    /// Waa[0,1] from dWaa[0,1] agrees with the gradient (central difference to 1e-6 of it).
    @Test func onAGradientTheNudgeEditsItsWeight() throws {
        let (lesson, _) = try Self.shipped("06-bptt.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        #expect(s.go(phase: .backward, t: 1) == nil)
        #expect(s.inspect(entry: try EntryRef.parse("dWaa<1>[0,1]").get()) == nil)
        s.update(.toggleEdit)
        #expect(s.editableEntry == EntryRef(symbol: .Wa, row: 0, col: 1))
        for _ in 0..<4 { s.update(.smallerStep) }   // step 1e-5
        let before = try #require(s.trace.totalLoss)
        s.update(.nudgeUp)
        let up = try #require(s.trace.totalLoss)
        s.update(.nudgeDown); s.update(.nudgeDown)
        let down = try #require(s.trace.totalLoss)
        let r = try #require(s.student.lastNudge)
        let g = try #require(r.gradient)
        #expect(abs((up - down) / 2e-5 - g) <= 1e-6 * max(abs(g), 1) && up != before)
        #expect(s.editedEntries(.dWa, 1) == [MatrixIndex(row: 0, col: 1)])
        s.update(.resetEdits)
        #expect(s.trace.totalLoss?.bitPattern == before.bitPattern)
    }

    /// `e` on a bias's gradient (dba, dby: running sums and totals) or on one step's contribution
    /// (Δdba<t>, Δdby<t>, ΔdWa<t>, ΔdWya<t>) edits the weight it belongs to, like dWaa and dWya.
    @Test func onABiasGradientOrAContributionTheNudgeEditsItsWeight() throws {
        let (lesson, _) = try Self.shipped("06-bptt.yaml")
        let cases: [(String, EntryRef)] = [
            ("dba<1>[0]", EntryRef(symbol: .ba, row: 0)), ("dby<1>[0]", EntryRef(symbol: .by, row: 0)),
            ("Δdba<1>[1]", EntryRef(symbol: .ba, row: 1)), ("Δdby<1>[0]", EntryRef(symbol: .by, row: 0)),
            ("ΔdWa<1>[0,2]", EntryRef(symbol: .Wa, row: 0, col: 2)), ("ΔdWya<1>[0,1]", EntryRef(symbol: .Wya, row: 0, col: 1)),
        ]
        for (name, weight) in cases {
            var s = ExplorerState(lesson: lesson)
            s.revealAll()
            #expect(s.go(phase: .backward, t: 1) == nil)
            #expect(s.inspect(entry: try EntryRef.parse(name).get()) == nil, "\(name)")
            s.update(.toggleEdit)
            #expect(s.editableEntry == weight, "\(name)")
            #expect(s.status != s.words.notEditable, "\(name)")
            let before = try #require(s.trace.totalLoss)
            s.update(.nudgeUp)
            #expect(s.student.edits.value(of: weight) != nil && s.trace.totalLoss != before, "\(name)")
            #expect(s.student.lastNudge?.gradient != nil, "\(name)")
        }
    }

    /// Stepping on while a question is open: the asked number is not readable at the next step
    /// (02 slide 5 asks a<2>[2]: [a<2>; x<3>] at t = 3; 10-gru slide 3 asks c<2>[0]: [c<2>; x<3>]),
    /// nor in the inspect box (the cursor moves off it); answering shows them again.
    @Test func theNextStepDoesNotShowTheAskedNumber() throws {
        for (name, slide, focusValue) in [("02-forward.yaml", 5, "a<2>[2]"), ("10-gru.yaml", 3, "c<2>[0]")] {
            let (lesson, _) = try Self.shipped(name)
            var s = ExplorerState(lesson: lesson)
            _ = s.open(slide: slide)
            #expect(s.questionPending, "\(name)")
            _ = s.inspect(entry: try EntryRef.parse("stacked<2>[0]").get())
            s.update(.nextStep)
            #expect(s.position.t == 3, "\(name)")
            let value = try #require(try? s.trace.resolve(EntryRef.parse(focusValue).get()).get().values.first)
            let frame = s.viewModel()
            let shownTerms = frame.forward.terms.filter { $0.revealed && $0.kind == .quantity }
            #expect(!shownTerms.contains { $0.values.values.contains(value) }, "\(name): \(focusValue) readable at t = 3")
            // only the asked entry is masked: [a<2>; x<3>] (GRU [c<2>; x<3>]) shows the others
            let focus = try EntryRef.parse(focusValue).get()
            let stacked = try #require(shownTerms.first { $0.symbol == .stacked }, "\(name)")
            // (and any entry a later slide asks, rule 4: 02 slide 7 asks a<2>[0])
            #expect(stacked.masked.contains(MatrixIndex(row: focus.row ?? -1, col: 0)), "\(name)")
            #expect(stacked.masked.count < stacked.values.rows, "\(name)")
            let whole = try #require(s.trace.vector(.stacked, 3))
            let maskedRows = Set(stacked.masked.map(\.row))
            #expect(stacked.values.values.enumerated().allSatisfy { maskedRows.contains($0.offset) ? $0.element == 0 : $0.element == whole[$0.offset] })
            // the inspect cursor stays where it was; on the masked entry the box says it is hidden
            let cursor = try #require(s.inspectedEntry)
            #expect(!s.isWithheld(cursor.symbol, at: cursor.t), "\(name): \(cursor)")
            #expect((frame.inspect?.lines == [s.words.hidden]) == s.isMasked(cursor), "\(name): \(cursor)")
            _ = s.inspect(entry: EntryRef(symbol: .stacked, t: 3, row: focus.row, col: 0))
            #expect(s.viewModel().inspect?.lines == [s.words.hidden], "\(name)")
            // answered: the asked number shows again when it is the focus itself (c<2>[0]); a<2>[2]
            // is computed from 02's focus z<2>[2], so it stays hidden on that slide (rule 3)
            s.update(.answer(try #require(lesson.script[slide - 1].ask?.answer)))
            let isFocus = lesson.script[slide - 1].focus == focus
            #expect(s.forwardPanel(3).terms.contains { $0.revealed && $0.values.values.contains(value) } == isFocus, "\(name)")
        }
    }

    /// The timeline shows ‖Δa<t'>‖ for t' ≥ t after a nudge of x<t> (forward), and the terms
    /// mark the edited entry with ✎ wherever it is drawn (x<2>[0] is row n_a + 0 of [a<1>; x<2>]).
    @Test func aNudgedInputShowsOnTheTimelineAndIsMarked() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        _ = s.go(phase: .forward, t: 2)
        _ = s.inspect(entry: try EntryRef.parse("stacked<2>[3]").get())
        s.update(.toggleEdit)
        #expect(s.timeline.items.allSatisfy { $0.shift == nil })
        s.update(.nudgeUp)
        let shift = try #require(s.student.shift)
        let items = s.timeline.items
        #expect(items[0].shift == nil && items.dropFirst().map(\.shift) == shift.dropFirst().map { $0 })
        #expect(shift[1] > 0 && s.timeline.maxShift == shift.max())
        #expect(s.editedEntries(.stacked, 2) == [MatrixIndex(row: 3, col: 0)] && s.editedEntries(.stacked, 3).isEmpty)
        #expect(s.editedEntries(.x, 2) == [MatrixIndex(row: 0, col: 0)] && s.editedEntries(.Wa, 2).isEmpty)
        s.update(.toggleEdit)   // out of edit mode the timeline is the lesson's again; the mark stays
        #expect(s.timeline.items.allSatisfy { $0.shift == nil } && !s.editedEntries(.stacked, 2).isEmpty)
        s.update(.toggleEdit); s.update(.nudgeDown)
        #expect(s.editedEntries(.stacked, 2).isEmpty)
        _ = s.inspect(entry: try EntryRef.parse("Wax[1,0]").get())
        s.update(.nudgeUp)
        #expect(s.editedEntries(.Wa, 2) == [MatrixIndex(row: 1, col: 3)] && s.timeline.items.allSatisfy { $0.shift == nil })
    }

    /// 04a's ReLU slide runs the network with g1 = relu; the slides around it do not.
    @Test func aWhatIfSlideShowsItsOwnNetwork() throws {
        let (lesson, _) = try Self.shipped("04a-tanh-saturation.yaml")
        var s = ExplorerState(lesson: lesson)
        let relu = try #require(lesson.script.firstIndex { $0.edits.g1 == .relu })
        _ = s.open(slide: relu + 1)
        #expect(s.trace.rnn.shape.g1 == .relu)
        #expect(s.viewModel().header.modified == "what if: g1 = relu")
        s.update(.nextSlide)
        #expect(s.trace.rnn.shape.g1 == .tanh && s.viewModel().header.modified == nil)
    }

    @Test func progressRoundTripAndSummary() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 5)
        s.update(.answer(1))   // wrong (the answer is 2)
        s.update(.nextSlide)
        for a in typing("0.71") { s.update(a) }   // right at the first try
        let p = s.progress
        #expect(p.slide == 5 && p.questions == 3 && p.score == 1)
        var again = ExplorerState(lesson: lesson)
        again.update(.offerResume(p))
        #expect(again.keyMode == .resume && again.viewModel().status == "Welcome back: Enter continues at slide 6, Esc starts over.")
        again.update(again.action(for: .enter) ?? .quit)
        #expect(again.slide == 5 && again.answers[4] == 1 && again.student.typed[5]?.firstTryRight == true)
        // the last slide sums up; the missed questions are one key away
        _ = again.open(slide: lesson.script.count)
        let summary = try #require(again.viewModel().lesson?.summary)
        #expect(summary.first == "Score: 1 of 3 questions right at the first try.")
        #expect(summary.last == "Missed or not answered: 1 → slide 5, 2 → slide 7 (press the number).")
        again.update(.answer(2))
        #expect(again.slide == 6)
        // every question answered, one wrong: only "Missed"
        _ = again.open(slide: 7)
        for a in typing("9") { again.update(a) }
        _ = again.open(slide: lesson.script.count)
        #expect(again.viewModel().lesson?.summary.last == "Missed: 1 → slide 5, 2 → slide 7 (press the number).")
        var fresh = ExplorerState(lesson: lesson)
        fresh.update(.offerResume(p))
        fresh.update(.startOver)
        #expect(fresh.slide == 0 && fresh.answers.isEmpty && fresh.student.typed.isEmpty && fresh.keyMode == .browse)
        #expect(fresh.progress.answers.isEmpty)   // what the store writes next: no ✓ of last time
    }

    /// Straight to the last slide without answering: the summary still lists every question, one key away.
    @Test func theSummaryListsSkippedQuestions() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        for language in Language.allCases {
            var s = ExplorerState(lesson: lesson, language: language)
            _ = s.open(slide: lesson.script.count)
            let summary = try #require(s.viewModel().lesson?.summary)
            #expect(summary == (language == .en
                ? ["Score: 0 of 3 questions right at the first try.",
                   "Missed or not answered: 1 → slide 5, 2 → slide 6, 3 → slide 7 (press the number)."]
                : ["得分：3 道题中第一次就答对了 0 道。", "答错或没答的题：1 → 第 5 页, 2 → 第 6 页, 3 → 第 7 页（按对应数字跳过去）。"]))
            s.update(s.action(for: .char("2")) ?? .quit)
            #expect(s.slide == 5 && s.typedPending)
        }
    }

    /// Esc closes the answer box: the footer says digits bring it back, and 0 does too.
    @Test func aClosedBoxSaysDigitsBringItBack() throws {
        let (lesson, _) = try Self.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 6)
        #expect(s.footer.first?.keys == "0-9 ⌫ ↵")
        s.update(.escape)
        #expect(s.keyMode == .browse && s.footer.first == KeyHint(keys: "0-9 - .", text: "back to the answer box"))
        #expect(!s.footer.contains { $0.text == "answer the question" })
        s.update(s.action(for: .char("0")) ?? .quit)
        #expect(s.keyMode == .answer && s.student.box == "0")
    }

    /// A GRU/LSTM weight: `e` on its gradient in the backward pass edits it, and ✎ marks it in the
    /// weight's heatmap and in its gradient's.
    @Test func aGatedWeightIsEditedFromItsGradientAndMarked() throws {
        let dir = Self.lessons.deletingLastPathComponent().appendingPathComponent("Tests/FramesTests/Fixtures/lstm.yaml")
        let lesson = try LessonLoader.load(path: dir.path).get()
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        #expect(s.go(phase: .backward, t: 1) == nil)
        #expect(s.inspect(entry: EntryRef(symbol: .dWf, t: 1, row: 0, col: 1)) == nil)
        s.update(.toggleEdit)
        #expect(s.editableEntry == EntryRef(symbol: .Wf, row: 0, col: 1))
        s.update(.nudgeUp)
        #expect(s.student.edits.value(of: EntryRef(symbol: .Wf, row: 0, col: 1)) != nil)
        #expect(s.editedEntries(.Wf, 1) == [MatrixIndex(row: 0, col: 1)])
        #expect(s.editedEntries(.dWf, 1) == [MatrixIndex(row: 0, col: 1)])
        #expect(s.editedEntries(.Wu, 1).isEmpty && s.editedEntries(.dWu, 1).isEmpty)
        s.update(.resetEdits)
        #expect(s.editedEntries(.Wf, 1).isEmpty)
    }
}
