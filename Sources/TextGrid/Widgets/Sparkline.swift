import TextBasics

/// A one-line sparkline `▁▂▃▄▅▆▇█` followed by its range, e.g. `▁▃▅█▆  0.12…2.30`.
///
/// Each value maps linearly from `range` (default: the finite values' min…max) onto the
/// eight glyphs; equal min and max draw `▄`. NaN/±Inf draw `?` in the `.nonFinite` style.
/// The values come first: the range label is dropped when both do not fit, and when
/// there are more values than columns, the most recent (last) values are shown.
/// `highlight` (an index into `values`, e.g. the current time step) is drawn in `.focus`.
public struct Sparkline: Widget, Sendable {
    public static let glyphs: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Double]
    public var range: ClosedRange<Double>?
    public var highlight: Int?
    public var showRange: Bool
    public var digits: Int
    public var style: Style

    public init(_ values: [Double], range: ClosedRange<Double>? = nil, highlight: Int? = nil,
                showRange: Bool = true, digits: Int = 2, style: Style = Style(.accent)) {
        self.values = values
        self.range = range
        self.highlight = highlight
        self.showRange = showRange
        self.digits = digits
        self.style = style
    }

    /// The range used: `range`, or min…max of the finite values (nil when there are none).
    public var effectiveRange: ClosedRange<Double>? {
        if let range { return range }
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }

    /// The range label, e.g. `0.12…2.30` (empty when there is no finite value).
    public var rangeLabel: String {
        guard let r = effectiveRange else { return "" }
        return NumberFormat.format(r.lowerBound, digits: digits) + "…" + NumberFormat.format(r.upperBound, digits: digits)
    }

    /// The glyph for one value.
    public func glyph(_ value: Double) -> Character? {
        guard value.isFinite, let r = effectiveRange else { return nil }
        let span = r.upperBound - r.lowerBound
        guard span > 0 else { return "▄" }
        let t = min(max((value - r.lowerBound) / span, 0), 1)
        return Self.glyphs[Int((t * 7).rounded())]
    }

    /// Width needed to show every value and the range label.
    public var naturalWidth: Int {
        values.count + (showRange && !rangeLabel.isEmpty ? 2 + DisplayWidth.of(rangeLabel) : 0)
    }

    public func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        var label = showRange && !rangeLabel.isEmpty ? "  " + rangeLabel : ""
        if values.count + DisplayWidth.of(label) > rect.width { label = "" }  // values first
        let room = min(values.count, rect.width)
        let first = max(0, values.count - room)
        var x = rect.x
        for i in first..<values.count {
            let v = values[i]
            var cellStyle = style
            var text = "?"
            if let g = glyph(v) { text = String(g) } else { cellStyle = Style(.nonFinite, attributes: [.bold]) }
            if i == highlight { cellStyle = Style(.focus, attributes: [.bold]) }
            grid.put(text, x: x, y: rect.y, style: cellStyle, clip: rect)
            x += 1
        }
        grid.put(label, x: x, y: rect.y, style: Style(.muted), clip: rect)
    }
}
