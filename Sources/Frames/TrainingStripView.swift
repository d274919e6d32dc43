import Explorer
import TextGrid
import TextBasics

/// One line under the timeline once the student has trained: `trained 300 steps`, the loss
/// curve as a sparkline with its range, then the settings and the keys when they fit (else
/// the keys alone; a curve too long for the line shows its latest points, so the range and
/// the keys stay).
struct TrainingStripView {
    let strip: TrainingStrip
    let digits: Int

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let clip = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        var x = grid.put(" " + strip.title, x: rect.x, y: rect.y, style: Style(.header, attributes: [.bold]), clip: clip)
        x = grid.put("  " + strip.curveLabel + " ", x: x, y: rect.y, style: Style(.muted), clip: clip)
        let room = rect.maxX - x
        // the keys and the range stay: a long curve shows its latest points (on the whole curve's range)
        let whole = Sparkline(strip.curve, digits: digits)
        var sparkline = whole
        let keys = DisplayWidth.of("   " + strip.keys)
        if whole.naturalWidth + keys > room, let range = whole.effectiveRange {
            let label = 2 + DisplayWidth.of(whole.rangeLabel)
            sparkline = Sparkline(Array(strip.curve.suffix(max(4, room - keys - label))), range: range, digits: digits)
        }
        let width = min(sparkline.naturalWidth, room)
        sparkline.draw(into: &grid, in: Rect(x: x, y: rect.y, width: width, height: 1))
        let detail = ["   " + strip.settings + " · " + strip.keys, "   " + strip.keys]
            .first { width + DisplayWidth.of($0) <= room }
        if let detail {
            grid.put(detail, x: x + width, y: rect.y, style: Style(.muted), clip: clip)
        }
    }
}
