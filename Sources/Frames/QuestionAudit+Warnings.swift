import Lessons
import TextGrid

extension QuestionAudit {
    /// The leak rule and the quote rule as `unroll check` warnings, one per slide and finding:
    /// a finding seen in both languages or at both sizes is said once, naming them, for every
    /// cell. The rules a lesson gives nothing to (no question, no quoted entry) are skipped,
    /// which keeps `check` of a large lesson fast.
    public static func warnings(in lesson: Lesson) -> [SlideWarning] {
        var findings: [QuestionFinding] = []
        if lesson.script.contains(where: { $0.ask != nil || $0.typed != nil }) {
            findings += answerLeaks(in: lesson) + stepLeaks(in: lesson) + equalLeaks(in: lesson) + aheadLeaks(in: lesson)
        }
        let quotes = lesson.script.contains { slide in
            Language.allCases.contains { !quotedEntries(slide.say.text($0)).isEmpty }
        }
        if quotes { findings += hiddenQuotes(in: lesson) }
        return grouped(findings)
    }

    /// One warning per slide and message, in slide order, with the languages and sizes where
    /// it was seen and what to do about it.
    static func grouped(_ findings: [QuestionFinding]) -> [SlideWarning] {
        var order: [String] = []
        var seen: [String: (slide: Int, message: String, languages: [Language], sizes: [Size])] = [:]
        for f in findings {
            let key = "\(f.slide)\u{0}\(f.message)"
            if seen[key] == nil { order.append(key); seen[key] = (f.slide, f.message, [], []) }
            if !(seen[key]?.languages.contains(f.language) ?? true) { seen[key]?.languages.append(f.language) }
            if let size = f.size, !(seen[key]?.sizes.contains(size) ?? true) { seen[key]?.sizes.append(size) }
        }
        let groups = order.compactMap { seen[$0] }.enumerated()
            .sorted { ($0.element.slide, $0.offset) < ($1.element.slide, $1.offset) }.map(\.element)
        return groups.map { g in
            var context = g.languages.map(\.rawValue).joined(separator: ", ")
            if !g.sizes.isEmpty { context += "; at " + g.sizes.map { "\($0.width)×\($0.height)" }.joined(separator: ", ") }
            let hint = g.message.hasPrefix("the text quotes")
                ? "reveal it on this slide (show:), or quote it where it is shown"
                : "the student can read the answer: give the question a focus on what it asks (it stays hidden until answered), or reveal less with show:"
            return SlideWarning(slide: g.slide, message: "slide \(g.slide): \(g.message) (\(context)): \(hint)")
        }
    }
}
