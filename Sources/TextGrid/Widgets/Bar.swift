import TextBasics

/// A horizontal bar for a non-negative value against a maximum, in eighths of a cell:
/// `███▍      ` (value 3.4 of max 10 in 10 columns). An optional label follows the bar,
/// separated by a space, when it fits. Negative values draw an empty bar; values over
/// `max` fill the bar; NaN/±Inf (or a non-positive max) draw `?` in `.nonFinite`.
public struct Bar: Widget, Sendable {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public var value: Double
    public var max: Double
    /// Columns for the bar itself; nil means the whole rect width minus the label.
    public var barWidth: Int?
    public var label: String
    public var style: Style

    public init(value: Double, max: Double, barWidth: Int? = nil, label: String = "",
                style: Style = Style(.accent)) {
        self.value = value
        self.max = max
        self.barWidth = barWidth
        self.label = label
        self.style = style
    }

    /// The bar glyphs for `columns` columns (always exactly `columns` wide), or nil when
    /// the value cannot be drawn.
    public func glyphs(columns: Int) -> String? {
        guard value.isFinite, max.isFinite, max > 0, columns > 0 else { return nil }
        let fraction = Swift.min(Swift.max(value / max, 0), 1)
        let eighthsTotal = Int((fraction * Double(columns * 8)).rounded())
        let full = eighthsTotal / 8
        let partial = eighthsTotal % 8
        var text = String(repeating: "█", count: full)
        if partial > 0 { text.append(Self.eighths[partial - 1]) }
        return text + String(repeating: " ", count: columns - DisplayWidth.of(text))
    }

    public func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let labelWidth = label.isEmpty ? 0 : DisplayWidth.of(label) + 1
        let columns = barWidth ?? Swift.max(1, rect.width - labelWidth)
        var x = rect.x
        if let bar = glyphs(columns: columns) {
            x = grid.put(bar, x: x, y: rect.y, style: style, clip: rect)
        } else {
            grid.put("?", x: x, y: rect.y, style: Style(.nonFinite, attributes: [.bold]), clip: rect)
            x += columns
        }
        if !label.isEmpty {
            grid.put(" " + label, x: x, y: rect.y, style: Style(.muted), clip: rect)
        }
    }
}
