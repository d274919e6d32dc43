import Explorer
import TextGrid

/// A panel (forward or backward working) drawn into a rectangle.
///
/// Equation rows are laid out at the full width, then flowed like words: a row that fits
/// beside the previous one goes there (four columns apart), otherwise it starts a new band
/// below. When the panel is taller than the rectangle it scrolls so that the inspect cursor's
/// term (else the slide's focus) is in view, with `⋮ ↑ N` / `⋮ ↓ N` markers (N lines
/// hidden above or below); the rows in view are drawn into a scratch grid of the window's size, then copied.
struct PanelView {
    static let gap = 4

    let panel: Panel
    let digits: Int
    let depth: ColorDepth
    /// Start compact (no `±range` lines); a panel that does not fit its rectangle drops
    /// the `±range` lines, then the blank lines between equations, before it scrolls.
    let compact: Bool
    /// Lines the student scrolled by (j/k), added to the automatic position and clamped.
    var scroll: Int = 0

    /// How densely equations are set: with `±range` lines, with a blank line between bands.
    struct Density: Equatable {
        var showScale: Bool
        var gap: Int
    }

    struct Placed {
        var layout: EquationLayout
        var x: Int
        var y: Int
    }

    /// The rows placed for `width` columns at `density`, from groups fitted once. Rows that
    /// share a band have their labels on one line and start their first values on one line (a
    /// row with a shorter header, e.g. no `±range` line, gets a blank header line).
    func place(_ fitted: [[EquationLayout.Group]], width: Int, density: Density) -> (rows: [Placed], height: Int) {
        var bands: [[Placed]] = []
        var x = 0
        for (row, groups) in zip(panel.rows, fitted) {
            let layout = EquationLayout(groups, note: row.note, width: width, showScale: density.showScale)
            if bands.isEmpty || (x > 0 && x + Self.gap + layout.size.width > width) {
                bands.append([])
                x = 0
            }
            let at = x == 0 ? 0 : x + Self.gap
            bands[bands.count - 1].append(Placed(layout: layout, x: at, y: 0))
            x = at + layout.size.width
        }
        var rows: [Placed] = []
        var y = 0
        for band in bands {
            let header = band.map { $0.layout.lines.first?.headerHeight ?? 0 }.max() ?? 0
            var bandHeight = 0
            for var p in band {
                // labels stay on the band's top line; a shorter header gets blank lines under it
                p.layout.raiseFirstHeader(to: header)
                p.y = y
                bandHeight = max(bandHeight, p.layout.size.height)
                rows.append(p)
            }
            y += bandHeight + density.gap
        }
        return (rows, max(0, y - density.gap))
    }

    /// The vertical span to keep in view, if any: the equation row holding the inspect
    /// cursor's term (else the slide's focus) when that fits, else the term itself. The
    /// window starts at its top, so the row reads from its beginning.
    func target(in rows: [Placed], room: Int) -> (top: Int, bottom: Int)? {
        for wanted in [{ (t: Term) in t.cursor != nil }, { (t: Term) in t.focused }] {
            for row in rows {
                for p in row.layout.placed where wanted(p.view.term) {
                    let r = row.layout.rect(of: p)
                    let bottom = row.y + r.maxY
                    return (bottom - row.y <= room ? row.y : row.y + r.y, bottom)
                }
            }
        }
        return nil
    }

    /// Draws the panel, `scroll` lines from where it places itself (clamped); returns how far it
    /// can scroll from that place at this size (`0...0` when it fits).
    @discardableResult
    func draw(into grid: inout Grid, in rect: Rect) -> ClosedRange<Int> {
        guard !rect.isEmpty else { return 0...0 }
        // a tall vector (a one-hot x over a big vocabulary) takes at most half the panel
        let maxBody = max(8, (rect.height - 2) / 2)
        var densities = [Density(showScale: false, gap: 1), Density(showScale: false, gap: 0)]
        if !compact { densities.insert(Density(showScale: true, gap: 1), at: 0) }
        let fitted = panel.rows.map {
            EquationLayout.groups($0, width: rect.width, maxBodyHeight: maxBody, digits: digits, depth: depth)
        }
        var (rows, height) = ([Placed](), 0)
        for density in densities {
            (rows, height) = place(fitted, width: rect.width, density: density)
            if height <= rect.height { break }
        }
        if height > rect.height, let (lyingRows, lyingHeight) = lyingStacks(rect: rect, maxBody: maxBody, standing: fitted) {
            (rows, height) = (lyingRows, lyingHeight)
        }
        // Scrolling: a marker line above and/or below, as needed.
        var top = 0
        if height > rect.height, let (a, b) = target(in: rows, room: rect.height - 2), b > rect.height - 1 {
            // no blank lines at the bottom, but start on the first line of an equation
            let lowest = max(0, height - (rect.height - 1))
            let starts = rows.flatMap { row in row.layout.lines.map { row.y + $0.y } }
            top = a <= lowest ? a : starts.filter { $0 >= lowest && $0 <= a }.min() ?? a
        }
        var range = 0...0
        if height > rect.height {
            let automatic = top, lowest = max(automatic, height - (rect.height - 1))
            range = -automatic...(lowest - automatic)
            range = keepingCursor(in: rows, range: range, automatic: automatic, height: height, room: rect.height)
            top = automatic + min(max(scroll, range.lowerBound), range.upperBound)
        }
        let visible = Self.visibleLines(top: top, height: height, room: rect.height)
        // Only the rows that show are drawn (a heatmap formats all its numbers).
        // The window's own scratch grid clips what sticks out above or below.
        var scratch = Grid(width: rect.width, height: max(visible, 1))
        for row in rows where row.y < top + visible && row.y + row.layout.size.height > top {
            row.layout.draw(into: &scratch, x: row.x, y: row.y - top)
        }
        var y = rect.y
        let muted = Style(.muted)
        if top > 0 {
            grid.put("⋮ ↑ \(top)", x: rect.x, y: y, style: muted, clip: rect)
            y += 1
        }
        blit(scratch, from: 0, count: visible, into: &grid, at: (rect.x, y))
        let below = height - top - visible
        if below > 0 {
            grid.put("⋮ ↓ \(below)   j k", x: rect.x, y: y + visible, style: muted, clip: rect)
        }
        return range
    }

    /// The densest layout, for a panel that does not fit even without `±range` lines and blank
    /// lines: each stacked input (`[c<t-1>; x<t>]`, n_a + n_x tall) drawn lying, as one line,
    /// so a gate's row is only as tall as its W — taken only when then the whole panel fits and
    /// every term keeps the way it was drawn standing (its numbers) and no row wraps more; else
    /// the panel scrolls.
    func lyingStacks(rect: Rect, maxBody: Int, standing: [[EquationLayout.Group]]) -> (rows: [Placed], height: Int)? {
        guard panel.terms.contains(where: TermView.canLie) else { return nil }
        let fitted = panel.rows.map {
            EquationLayout.groups($0, width: rect.width, maxBodyHeight: maxBody, digits: digits, depth: depth, lying: true)
        }
        for (a, b) in zip(fitted.joined(), standing.joined()) where a.view.fit.mode != b.view.fit.mode {
            return nil
        }
        // and no row wraps onto more lines than it did standing (a lying stack may make it too wide)
        for (row, (a, b)) in zip(panel.rows, zip(fitted, standing)) {
            let lines = { (g: [EquationLayout.Group]) in EquationLayout(g, note: row.note, width: rect.width, showScale: false).lines.count }
            if lines(a) > lines(b) { return nil }
        }
        for gap in [1, 0] {
            let (rows, height) = place(fitted, width: rect.width, density: Density(showScale: false, gap: gap))
            if height <= rect.height { return (rows, height) }
        }
        return nil
    }

    /// Lines of the panel in view when it starts at `top` (a marker line takes one above
    /// and/or below).
    static func visibleLines(top: Int, height: Int, room: Int) -> Int {
        var visible = min(height, room - (top > 0 ? 1 : 0))
        if top + visible < height { visible -= 1 }
        return visible
    }

    /// The scroll range narrowed so that the inspect cursor's term stays in view (j/k may
    /// scroll only as far as it stays on screen; the automatic place always shows it).
    func keepingCursor(in rows: [Placed], range: ClosedRange<Int>, automatic: Int, height: Int, room: Int) -> ClosedRange<Int> {
        var span: (top: Int, bottom: Int)?
        for row in rows {
            for p in row.layout.placed where p.view.term.cursor != nil {
                let r = row.layout.rect(of: p)
                span = (row.y + r.y, row.y + r.maxY)
            }
        }
        guard let (a, b) = span else { return range }
        let shows = range.filter { offset in
            let top = automatic + offset
            let visible = Self.visibleLines(top: top, height: height, room: room)
            return a >= top && min(b, a + room - 3) <= top + visible
        }
        guard let low = shows.first, let high = shows.last else { return 0...0 }
        return low...high
    }

    private func blit(_ source: Grid, from top: Int, count: Int, into grid: inout Grid, at origin: (Int, Int)) {
        for row in 0..<max(0, min(count, source.height - top)) {
            for column in 0..<source.width {
                let cell = source[column, top + row]
                if cell.isContinuation { continue }
                grid.set(cell, x: origin.0 + column, y: origin.1 + row)
            }
        }
    }
}
