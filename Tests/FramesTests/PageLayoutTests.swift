import Explorer
import Foundation
import Frames
import Lessons
import TextGrid
import Testing

/// `unroll export` draws pages, not a terminal: 06's slide 8 (backward t = 1) at the default
/// 100×30 cut the panel with the explorer's scroll hint (`⋮ ↓ N   j k`) and never showed dWya,
/// dby and da_prev<1>; a page frame grows until its panel fits, and has no key bar.
@Suite struct PageLayoutTests {
    static func slide8() throws -> ViewModel {
        let path = FrameFixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons/06-bptt.yaml").path
        var state = ExplorerState(lesson: try LessonLoader.load(path: path).get(), language: .en)
        #expect(state.open(slide: 8) == nil)
        return state.pageViewModel()
    }

    @Test func aTallPanelGetsTheLinesItNeedsAndNoScrollHint() throws {
        let frame = try Self.slide8()
        let cut = FrameRenderer.render(frame, size: Size(width: 100, height: 30), depth: .none).plainText()
        #expect(cut.contains { $0.contains("⋮ ↓") }, "at 100×30 the explorer scrolls this panel")
        let height = PageLayout.height(frame, width: 100, atLeast: 30, depth: .none)
        #expect(height > 30)
        let page = PageLayout.render(frame, size: Size(width: 100, height: height), depth: .none).plainText()
        #expect(page.count == height - 1, "no key bar line")
        #expect(!page.contains { $0.contains("⋮") })
        for name in ["dWya 1×3", "dby 1", "da_prev<1> 3", "dWa 3×5"] {
            #expect(page.contains { $0.contains(name) }, "\(name) on the page")
        }
        #expect(!page.contains { $0.contains("Space play") || $0.contains("q quit") }, "no explorer keys on a page")
        // one line fewer and the panel scrolls again: the fewest lines that fit
        let shorter = FrameRenderer.render(frame, size: Size(width: 100, height: height - 1), depth: .none).plainText()
        #expect(shorter.contains { $0.contains("⋮") })
    }

    /// A page takes no keys: its title bar has no `? help` (en and zh), while the explorer's
    /// frame of the same state keeps it; the rest of the title bar is the same.
    @Test func aPageHasNoHelpKeyInItsTitleBar() throws {
        for language in [Language.en, .zh] {
            var state = try FrameFixtures.state(language: language)
            _ = state.open(slide: 1)
            let hint = language == .en ? "? help" : "? 帮助"
            let frame = state.pageViewModel()
            let explorer = FrameRenderer.render(frame, size: Size(width: 100, height: 30), depth: .none).plainText()
            let page = PageLayout.render(frame, size: Size(width: 100, height: 30), depth: .none).plainText()
            #expect(explorer[0].hasSuffix(hint), "\(explorer[0])")
            #expect(!page[0].contains(hint) && !page.contains { $0.contains(hint) }, "\(page[0])")
            var bare = String(explorer[0].dropLast(hint.count))
            while bare.hasSuffix(" ") { bare.removeLast() }
            #expect(page[0] == bare)
        }
    }

    @Test func aFrameThatFitsKeepsItsHeight() throws {
        var state = try FrameFixtures.state()
        _ = state.open(slide: 1)
        #expect(PageLayout.height(state.pageViewModel(), width: 100, atLeast: 30, depth: .none) == 30)
    }
}
