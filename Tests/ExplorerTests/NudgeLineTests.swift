import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// The nudge line as a student reads it: enough digits for the step, the gradient's name, and no
/// nudge keys where nothing can be nudged.
@Suite struct NudgeLineTests {
    /// 02, Waa[0,0] = 0.10 at step 1e-3: `0.100 → 0.101`, never `0.10 → 0.10`; L with more digits.
    @Test func aSmallStepShowsEnoughDigits() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        _ = s.inspect(entry: try EntryRef.parse("Waa[0,0]").get())
        s.update(.toggleEdit)
        s.update(.smallerStep); s.update(.smallerStep)
        s.update(.nudgeUp)
        let lines = try #require(s.viewModel().inspect?.lines)
        #expect(lines.first == "Waa[0,0]: 0.100 → 0.101 (Δ = +0.001)", "\(lines)")
        let loss = try #require(lines.first { $0.hasPrefix("L: ") })
        #expect(loss.hasPrefix("L: 1.27976 → "), "\(loss)")
        s.update(.nudgeUp)
        #expect(s.viewModel().inspect?.lines.first == "Waa[0,0]: 0.100 → 0.102 (Δ = +0.002 from the lesson's value; last step 0.101 → 0.102)")
        s.update(.nudgeDown); s.update(.nudgeDown); s.update(.nudgeDown)
        #expect(s.viewModel().inspect?.lines.first == "Waa[0,0]: 0.100 → 0.099 (Δ = -0.001)")
        // the default step keeps the display's digits
        #expect(ExplorerState.nudgeDigits(step: 0.1, delta: 0.3, display: 2) == 2)
        #expect(ExplorerState.nudgeDigits(step: 1e-3, delta: 1e-3, display: 2) == 3)
        #expect(ExplorerState.nudgeDigits(step: 0.1, delta: 0.101, display: 2) == 3)   // 1e-3 then 0.1
        #expect(ExplorerState.nudgeDigits(step: 1e-6, delta: 1e-6, display: 2) == 6)
    }

    /// An input's prediction uses dL/dx, a<0>'s dL/da<0>, a weight's dL/dw.
    @Test func anInputsPredictionSaysDLdx() throws {
        let (lesson, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        _ = s.go(phase: .forward, t: 2)
        _ = s.inspect(entry: try EntryRef.parse("stacked<2>[3]").get())
        s.update(.toggleEdit)
        s.update(.nudgeUp); s.update(.nudgeUp)
        let lines = try #require(s.viewModel().inspect?.lines)
        #expect(lines.first?.hasPrefix("x<2>[0]: 1.00 → 1.20 (Δ = +0.20 from the lesson's value") == true, "\(lines)")
        #expect(lines.contains { $0.contains("the gradient predicted dL/dx · Δ = ") }, "\(lines)")
        #expect(ExplorerState.gradientName(EntryRef(symbol: .a0, row: 0)) == "dL/da<0>")
        #expect(ExplorerState.gradientName(EntryRef(symbol: .Wa, row: 0, col: 0)) == "dL/dw")
    }

    /// `e` on a target: the footer offers no nudge keys, and the box says why (no edit-mode keys).
    @Test func aTargetOffersNoNudgeKeys() throws {
        let (lesson, _) = try StudentTests.shipped("05-loss.yaml")
        var s = ExplorerState(lesson: lesson)
        s.revealAll()
        #expect(s.inspect(entry: try EntryRef.parse("y<1>[0]").get()) == nil)
        s.update(.toggleEdit)
        #expect(s.keyMode == .edit)
        #expect(!s.footer.contains { $0.keys == "+-[]0⌫" }, "\(s.footer)")
        let lines = try #require(s.viewModel().inspect?.lines)
        #expect(lines.first?.hasPrefix("y<1>[0] is a target: a label of the data") == true, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("edit mode: + -") })
        _ = s.inspect(entry: try EntryRef.parse("Wya[0,0]").get())
        #expect(s.footer.first?.keys == "+-[]0⌫")
    }
}
