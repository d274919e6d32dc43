import Explorer
import Frames
import Lessons
import TextGrid
import Testing
import TextBasics

/// Whole frames of the fixture lesson (`Fixtures/tiny.yaml`: "hello", n_a = 3, vocab of 4)
/// at 120×40, 100×30 and 80×24, as plain text (no colour: shade glyphs and marks).
@Suite struct FrameSnapshotTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 100, height: 30), Size(width: 80, height: 24)]

    /// The story positions worth a snapshot, by name.
    static func scenes() throws -> [(name: String, state: ExplorerState)] {
        let en = try FrameFixtures.state()
        let zh = try FrameFixtures.state(language: .zh)
        return [
            ("tiny-forward-t1", en),                                           // slide 1: most terms hidden
            ("tiny-forward-t2", en.after(.nextSlide)),                         // focus a<2>[0]
            ("tiny-question-t2", en.after(.nextSlide, .nextSlide)),            // ŷ withheld until answered
            ("tiny-answered-t2", en.after(.nextSlide, .nextSlide, .answer(3))),
            ("tiny-backward-t3", en.after(.nextSlide, .nextSlide, .answer(2), .nextSlide)),  // focus dWa
            ("tiny-backward-t1", en.after(.nextSlide, .nextSlide, .answer(2), .nextSlide, .lastStep)),
            ("tiny-help", en.after(.nextSlide, .toggleHelp)),
            ("tiny-inspect-t2", en.after(.nextSlide, .toggleInspect, .moveDown)),
            ("tiny-inspect-backward-t3", en.after(.nextSlide, .nextSlide, .answer(2), .nextSlide, .toggleInspect)),
            ("tiny-zh-forward-t2", zh.after(.nextSlide)),
            ("tiny-zh-question-t2", zh.after(.nextSlide, .nextSlide, .answer(2))),
            ("tiny-zh-backward-t3", zh.after(.nextSlide, .nextSlide, .answer(2), .nextSlide)),
            ("tiny-zh-help", zh.after(.toggleHelp)),
        ]
    }

    @Test(arguments: sizes) func snapshots(size: Size) throws {
        for scene in try Self.scenes() {
            let grid = FrameRenderer.render(scene.state.viewModel(), size: size, depth: .none)
            Snapshot.check(grid.plainText(), named: "\(scene.name)-\(size.width)x\(size.height)")
        }
    }

    /// A lesson of shipped size (n_a = 16, vocab of 29, T = 25): heatmaps shrink to blocks and
    /// are cut, the timeline shows a window.
    @Test func bigLessonSnapshots() throws {
        let lesson = try FrameFixtures.lesson("big")
        let state = ExplorerState(lesson: lesson).after(.nextStep, .nextStep)
        for (name, s) in [("big-forward-t3", state), ("big-backward-t25", state.after(.startBackward))] {
            for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
                let grid = FrameRenderer.render(s.viewModel(), size: size, depth: .none)
                Snapshot.check(grid.plainText(), named: "\(name)-\(size.width)x\(size.height)")
            }
        }
    }

    @Test(arguments: sizes) func everyLineFitsTheWidth(size: Size) throws {
        for scene in try Self.scenes() {
            for depth in ColorDepth.allCases {
                let grid = FrameRenderer.render(scene.state.viewModel(), size: size, depth: depth)
                #expect(grid.plainText().count == size.height)
                for line in grid.plainText() {
                    #expect(DisplayWidth.of(line) <= size.width, "\(scene.name) at \(size): \(line)")
                }
            }
        }
    }

    /// At the smallest size every part is still there, top to bottom, in order.
    @Test func at80x24EveryPartShowsInOrder() throws {
        let state = try FrameFixtures.state().after(.nextSlide)
        let lines = FrameRenderer.render(state.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
        let header = lines.firstIndex { $0.contains("forward t = 2 / 4") && $0.contains("slide 2 / 4") && $0.hasSuffix("? help") }
        let timeline = lines.firstIndex { $0.contains("╔═t=2") }
        let panel = lines.firstIndex { $0.hasPrefix("── forward  t = 2") }
        let term = lines.firstIndex { $0.contains("Wa = [Waa | Wax] 3×7") }
        let pane = lines.firstIndex { $0.hasPrefix("── slide 2 / 4") }
        let text = lines.firstIndex { $0.hasPrefix(" a<2> = tanh(Wa·[a<1>; x<2>] + ba)") }
        let footer = lines.indices.last.flatMap { lines[$0].contains("→← step") && lines[$0].contains("i inspect") && lines[$0].hasSuffix("? help") ? $0 : nil }
        let order = [header, timeline, panel, term, pane, text, footer]
        #expect(order.allSatisfy { $0 != nil }, "\(order)")
        let found = order.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(header == 0 && footer == 23)
    }

    /// The backward phase: the backward panel is the main one, the forward step folds to a line.
    @Test func backwardShowsTheBackwardPanelAndAForwardSummary() throws {
        let state = try FrameFixtures.state().after(.nextSlide, .nextSlide, .answer(2), .nextSlide)
        let lines = FrameRenderer.render(state.viewModel(), size: Size(width: 120, height: 40), depth: .none).plainText()
        #expect(lines.contains { $0.hasPrefix(" forward t = 3:  a<3> = [") && $0.contains("L<3> = ") })
        #expect(lines.contains { $0.hasPrefix("── backward  t = 3") })
        #expect(!lines.contains { $0.hasPrefix("── forward") })
        for label in ["dy<3>", "Wyaᵀdy<3>", "da_next<3>", "tanh'(z<3>)", "[a<2>; x<3>]ᵀ", "ΔdWa<3>",
                      "•dWa = [dWaa | dWax], sum of steps 4…3 3×7", "Δdba<3>", "dWya", "dby", "Waaᵀ", "da_prev<3>"] {
            #expect(lines.contains { $0.contains(label) }, "missing \(label)")
        }
        #expect(lines.contains { $0.contains("◀──") })
        #expect(lines.contains { $0.contains("‖da‖") })
    }

    /// The inspect pane takes the lesson pane's place; the panel scrolls so the inspected
    /// entry (marked `▸`) stays in view above it.
    @Test(arguments: sizes) func inspectNeverHidesTheInspectedEntry(size: Size) throws {
        let en = try FrameFixtures.state()
        for state in [en.after(.nextSlide, .toggleInspect, .moveDown),
                      en.after(.nextSlide, .nextSlide, .answer(2), .nextSlide, .toggleInspect, .moveDown, .moveRight),
                      en.after(.nextSlide, .nextSlide, .answer(2), .nextSlide, .lastStep, .toggleInspect)] {
            let lines = FrameRenderer.render(state.viewModel(), size: size, depth: .none).plainText()
            let pane = lines.firstIndex { $0.hasPrefix("── ▸ ") }
            let entry = lines.firstIndex { $0.contains("▸") && !$0.hasPrefix("── ▸ ") }
            #expect(pane != nil && entry != nil && (entry ?? 0) < (pane ?? 0), Comment(rawValue: "\(size)\n" + lines.joined(separator: "\n")))
        }
    }

    @Test func tooSmallAtEverySizeBelowTheMinimum() throws {
        let frame = try FrameFixtures.state().viewModel()
        for size in [Size(width: 79, height: 24), Size(width: 80, height: 23), Size(width: 40, height: 10)] {
            let text = FrameRenderer.render(frame, size: size, depth: .none).plainText().joined(separator: " ")
            let squeezed = text.split(separator: " ").joined(separator: " ")
            #expect(squeezed == "terminal too small: need 80×24, have \(size.width)×\(size.height)")
        }
    }
}
