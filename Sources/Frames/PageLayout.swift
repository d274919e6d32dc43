import Explorer
import TextGrid

/// A frame for a page (`unroll export`: HTML, SVG, text), which has no keys: no key bar at the
/// bottom, no `? help` in the title bar, and a height at which the panel fits whole, so no `⋮ ↓ N   j k` hint is left that
/// only a terminal could follow.
public enum PageLayout {
    /// The fewest lines, at least `minimum` and at most `maximum`, at which `frame` drawn
    /// `width` columns wide has a panel that does not scroll (`maximum` when none does).
    public static func height(_ frame: ViewModel, width: Int, atLeast minimum: Int, depth: ColorDepth, maximum: Int = 240) -> Int {
        func fits(_ h: Int) -> Bool {
            let range = FrameRenderer.layout(frame, size: Size(width: width, height: h), depth: depth).scrollRange
            return range == nil || range == 0...0
        }
        guard minimum < maximum, !fits(minimum) else { return minimum }
        // grow in larger and larger steps until the panel fits, then halve back to the fewest lines
        var low = minimum, high = minimum, step = 8
        repeat {
            low = high
            high = min(maximum, high + step)
            step *= 2
        } while high < maximum && !fits(high)
        while high - low > 1 {
            let middle = (low + high) / 2
            if fits(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// `frame` at `size` without its key bar and its title bar's `? help`: the grid is one line
    /// shorter than `size` (with `keepBlankLine` the key bar's line stays, blank, for
    /// `Chrome.trimmed` to take off).
    public static func render(_ frame: ViewModel, size: Size, depth: ColorDepth, keepBlankLine: Bool = false) -> Grid {
        var page = frame
        page.footer = []
        page.header.helpHint = ""
        let grid = FrameRenderer.render(page, size: size, depth: depth)
        guard FrameRenderer.fits(size), !keepBlankLine else { return grid }
        var out = Grid(width: grid.width, height: grid.height - 1)
        for y in 0..<out.height {
            for x in 0..<grid.width where !grid[x, y].isContinuation { out.set(grid[x, y], x: x, y: y) }
        }
        return out
    }
}
