import Lessons
import RNNCore

/// Progress: what the store keeps of a lesson (where the student was, their answers), the
/// offer to continue where they left off, and the summary on the last slide.
extension ExplorerState {
    /// Slides that ask a question (multiple choice or typed), in order.
    public var questionSlides: [Int] {
        lesson.script.indices.filter { lesson.script[$0].ask != nil || lesson.script[$0].typed != nil }
    }

    /// The answer records of every question answered so far.
    var answerRecords: [Int: AnswerRecord] {
        var out: [Int: AnswerRecord] = [:]
        for (i, n) in answers {
            guard let q = lesson.script.indices.contains(i) ? lesson.script[i].ask : nil else { continue }
            out[i] = AnswerRecord(given: String(n), right: n == q.answer, firstTryRight: n == q.answer, tries: 1)
        }
        for (i, a) in student.typed where a.right != nil || !a.wrong.isEmpty || a.revealed {
            // the last number typed (a try restored from an older file may be unknown: NaN)
            let given = a.right ?? a.wrong.last(where: { !$0.isNaN }) ?? .nan
            out[i] = AnswerRecord(given: given.isNaN ? "" : Self.typedText(given), right: a.right != nil,
                                  firstTryRight: a.firstTryRight, tries: a.wrong.count + (a.right != nil ? 1 : 0))
        }
        return out
    }

    /// What the progress store keeps of this state.
    public var progress: LessonProgress {
        LessonProgress(path: lesson.path, slide: slide, phase: position.phase, t: position.t, answers: answerRecords,
                       questions: questionSlides.count, finished: student.reachedEnd || slide.map { $0 == lesson.script.count - 1 } ?? false)
    }

    /// Offers to continue where `p` left off (a report from the event loop, not a key).
    mutating func offerResume(_ p: LessonProgress) {
        guard (p.slide ?? 0) > 0 || !p.answers.isEmpty || p.t > 1 || p.phase != .forward else { return }
        student.resumeOffer = p
    }

    /// Enter on the offer: the slide, the step and the answers of last time.
    mutating func resume() {
        guard let p = student.resumeOffer else { status = words.nothingToResume; return }
        student.resumeOffer = nil
        if p.finished { student.reachedEnd = true }   // finished once, finished for good
        for (i, r) in p.answers where lesson.script.indices.contains(i) {
            let s = lesson.script[i]
            if let q = s.ask, let n = Int(r.given), (1...q.choices.count).contains(n) { answers[i] = n }
            if let q = s.typed {
                var a = TypedAnswer()
                let wrongTries = max(0, r.tries - (r.right ? 1 : 0))
                a.wrong = Array(repeating: .nan, count: wrongTries)
                if !r.right, wrongTries > 0, let last = Double(r.given) { a.wrong[wrongTries - 1] = last }   // kept for the next save
                if r.right { a.right = Double(r.given) ?? .nan }
                a.revealed = !r.right && wrongTries >= q.tries
                student.typed[i] = a
            }
        }
        if let i = p.slide, lesson.script.indices.contains(i) { openSlide(i) }
        if let at = story.first(where: { $0 == StoryPosition(phase: p.phase, t: p.t) }) { position = at }
        status = words.resumed(p.slide.map { $0 + 1 } ?? 1)
    }

    /// Esc (or any other key) on the offer: start from the first slide, nothing remembered.
    mutating func declineResume() {
        guard let p = student.resumeOffer else { status = words.nothingToResume; return }
        student.resumeOffer = nil
        if p.finished { student.reachedEnd = true }   // starting over does not take the ✓ away
        status = words.startedOver
    }

    /// The questions answered wrong at the first try (or not at all), by slide.
    public var missedQuestions: [Int] {
        let records = answerRecords
        return questionSlides.filter { !(records[$0]?.firstTryRight ?? false) }
    }

    /// On the last slide: the score, and the slides of the questions missed (keys 1…9 go there).
    var summaryLines: [String]? {
        let records = answerRecords
        // every lesson with questions ends with the summary, answered or not (skipped ones are one key away too)
        // a last slide with its own question sums up once that question is done, and counts it too
        guard let i = slide, i == lesson.script.count - 1, !questionSlides.isEmpty, !questionPending else { return nil }
        let right = questionSlides.filter { records[$0]?.firstTryRight ?? false }.count
        var lines = [words.score(right, of: questionSlides.count)]
        let missed = missedQuestions.prefix(9)
        if !missed.isEmpty {
            let list = missed.enumerated().map { k, m in
                "\(k + 1) → \(m == i ? words.thisSlideRef(m + 1) : words.slideRef(m + 1))"
            }.joined(separator: ", ")
            lines.append(missed.allSatisfy { records[$0] != nil } ? words.missed(list) : words.missedOrSkipped(list))
        }
        return lines
    }

    /// A digit on the summary (once the last slide's own question, if any, is done): the slide of
    /// the n-th missed question; the last slide itself says so.
    mutating func goToMissed(_ n: Int) -> Bool {
        guard summaryLines != nil else { return false }
        let missed = Array(missedQuestions.prefix(9))
        guard missed.indices.contains(n - 1) else { return false }
        if missed[n - 1] == slide { status = words.alreadyOnSlide(missed[n - 1] + 1); return true }
        openSlide(missed[n - 1])
        return true
    }
}
