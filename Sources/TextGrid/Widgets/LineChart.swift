#if canImport(Glibc)
import TextBasics
import Glibc
#else
import Darwin
#endif

/// A chart of a long series in braille dots: the raw values as faint dots (the span from the
/// lowest to the highest value that falls in each dot column, stippled, its two ends always
/// drawn), a line two dots thick through the `line` values (e.g. smoothed; a cell it passes
/// through shows only the line), and an optional horizontal `level` (e.g. a clip bound) drawn
/// dashed. The y axis shows its range on the left, compactly (linear or log₁₀),
/// the x axis its range below.
///
///     12.30┤⠈⠢⡀
///          │  ⠈⠑⠢⣀⣀⡀
///      7.05┤       ⠈⠉⠉⠑⠒⠒⠤⠤
///          └0──────────1200 steps
///
/// The points cover equal spans of `xRange`; there may be more points than dot columns
/// (they are merged, keeping each column's min and max) or fewer (they are spread out and
/// the line joins them).
public struct LineChart: Widget, Sendable {
    public enum Scale: Sendable { case linear, log10 }

    /// One point: the raw values' range and the line's value over one span of x.
    public struct Point: Equatable, Sendable {
        public var low: Double
        public var high: Double
        public var line: Double
        public init(low: Double, high: Double, line: Double) { self.low = low; self.high = high; self.line = line }
    }

    public var points: [Point]
    public var xRange: ClosedRange<Double>
    public var scale: Scale
    public var level: Double?
    /// After the x range, e.g. `steps`.
    public var xUnit: String

    public init(points: [Point], xRange: ClosedRange<Double>, scale: Scale = .linear, level: Double? = nil,
                xUnit: String = "") {
        self.points = points; self.xRange = xRange; self.scale = scale; self.level = level
        self.xUnit = xUnit
    }

    public static let rawStyle = Style(.muted)
    public static let lineStyle = Style(.accent, attributes: [.bold])
    public static let levelStyle = Style(.warning)

    /// y as drawn: itself, or log₁₀ y (nil when it cannot be drawn).
    func mapped(_ y: Double) -> Double? {
        guard y.isFinite else { return nil }
        switch scale {
        case .linear: return y
        case .log10: return y > 0 ? log10(y) : nil
        }
    }

    /// The drawn range of y (in mapped units): every point's low and high and the level (finite
    /// ones); a single value gets room around it (half a decade each way on a log scale, 10% on
    /// a linear one), so the axis never reads `2.5 … 2.5`.
    public var yRange: ClosedRange<Double>? {
        var values = points.flatMap { [$0.low, $0.high, $0.line] }.compactMap(mapped).filter(\.isFinite)
        if let level, let l = mapped(level), l.isFinite { values.append(l) }
        guard let lo = values.min(), let hi = values.max() else { return nil }
        guard lo == hi else { return lo...hi }
        let room = scale == .log10 ? 0.5 : Swift.max(abs(lo) * 0.1, 1e-3)
        return (lo - room)...(hi + room)
    }

    /// A y value (mapped units) as the axis writes it, compactly.
    func label(_ m: Double) -> String {
        switch scale {
        case .linear: return Self.compact(m)
        case .log10: return Self.compact(pow(10, m))
        }
    }

    /// A number in few characters (at most 6 from 10⁻⁹ to 10¹², 7 with a minus): three
    /// significant digits between 0.01 and 99 999 (`0.012`, `1.77`, `14.3`, `320`, `12345`),
    /// else a short power of ten (`3e5`, `1.5e-7`).
    public static func compact(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "∞" : "-∞") }
        if v == 0 { return "0" }
        let a = abs(v), sign = v < 0 ? "-" : ""
        if a >= 0.0095 && a < 99_999.5 {
            let decimals = a >= 99.95 ? 0 : a >= 9.995 ? 1 : a >= 0.9995 ? 2 : 3
            var t = String(format: "%.\(decimals)f", a)
            if t.contains(".") {
                while t.hasSuffix("0") { t.removeLast() }
                if t.hasSuffix(".") { t.removeLast() }
            }
            return sign + t
        }
        var exponent = Int(floor(log10(a)))
        var mantissa = (a / pow(10, Double(exponent)) * 10).rounded() / 10
        if mantissa >= 10 { mantissa /= 10; exponent += 1 }
        let m = mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(format: "%.1f", mantissa)
        return sign + m + "e" + String(exponent)
    }

    /// The points merged into `columns` dot columns: each column's low, high and mean line
    /// (nil where no point falls).
    public func columns(_ columns: Int) -> [Point?] {
        guard columns > 0, !points.isEmpty else { return Array(repeating: nil, count: max(columns, 0)) }
        var out = [Point?](repeating: nil, count: columns)
        if points.count <= columns {
            for (i, p) in points.enumerated() {
                let c = points.count == 1 ? 0 : i * (columns - 1) / (points.count - 1)
                out[c] = p
            }
            return out
        }
        for c in 0..<columns {
            let from = c * points.count / columns, to = max(from + 1, (c + 1) * points.count / columns)
            let part = points[from..<to]
            let lows = part.map(\.low).filter(\.isFinite), highs = part.map(\.high).filter(\.isFinite)
            let lines = part.map(\.line).filter(\.isFinite)
            out[c] = Point(low: lows.min() ?? .nan, high: highs.max() ?? .nan,
                           line: lines.isEmpty ? .nan : lines.reduce(0, +) / Double(lines.count))
        }
        return out
    }

    public func draw(into grid: inout Grid, in rect: Rect) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        let range = yRange
        let top = range.map { label($0.upperBound) } ?? "", bottom = range.map { label($0.lowerBound) } ?? ""
        let margin = max(DisplayWidth.of(top), DisplayWidth.of(bottom))
        let plot = Rect(x: rect.x + margin + 1, y: rect.y, width: rect.width - margin - 1, height: rect.height - 1)
        guard plot.width > 0, plot.height > 0 else { return }
        // axes
        for row in 0..<plot.height { grid.put("│", x: plot.x - 1, y: plot.y + row, style: Style(.border), clip: rect) }
        grid.put(String(repeating: " ", count: margin - DisplayWidth.of(top)) + top, x: rect.x, y: plot.y, style: Style(.muted), clip: rect)
        if plot.height > 1 {
            grid.put(String(repeating: " ", count: margin - DisplayWidth.of(bottom)) + bottom, x: rect.x, y: plot.maxY - 1, style: Style(.muted), clip: rect)
            grid.put("┤", x: plot.x - 1, y: plot.maxY - 1, style: Style(.border), clip: rect)
        }
        grid.put("┤", x: plot.x - 1, y: plot.y, style: Style(.border), clip: rect)
        drawXAxis(into: &grid, plot: plot, clip: rect)
        guard let range else { return }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        let span = range.upperBound - range.lowerBound
        func row(_ y: Double) -> Int? {
            guard let m = mapped(y) else { return nil }
            let t = span > 0 ? (m - range.lowerBound) / span : 0.5
            return Int(((1 - t) * Double(canvas.dotsHigh - 1)).rounded())
        }
        if let level, let r = row(level) {
            for x in stride(from: 0, to: canvas.dotsWide, by: 2) { canvas.set(x: x, y: r, style: Self.levelStyle, priority: 1) }
        }
        var previous: (x: Int, y: Int)?
        for (x, point) in columns(canvas.dotsWide).enumerated() {
            guard let p = point else { continue }
            if let lo = row(p.low), let hi = row(p.high) {   // faint: every other dot, and both ends
                let (a, b) = (min(lo, hi), max(lo, hi))
                for y in a...b where y == a || y == b || (x + y) % 2 == 0 {
                    canvas.set(x: x, y: y, style: Self.rawStyle, priority: 0)
                }
            }
            guard let y = row(p.line) else { previous = nil; continue }
            // the line from the previous point, one dot column at a time, each joined to the last
            let start = previous ?? (x - 1, y)
            var last = start.y
            for c in (start.x + 1)...x {
                let yc = start.y + Int((Double((y - start.y) * (c - start.x)) / Double(x - start.x)).rounded())
                for yy in min(last, yc)...max(last, yc) {   // two dots thick: this one and the one below
                    canvas.set(x: c, y: yy, style: Self.lineStyle, priority: 2)
                    canvas.set(x: c, y: min(yy + 1, canvas.dotsHigh - 1), style: Self.lineStyle, priority: 2)
                }
                last = yc
            }
            previous = (x, y)
        }
        canvas.draw(into: &grid, at: (plot.x, plot.y), clip: plot)
    }

    /// `└0────────1200 steps` along the bottom row.
    func drawXAxis(into grid: inout Grid, plot: Rect, clip: Rect) {
        let y = plot.maxY
        grid.put("└" + String(repeating: "─", count: plot.width), x: plot.x - 1, y: y, style: Style(.border), clip: clip)
        let left = NumberFormat.format(xRange.lowerBound, digits: 0)
        let right = NumberFormat.format(xRange.upperBound, digits: 0) + (xUnit.isEmpty ? "" : " " + xUnit)
        grid.put(left, x: plot.x, y: y, style: Style(.muted), clip: clip)
        let rw = DisplayWidth.of(right)
        if rw + DisplayWidth.of(left) + 1 <= plot.width {
            grid.put(right, x: plot.maxX - rw, y: y, style: Style(.muted), clip: clip)
        }
    }
}

