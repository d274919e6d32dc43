import Foundation
import Lessons
import Testing
@testable import Explorer

/// What the screen says about the lab after it is used: a lasting header marker once the
/// network is trained (until `r`), a help box that is true of `t` and `T` in the lab, and a
/// status line that names what `x` changed.
@Suite struct LabMarkersTests {
    func lesson08() throws -> Lesson {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try LessonLoader.load(path: root.appendingPathComponent("lessons/08-language-model.yaml").path).get()
    }

    @Test func theHeaderSaysTheNetworkIsTrainedUntilReset() throws {
        for language in Language.allCases {
            let s = ExplorerState(lesson: try lesson08(), language: language)
            #expect(s.viewModel().header.modified == nil)
            let left = s.after(.lab(.toggle), .lab(.hundred), .lab(.toggle), .nextSlide, .nextSlide)
            let marker = language == .en ? "✎ trained 100 steps" : "✎ 已训练 100 步"
            #expect(left.lab == nil && left.viewModel().header.modified == marker)
            #expect(left.viewModel().header.modifiedShort == (language == .en ? "✎ trained" : "✎ 已训练"))
            // `t` outside the lab counts on; `r` goes back and the marker goes with it
            let more = left.after(.train)
            #expect(more.viewModel().header.modified == (language == .en ? "✎ trained 200 steps" : "✎ 已训练 200 步"))
            #expect(more.after(.resetTraining).viewModel().header.modified == nil)
        }
    }

    @Test func theLabHelpIsTrueOfTAndCapitalT() {
        for language in Language.allCases {
            let help = KeyTable.help(language, lab: true)
            let t = help.first { $0.keys == "t" }
            #expect(t?.text == (language == .en ? "train 100 steps, then pause" : "训练 100 步，然后暂停"))
            #expect(!help.contains { $0.keys == "t T" })   // the explorer's line: T is not "the training lab" here
            #expect(help.contains { $0.keys == "Esc" && $0.text.contains("T") })
        }
    }

    @Test func xSaysWhichSequencesTheRunTakes() throws {
        var s = ExplorerState(lesson: try lesson08()).after(.lab(.toggle), .lab(.optimizer))
        #expect(s.viewModel().status?.hasPrefix("Adam") == true)
        s.update(.lab(.sequences))
        #expect(s.viewModel().status == "sequence: only this lesson's own, every step; the run goes on from its weights")
        s.update(.lab(.sequences))
        #expect(s.viewModel().status == "sequences: the lesson's texts (325), one per step; the run goes on from its weights")
    }
}
