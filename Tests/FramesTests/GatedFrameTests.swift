import Foundation
import Explorer
import Frames
import Lessons
import RNNCore
import TextGrid
import Testing
import TextBasics

/// Whole frames of a GRU (`Fixtures/gru.yaml`, "hello", n_a = 3) and an LSTM
/// (`Fixtures/lstm.yaml`, n_a = 2, c<0> given) at 120×40 and 80×24, English and Chinese:
/// the forward panel gate by gate, the backward panel through c and a, the timeline's gate bars
/// and ‖dc‖, the inspect box of a gate entry and of c<t>.
@Suite struct GatedFrameTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    static func scenes() throws -> [(name: String, state: ExplorerState)] {
        var scenes: [(String, ExplorerState)] = []
        for cell in ["gru", "lstm"] {
            let lesson = try FrameFixtures.lesson(cell)
            for language in Language.allCases {
                let s = ExplorerState(lesson: lesson, language: language)
                let tag = "\(cell)-\(language.rawValue)"
                scenes.append(("\(tag)-forward-t2", s))                                 // slide 1, focus on a gate
                scenes.append(("\(tag)-backward", s.after(.answer(1), .nextSlide)))      // slide 2
            }
            let s = ExplorerState(lesson: lesson).after(.answer(1))
            var all = s
            all.revealAll()
            scenes.append(("\(cell)-inspect-gate", all.after(.toggleInspect)))
            var onC = all
            _ = onC.inspect(entry: EntryRef(symbol: .c, t: 2, row: 0))
            scenes.append(("\(cell)-inspect-c", onC))
            scenes.append(("\(cell)-backward-t1", all.after(.startBackward, .lastStep)))
            // a shared weight and bias (what they multiply, where they are added) and the stacked input
            for (name, ref) in [("weight", EntryRef(symbol: .Wc, row: 0, col: 1)), ("bias", EntryRef(symbol: .bu, row: 0)),
                                ("stacked", EntryRef(symbol: .stacked, t: 2, row: 0))] {
                var on = all
                _ = on.inspect(entry: ref)
                scenes.append(("\(cell)-inspect-\(name)", on))
            }
        }
        return scenes
    }

    @Test(arguments: sizes) func snapshots(size: Size) throws {
        for scene in try Self.scenes() {
            let grid = FrameRenderer.render(scene.state.viewModel(), size: size, depth: .none)
            Snapshot.check(grid.plainText(), named: "gated-\(scene.name)-\(size.width)x\(size.height)")
        }
    }

    @Test(arguments: sizes) func everyLineFitsTheWidth(size: Size) throws {
        for scene in try Self.scenes() {
            let grid = FrameRenderer.render(scene.state.viewModel(), size: size, depth: .none)
            #expect(grid.plainText().count == size.height)
            for line in grid.plainText() { #expect(DisplayWidth.of(line) <= size.width, "\(scene.name): \(line)") }
        }
    }

    /// At 120×40 one step's forward working of a gated cell fits without scrolling — the GRU
    /// fixture (n_a = 3, n_x = 4: 7-row stacked inputs, 10 lines too tall standing), the LSTM
    /// fixture and the shipped lessons 10 and 11, at every slide and every forward step, in
    /// both languages — because the stacked inputs lie down (`PanelView.lyingStacks`). At 80×24
    /// the GRU fixture still scrolls, its stacks standing.
    @Test func forwardFitsAt120x40() throws {
        let lessons = [try FrameFixtures.lesson("gru"), try FrameFixtures.lesson("lstm"),
                       try LessonLoader.load(path: "\(LessonSnapshotTests.lessonsDirectory)/10-gru.yaml").get(),
                       try LessonLoader.load(path: "\(LessonSnapshotTests.lessonsDirectory)/11-lstm.yaml").get()]
        for lesson in lessons {
            for language in Language.allCases {
                var slide = ExplorerState(lesson: lesson, language: language)
                for k in 0..<lesson.script.count {
                    if k > 0 { slide = slide.after(.answer(1), .nextSlide) }
                    var s = slide.after(.startForward)
                    for t in 1...s.T {
                        if t > 1 { s = s.after(.nextStep) }
                        let text = FrameRenderer.render(s.viewModel(), size: Size(width: 120, height: 40), depth: .none).plainText()
                        #expect(!text.joined().contains("⋮"), "\(lesson.path) slide \(k + 1) t = \(t) \(language) scrolls at 120×40")
                    }
                }
            }
        }
        var gru = ExplorerState(lesson: try FrameFixtures.lesson("gru"))
        gru.revealAll()
        let small = FrameRenderer.render(gru.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
        #expect(small.contains { $0.contains("⋮") })
        #expect(!small.contains { $0.contains("░ 0.33 │  0.00█ 1.00") }, "the stacks stand at 80×24")
        let big = FrameRenderer.render(gru.viewModel(), size: Size(width: 120, height: 40), depth: .none).plainText()
        #expect(big.contains { $0.contains("░-0.08░ 0.12░ 0.33 │  0.00█ 1.00  0.00  0.00") }, "the stacks lie at 120×40")
    }

    /// The forward panel reads like the cell's equations, in the description's order.
    @Test func forwardRowsFollowTheDescription() throws {
        var s = ExplorerState(lesson: try FrameFixtures.lesson("lstm"))
        s.revealAll()
        let labels = s.forwardPanel(2).rows.map { $0.terms.last?.label ?? "" }
        #expect(labels == ["Γf<2>", "Γu<2>", "Γo<2>", "c̃<2>", "c<2>", "a<2>", "ŷ<2>", "L<1>+L<2>"])
        let gru = ExplorerState(lesson: try FrameFixtures.lesson("gru"))
        let c = gru.forwardPanel(2).rows[3].items.compactMap { item -> String? in
            switch item {
            case .term(let t): return t.label
            case .op(let o): return o.text
            }
        }
        #expect(c == ["Γu<2>", "⊙", "c̃<2>", "+", "1−Γu<2>", "⊙", "c<1>", "=", "c<2>", "=", "a<2>"])
    }
}
