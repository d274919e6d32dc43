import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// A slide that quotes an entry of a quantity (`a<2>[1]`, `Waa[0,0]`) must show that
/// quantity: the student reads the number in the text and finds it on the screen.
@Suite struct SlideTextTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons").path

    /// The entry references written in a text: a name, an optional `<t>`, then `[i]` or `[i,j]`.
    static func quotedEntries(_ text: String) -> [EntryRef] {
        let pattern = #"(Δ?[A-Za-zŷ_]+)(<\d+>)?\[\d+(,\s*\d+)?\]"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap {
            try? EntryRef.parse(ns.substring(with: $0.range)).get()
        }
    }

    @Test func quotedEntriesAreFound() {
        #expect(Self.quotedEntries("so a<2>[2] = 0.64 and Waa[2,1] = 1.5; not dz or x").map(\.description) == ["a<2>[2]", "Waa[2,1]"])
    }

    /// A question hides its slide's focus until it is answered; without a focus it would
    /// show the answer while asking for a prediction.
    @Test func everyQuestionHidesItsAnswer() throws {
        for path in try LessonLoader.discover(directory: Self.lessons).get() {
            let lesson = try LessonLoader.load(path: path).get()
            for (n, slide) in lesson.script.enumerated() where slide.ask != nil || slide.typed != nil {
                #expect(slide.focus != nil, "\((path as NSString).lastPathComponent) slide \(n + 1) asks without a focus to hide")
            }
        }
    }

    @Test func everySlideShowsWhatItQuotes() throws {
        let paths = try LessonLoader.discover(directory: Self.lessons).get()
        #expect(!paths.isEmpty)
        var problems: [String] = []
        for path in paths {
            let lesson = try LessonLoader.load(path: path).get()
            var state = ExplorerState(lesson: lesson)
            for (n, slide) in lesson.script.enumerated() {
                _ = state.open(slide: n + 1)
                if let answer = slide.ask?.answer { state.update(.answer(answer)) }   // after the student answers
                if slide.typed != nil, let v = state.typedRightAnswer() {
                    for c in String(v) { state.update(.typeAnswer(c)) }
                    state.update(.submitAnswer)
                }
                let drawn = Self.quotedEntries(slide.say.en).map { ExplorerState.displayed($0, na: lesson.rnn.shape.na) }
                for ref in drawn where !state.isShown(ref.symbol, at: ref.t) {
                    problems.append("\((path as NSString).lastPathComponent) slide \(n + 1) quotes \(ref) but hides \(ref.symbol.label)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}

@Suite struct RoundedSumTests {
    /// -0.415 shows as -0.41 although -0.12 + (-0.30) reads as -0.42: the box says it rounded.
    @Test func aSumWhoseShownPartsDoNotAddUpSaysSo() throws {
        let lesson = try LessonLoader.load(path: SlideTextTests.lessons + "/06-bptt.yaml").get()
        var s = ExplorerState(lesson: lesson)
        // while a later slide asks ΔdWaa<2>[0,1] = -0.30, the box writes it `?` (rule 4)
        #expect(s.explain(EntryRef(symbol: .dWa, t: 2, row: 0, col: 1)).last == "sum so far = -0.12 + ? = -0.41")
        for i in lesson.script.indices where lesson.script[i].ask != nil || lesson.script[i].typed != nil {
            _ = s.open(slide: i + 1)
            try AnsweredDisclosureTests.answerRight(&s)
        }
        _ = s.open(slide: 1)
        #expect(s.explain(EntryRef(symbol: .dWa, t: 2, row: 0, col: 1)).last
                == "sum so far = -0.12 + (-0.30) = -0.41   (rounded: the sum uses every digit)")
    }
}
