import Explorer
import TextGrid
import TextBasics

/// Generation mode, in place of the equation panel: a rule with the step and the settings,
/// the text generated so far, the step's equations, ŷ<t> as one bar per character with its
/// probability (the bar's full width is probability 1; the taken character marked `▸`), and the line saying it is fed back as x<t+1>.
/// When the bars do not all fit, the first ones are kept and the taken one takes the last row.
struct GenerationView {
    let panel: GenerationPanel
    let digits: Int
    static let maxBarWidth = 40

    /// The bars shown in `rows` rows: the first ones, with the taken one kept.
    func shownBars(rows: Int) -> [ProbabilityBar] {
        guard panel.bars.count > rows else { return panel.bars }
        var shown = Array(panel.bars.prefix(max(0, rows)))
        if let taken = panel.bars.first(where: \.taken), !shown.contains(where: \.taken), !shown.isEmpty {
            shown[shown.count - 1] = taken
        }
        return shown
    }

    func draw(into grid: inout Grid, in rect: Rect) {
        guard rect.height > 0 else { return }
        TextFit.rule(&grid, label: panel.title, right: panel.settings, x: rect.x, y: rect.y, width: rect.width)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
        let tail = 1 + (panel.note == nil ? 0 : 1)
        var lines = [(panel.text, Style(.normal, attributes: [.bold])), (panel.equation, Style(.muted)),
                     (panel.caption, Style(.accent))]
        if inner.height - lines.count - tail < min(panel.bars.count, 5) { lines.remove(at: 1) }  // the equation goes first
        var y = inner.y
        for (text, style) in lines where y < inner.maxY {
            grid.put(TextFit.truncate(text, to: inner.width), x: inner.x, y: y, style: style, clip: inner)
            y += 1
        }
        let bars = shownBars(rows: inner.maxY - y - tail)
        let labelWidth = bars.map { DisplayWidth.of($0.label) }.max() ?? 1
        let number = { (p: Double) in NumberFormat.format(p, digits: max(digits, 3)) }
        let barWidth = max(4, min(Self.maxBarWidth, inner.width - labelWidth - 12))
        for bar in bars where y < inner.maxY {
            let style = bar.taken ? Style(.focus, attributes: [.bold]) : Style.plain
            var x = grid.put(bar.taken ? "▸ " : "  ", x: inner.x, y: y, style: style, clip: inner)
            x = grid.put(bar.label + String(repeating: " ", count: labelWidth - DisplayWidth.of(bar.label)) + " ",
                         x: x, y: y, style: style, clip: inner)
            Bar(value: bar.probability, max: 1, barWidth: barWidth, label: number(bar.probability),
                style: bar.taken ? Style(.focus) : Style(.accent))
                .draw(into: &grid, in: Rect(x: x, y: y, width: inner.maxX - x, height: 1))
            y += 1
        }
        let end = [(panel.fedBack, Style(.accent, attributes: [.bold]))] + (panel.note.map { [($0, Style(.warning, attributes: [.bold]))] } ?? [])
        for (text, style) in end where y < inner.maxY {
            grid.put(TextFit.truncate(text, to: inner.width), x: inner.x, y: y, style: style, clip: inner)
            y += 1
        }
    }
}
