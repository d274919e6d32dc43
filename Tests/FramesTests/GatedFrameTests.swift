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

    /// At 120×40 one step's forward working of the LSTM fixture (n_a = 2, n_x = 2) fits without
    /// scrolling (the GRU fixture, n_a = 3 over a vocab of 4, has 7-row stacked inputs and
    /// scrolls by 10 lines: its j/k scroll is tested with the plain cell's).
    @Test func forwardFitsAt120x40() throws {
        for cell in ["lstm"] {
            var s = ExplorerState(lesson: try FrameFixtures.lesson(cell))
            s.revealAll()
            let grid = FrameRenderer.render(s.after(.nextStep).viewModel(), size: Size(width: 120, height: 40), depth: .none)
            #expect(!grid.plainText().joined().contains("⋮"), "\(cell) forward scrolls at 120×40")
        }
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
