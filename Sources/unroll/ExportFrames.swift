import Explorer
import Export
import Frames
import Lessons
import TextGrid

/// The frames an export or a recording shows, drawn the way the explorer draws them.
struct FramePlan {
    var width: Int
    var height: Int
    var depth: ColorDepth
    var noChrome = false
    /// A page (export), not a replay of the explorer (record): no answer box to type into, no
    /// key bar, and each frame as tall as its panel needs (`height` at least, `PageLayout.height`).
    var page = false

    /// The grid of `state` at this size (without the title and key bars with `noChrome`).
    func grid(_ state: ExplorerState) -> Grid {
        guard page else {
            let grid = FrameRenderer.render(state.viewModel(), size: Size(width: width, height: height), depth: depth)
            return noChrome ? Chrome.trimmed(grid) : grid
        }
        let frame = state.pageViewModel()
        let size = Size(width: width, height: PageLayout.height(frame, width: width, atLeast: height, depth: depth))
        let grid = PageLayout.render(frame, size: size, depth: depth, keepBlankLine: noChrome)
        return noChrome ? Chrome.trimmed(grid) : grid
    }

    /// `state` as an export frame: its grid, its slide, where it is, and the slide's text.
    func frame(_ state: ExplorerState) -> ExportFrame {
        let f = state.viewModel()
        var label = f.header.step
        if let slide = f.header.slide { label = slide + "  ·  " + label }
        var text = ""
        if let pane = f.lesson {
            text = pane.text
            if let q = pane.question {
                text += "\n\n" + q + "\n" + pane.choices.map { "\($0.number). \($0.text)" }.joined(separator: "\n")
            }
        }
        return ExportFrame(grid: grid(state), slide: f.lesson?.index, label: label, text: text)
    }
}
