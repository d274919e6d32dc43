import Explorer
import TextBasics
import TextGrid

/// The training lab in place of the equation panel: the settings and their keys, the run's
/// state, the loss chart (left, as wide and tall as the room allows; log scale when the loss
/// spans two decades), and on the right the
/// ‖∂L/∂W‖ chart (log scale, with the clip level), ‖da<t>‖ over t (log scale, so a vanishing
/// tail is a slope, not a flat line), and the latest samples.
struct LabView {
    let lab: LabPanel

    func draw(into grid: inout Grid, in rect: Rect) {
        guard rect.height >= 4 else { return }
        var area = rect
        let rule = area.splitTop(1)
        TextFit.rule(&grid, label: lab.title, right: lab.status, x: rule.top.x, y: rule.top.y, width: rule.top.width)
        area = rule.rest
        let rows = Self.settingsRows(lab.settings, width: area.width - 1)
        let settings = area.splitTop(min(rows.count, area.height))
        for (r, row) in rows.prefix(settings.top.height).enumerated() {
            var x = settings.top.x + 1
            let y = settings.top.y + r
            for s in row {
                x = grid.put(s.keys, x: x, y: y, style: Style(.accent, attributes: [.bold]), clip: settings.top)
                x = grid.put(s.name.isEmpty ? " " : " \(s.name) ", x: x, y: y, style: Style(.muted), clip: settings.top)
                x = grid.put(s.value, x: x, y: y, style: Style(.normal, attributes: [.bold]), clip: settings.top) + 2
            }
        }
        area = settings.rest
        if let message = lab.message {   // why the run stopped (or `w` wrote nothing), wrapped on up to 4 lines
            // whole at 80×24 too (4 lines in English), leaving the loss chart its title, one row and its axis
            let lines = TextBlock.wrap(message, width: max(1, area.width - 2)).prefix(4)
            let block = area.splitTop(min(lines.count, max(0, area.height - 3)))
            for (i, text) in lines.prefix(block.top.height).enumerated() {
                grid.put(text, x: block.top.x + 1, y: block.top.y + i, style: Style(.error, attributes: [.bold]), clip: block.top)
            }
            area = block.rest
        }
        // the loss chart takes 55% (at least 70 columns when that leaves the right side 36), so
        // at 80 columns the gradient chart, ‖da<t>‖ and the samples still have room
        let leftWidth = max(area.width * 11 / 20, min(70, area.width - 36))
        let (left, right) = area.splitLeft(min(leftWidth, area.width))
        drawChart([lab.lossTitle, lab.lossTitleShort], LineChart(points: lab.loss.map { .init(low: $0.low, high: $0.high, line: $0.line) },
                                            xRange: Double(lab.firstStep)...Double(lab.firstStep + lab.steps),
                                            scale: lab.lossLog ? .log10 : .linear, xUnit: lab.xUnit), into: &grid, in: left)
        guard right.width >= 20 else { return }
        let inner = Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height)
        let gradientHeight = max(4, inner.height / 2)
        let (top, rest) = inner.splitTop(min(gradientHeight, inner.height))
        let cut = lab.gradientTitleShort.split(whereSeparator: { $0 == ":" || $0 == "：" }).first.map(String.init) ?? lab.gradientTitleShort
        drawChart([lab.gradientTitle, lab.gradientTitleShort, cut], LineChart(points: lab.gradient.map { .init(low: $0.low, high: $0.high, line: $0.line) },
                                                xRange: Double(lab.firstStep)...Double(lab.firstStep + lab.steps), scale: .log10, level: lab.clipLevel, xUnit: lab.xUnit),
                  into: &grid, in: top)
        guard rest.height >= 2 else { return }
        // short of room (80×24), ‖da<t>‖ goes on one row when it fits there, so two samples show
        let oneRow = rest.height < 5 && lab.dcNorms == nil && Self.oneRowWidth(lab.daTitleShort, lab.daNorms) <= rest.width
        var (da, samples) = rest.splitTop(oneRow ? 1 : 2)
        if oneRow { Self.drawNormsOneRow(lab.daTitleShort, lab.daNorms, into: &grid, in: da) }
        else { Self.drawNorms([lab.daTitle, lab.daTitleShort], lab.daNorms, into: &grid, in: da) }
        if let dcNorms = lab.dcNorms, samples.height >= 4 {   // an LSTM: ‖dc<t>‖ under ‖da<t>‖
            let (dc, below) = samples.splitTop(2)
            Self.drawNorms([lab.dcTitle, lab.dcTitleShort], dcNorms, into: &grid, in: dc)
            samples = below
        }
        guard samples.height >= 1, !lab.samplesTitle.isEmpty else { return }
        if samples.height == 1 {   // one row left: the latest sample after the title, never none
            let x = grid.put(lab.samplesTitle, x: samples.x, y: samples.y, style: Style(.muted), clip: samples) + 1
            if let line = lab.samples.first { grid.put(line, x: x, y: samples.y, style: Style(.normal), clip: samples) }
            return
        }
        grid.put(lab.samplesTitle, x: samples.x, y: samples.y, style: Style(.muted), clip: samples)
        for (i, line) in lab.samples.prefix(samples.height - 1).enumerated() {
            grid.put(line, x: samples.x, y: samples.y + 1 + i, style: i == 0 ? Style(.normal) : Style(.muted), clip: samples)
        }
    }

    /// A norm over t in two rows: the title, then a log-scale sparkline with its range after it;
    /// when both do not fit one row, the range goes up beside the title; the short title when the
    /// long one does not fit.
    static func drawNorms(_ titles: [String], _ values: [Double], into grid: inout Grid, in rect: Rect) {
        guard rect.height >= 2 else { return }
        let spark = Sparkline(values, scale: .log10)
        var line = spark
        var candidates = titles
        if spark.naturalWidth > rect.width, !spark.rangeLabel.isEmpty {
            line.showRange = false
            candidates = titles.map { $0 + "  " + spark.rangeLabel }
        }
        let title = candidates.first { DisplayWidth.of($0) <= rect.width } ?? candidates.last ?? ""
        grid.put(title, x: rect.x, y: rect.y, style: Style(.muted), clip: rect)
        line.draw(into: &grid, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1))
    }

    /// The width of a norm's title and sparkline (with its range) on one row.
    static func oneRowWidth(_ title: String, _ values: [Double]) -> Int {
        DisplayWidth.of(title) + 1 + Sparkline(values, scale: .log10).naturalWidth
    }

    /// `‖da<t>‖ (log) ▆▃▆█▇▁  0.726…1.37` on one row.
    static func drawNormsOneRow(_ title: String, _ values: [Double], into grid: inout Grid, in rect: Rect) {
        let x = grid.put(title, x: rect.x, y: rect.y, style: Style(.muted), clip: rect) + 1
        Sparkline(values, scale: .log10).draw(into: &grid, in: Rect(x: x, y: rect.y, width: max(0, rect.x + rect.width - x), height: 1))
    }

    /// The settings in as few rows as fit `width`: one row with their names, else one with the
    /// short names and values (zh at 80 columns: the second row would cost the samples their
    /// only row), else two rows with their names.
    static func settingsRows(_ settings: [LabPanel.Setting], width: Int) -> [[LabPanel.Setting]] {
        func rowWidth(_ row: [LabPanel.Setting]) -> Int {
            row.reduce(0) { $0 + DisplayWidth.of($1.keys + ($1.name.isEmpty ? " " : " \($1.name) ") + $1.value) + 2 } - 2
        }
        if rowWidth(settings) <= width { return [settings] }
        let short = settings.map { var s = $0; s.name = s.short; s.value = s.shortValue ?? s.value; return s }
        if rowWidth(short) <= width { return [short] }
        var first: [LabPanel.Setting] = []
        for s in settings {
            guard rowWidth(first + [s]) <= width else { break }
            first.append(s)
        }
        return [first, Array(settings.dropFirst(first.count))]
    }

    /// Draws `chart` under the first of `titles` that fits (the last one shortened with `…` when none does).
    func drawChart(_ titles: [String], _ chart: LineChart, into grid: inout Grid, in rect: Rect) {
        guard rect.height >= 3 else { return }
        let (top, rest) = rect.splitTop(1)
        let room = top.width - 1
        let title = titles.first { DisplayWidth.of($0) <= room } ?? TextFit.truncate(titles.last ?? "", to: room)
        grid.put(title, x: top.x + 1, y: top.y, style: Style(.muted), clip: top)
        grid.draw(chart, in: rest)
    }
}
