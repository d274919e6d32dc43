import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// The inspect box uses the panels' mask: an entry the panels draw `?` (a later question's answer,
/// rule 4) is `?` in every explanation that uses it as a factor or an argument, and so is a number
/// computed from it (02 slide 4 at t = 2 printed zy<2>[0] = 2.50·0.61 + … + 1.00·0.64, the answers
/// of slides 7 and 5; 07b slide 3 at t = 4 printed a<4>[3] = tanh(1.86), slide 4's z<4>[3]).
@Suite struct InspectMaskTests {
    static func text(_ s: ExplorerState, _ r: EntryRef) -> String { s.explain(r).joined(separator: "\n") }

    @Test func forwardFactorsAskedLaterArePrintedAsQuestionMarks() throws {
        let (l02, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: l02)
        _ = s.open(slide: 4)
        s.position = StoryPosition(phase: .forward, t: 2)
        let zy = Self.text(s, EntryRef(symbol: .zy, t: 2, row: 0))
        #expect(zy.contains("2.50·? + 1.00·(-0.50) + 1.00·? + (-0.50)"), "\(zy)")
        #expect(!zy.contains("0.61") && !zy.contains("0.64"), "\(zy)")
        // answered, slide 7's a<2>[0] shows again; slide 5's a<2>[2] is still open
        _ = s.open(slide: 7)
        try AnsweredDisclosureTests.answerRight(&s)
        _ = s.open(slide: 4)
        s.position = StoryPosition(phase: .forward, t: 2)
        #expect(Self.text(s, EntryRef(symbol: .zy, t: 2, row: 0)).contains("2.50·0.61 + 1.00·(-0.50) + 1.00·? + (-0.50)"))

        let (l07b, _) = try StudentTests.shipped("07b-one-to-many.yaml")
        var b = ExplorerState(lesson: l07b)
        _ = b.open(slide: 3)
        b.position = StoryPosition(phase: .forward, t: 4)
        let a = Self.text(b, EntryRef(symbol: .a, t: 4, row: 3))
        #expect(a.contains("tanh(?)") && !a.contains("tanh(1.86)"), "\(a)")
    }

    static let number = try? NSRegularExpression(pattern: #"-?[0-9]+\.[0-9]+(?:e-?[0-9]+)?"#)

    /// The numbers a text writes, as written.
    static func numbers(_ text: String) -> Set<String> {
        let ns = text as NSString
        return Set((number?.matches(in: text, range: NSRange(location: 0, length: ns.length)) ?? []).map { ns.substring(with: $0.range) })
    }

    /// Every shipped lesson, every slide, every step of both passes: the explanation of every entry
    /// the active panel shows never writes the value of an entry a later unanswered question asks
    /// (its answer at the screen's digits), where no shown entry of the panel writes that number too.
    @Test func noInspectBoxWritesALaterQuestionsAnswer() throws {
        var checked = 0, leaks: [String] = []
        for (name, lesson) in try AnsweredDisclosureTests.shippedLessons() {
            var s = ExplorerState(lesson: lesson)
            // the slide before each question: it masks every later question's entries (the slides
            // before it mask the same ones and more questions' of the same kind), kept under 30 s
            let asking = lesson.script.indices.filter { lesson.script[$0].ask != nil || lesson.script[$0].typed != nil }
            for i in Set(asking.map { $0 - 1 }).filter({ $0 >= 0 }).sorted() {
                _ = s.open(slide: i + 1)
                let asked = ((i + 1)..<lesson.script.count).flatMap { ExplorerState.askedEntries(lesson.script[$0]) }
                    .filter { $0 != lesson.script[i].focus }
                guard !asked.isEmpty else { continue }
                for p in s.story {
                    s.position = p
                    let t = p.t
                    let answers = asked.filter { $0.t.map { abs($0 - t) <= 1 } ?? true }.compactMap { e -> (EntryRef, String)? in
                        guard e.row != nil, let x = try? s.trace.number(e).get() else { return nil }
                        return (e, s.numbers.format(x))
                    }
                    let panel = s.activePanel
                    // a number some entry on screen shows is no answer given away (1.00, 0.00, a weight)
                    var onScreen = Set<String>()
                    for term in panel.terms where term.revealed && !term.sizeHidden {
                        for r in 0..<term.values.rows {
                            for c in 0..<term.values.cols where !term.masked.contains(MatrixIndex(row: r, col: c)) {
                                onScreen.insert(s.numbers.format(term.values[r, c]))
                            }
                        }
                    }
                    let hidden = answers.filter { !onScreen.contains($0.1) }
                    guard !hidden.isEmpty else { continue }
                    for ref in panel.inspectable {
                        guard let m = panel.terms.first(where: { $0.kind == .quantity && $0.ref == ref })?.values else { continue }
                        for r in 0..<m.rows {
                            for c in 0..<m.cols {
                                let entry = InspectCursor(symbol: ref.symbol, row: r, col: c).entry(at: t)
                                guard !s.isWithheld(entry.symbol, at: entry.t), !s.isMasked(entry) else { continue }
                                checked += 1
                                let written = Self.numbers(Self.text(s, entry))
                                for (e, answer) in hidden where written.contains(answer) {
                                    leaks.append("\(name) slide \(i + 1) \(p.phase) t = \(t): inspect \(entry) writes \(answer) = \(e)")
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.prefix(40).joined(separator: "\n"))")
        #expect(checked > 1000)
    }
}
