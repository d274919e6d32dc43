#if canImport(Glibc)
import TextBasics
import Glibc
#else
import Darwin
#endif

/// A one-line sparkline `▁▂▃▄▅▆▇█` followed by its range, e.g. `▁▃▅█▆  0.12…2.30`.
///
/// Each value maps linearly from `range` (default: the finite values' min…max) onto the
/// eight glyphs; equal min and max draw `▄`. NaN/±Inf draw `?` in the `.nonFinite` style.
/// On the `.log10` scale log₁₀ of each value maps so (the range is then the positive values'
/// min…max, labelled compactly, `1.5e-7…2.3`), so a tail of 10⁻⁶ next to 1 is a slope of
/// glyphs rather than a flat `▁`; a value ≤ 0 draws `·`.
/// The values come first: the range label is dropped when both do not fit, and when
/// there are more values than columns, the most recent (last) values are shown.
/// `highlight` (an index into `values`, e.g. the current time step) is drawn in `.focus`.
public struct Sparkline: Widget, Sendable {
    public enum Scale: Sendable { case linear, log10 }
    public static let glyphs: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Double]
    public var range: ClosedRange<Double>?
    public var highlight: Int?
    public var showRange: Bool
    public var digits: Int
    public var style: Style
    public var scale: Scale

    public init(_ values: [Double], range: ClosedRange<Double>? = nil, highlight: Int? = nil,
                showRange: Bool = true, digits: Int = 2, style: Style = Style(.accent), scale: Scale = .linear) {
        self.scale = scale
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
        let finite = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }

    /// The range label, e.g. `0.12…2.30` (empty when there is no finite value).
    public var rangeLabel: String {
        guard let r = effectiveRange else { return "" }
        if scale == .log10 { return LineChart.compact(r.lowerBound) + "…" + LineChart.compact(r.upperBound) }
        return NumberFormat.format(r.lowerBound, digits: digits) + "…" + NumberFormat.format(r.upperBound, digits: digits)
    }

    /// The glyph for one value.
    public func glyph(_ value: Double) -> Character? {
        guard value.isFinite else { return nil }
        if scale == .log10 && value <= 0 { return "·" }
        guard let r = effectiveRange else { return nil }
        let (v, lo, hi) = scale == .linear ? (value, r.lowerBound, r.upperBound)
            : (log10(value), log10(max(r.lowerBound, .leastNormalMagnitude)),
               log10(max(r.upperBound, .leastNormalMagnitude)))
        let span = hi - lo
        guard span > 0 else { return "▄" }
        let t = min(max((v - lo) / span, 0), 1)
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
