import Explorer
import Foundation
import Frames
import Lessons
import RNNCore
import TextGrid
import Testing

/// A what-if (`--set`, a slide's `set:`) is marked at every width the explorer allows: the header
/// keeps "what if" (shortened to `what if ✎` before anything else is lost) and the changed entry
/// carries ✎, so a handout never shows changed numbers as the lesson's own.
@Suite struct WhatIfHeaderTests {
    static func state(_ name: String, slide: Int, edits: NetworkEdits = NetworkEdits(), language: Language) throws -> ExplorerState {
        let lesson = try LessonLoader.load(path: LessonSnapshotTests.lessonsDirectory + "/\(name).yaml").get().editing(edits)
        var s = ExplorerState(lesson: lesson, language: language)
        #expect(s.open(slide: slide) == nil)
        return s
    }

    static var waa01: NetworkEdits {
        var e = NetworkEdits()
        e.set(EntryRef(symbol: .Wa, row: 0, col: 1), 0.5)   // Waa[0,1] = 0.5
        return e
    }

    @Test(arguments: Language.allCases) func theMarkerSurvivesEveryWidth(language: Language) throws {
        let marker = language == .en ? "what if" : "假如"
        let cases = [try Self.state("02-forward", slide: 6, edits: Self.waa01, language: language),
                     try Self.state("04a-tanh-saturation", slide: 6, language: language)]
        for s in cases {
            for width in [80, 81, 90, 100, 120, 160] {
                let lines = FrameRenderer.render(s.viewModel(), size: Size(width: width, height: 24), depth: .none).plainText()
                #expect(lines[0].contains(marker), "\(width): \(lines[0])")
                #expect(lines[0].contains(language == .en ? "? help" : "? 帮助"), "\(width): \(lines[0])")
            }
        }
        // wide enough, the marker says what changed
        let wide = FrameRenderer.render(cases[0].viewModel(), size: Size(width: 120, height: 24), depth: .none).plainText()
        #expect(wide[0].contains(language == .en ? "what if: Waa[0,1] = 0.5" : "假如：Waa[0,1] = 0.5"), "\(wide[0])")
    }

    @Test func theChangedEntryCarriesAnEditMark() throws {
        let s = try Self.state("02-forward", slide: 6, edits: Self.waa01, language: .en)
        let lines = FrameRenderer.render(s.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
        #expect(lines.contains { $0.contains("✎ 0.50") }, "no ✎ on Waa[0,1] = 0.50")
        #expect(lines.dropFirst().joined().components(separatedBy: "✎").count - 1 == 1, "one entry changed, one mark")
        Snapshot.check(lines, named: "what-if-02-forward-en-80x24")
        // the lesson as written has no marker and no mark
        let plain = try Self.state("02-forward", slide: 6, language: .en)
        let text = FrameRenderer.render(plain.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
        #expect(!text[0].contains("what if") && !text.joined().contains("✎"))
    }
}
