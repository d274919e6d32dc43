import Foundation
import Testing
@testable import TextGrid

@Suite struct ChartTests {
    @Test func brailleDotsMapToTheirBits() {
        var c = BrailleCanvas(width: 2, height: 1)
        c.set(x: 0, y: 0, style: .plain)          // ⠁
        c.set(x: 3, y: 3, style: .plain)          // second cell, bottom right ⢀
        var g = Grid(width: 2, height: 1)
        c.draw(into: &g, at: (0, 0), clip: g.bounds)
        #expect(g.plainText() == ["⠁⢀"])
        #expect(c.isSet(x: 3, y: 3) && !c.isSet(x: 2, y: 3))
    }

    /// A more important dot takes the cell (its style, its dots only); a less important one is dropped.
    @Test func aLineDotOwnsItsCell() {
        var c = BrailleCanvas(width: 1, height: 1)
        c.set(x: 0, y: 0, style: Style(.muted), priority: 0)
        c.set(x: 1, y: 1, style: Style(.accent), priority: 2)
        c.set(x: 0, y: 3, style: Style(.muted), priority: 0)
        var g = Grid(width: 1, height: 1)
        c.draw(into: &g, at: (0, 0), clip: g.bounds)
        #expect(g.plainText() == ["⠐"] && g[0, 0].style.foreground == .accent)
    }

    /// A falling line over 4 points: the y range on the left, the x range below, the line in accent.
    @Test func aSmallChartHasAxesAndRanges() {
        let points = [4.0, 3, 2, 1].map { LineChart.Point(low: $0, high: $0, line: $0) }
        let chart = LineChart(points: points, xRange: 0...400, xUnit: "steps")
        var g = Grid(width: 24, height: 4)
        g.draw(chart, in: g.bounds)
        #expect(g.plainText() == [
            "4┤⠛⠷⠶⣦⣤⣀⣀",
            " │    ⠈⠉⠙⠛⠻⠶⢶⣤⣤⣄⣀⡀",
            "1┤             ⠉⠉⠛⠛⠷⠶⣦⣤⣄",
            " └0────────────400 steps",
        ])
        #expect(g[2, 0].style.foreground == .accent && g[0, 0].style.foreground == .muted)
    }

    /// More points than dot columns: each column keeps the min and max of its points, so a
    /// single spike among thousands still reaches the top of the chart.
    @Test func mergingColumnsKeepsMinAndMax() {
        var points = (0..<10_000).map { _ in LineChart.Point(low: 1, high: 1, line: 1) }
        points[7_777] = LineChart.Point(low: 0.5, high: 50, line: 50)
        let chart = LineChart(points: points, xRange: 0...10_000)
        let cols = chart.columns(40)
        #expect(cols.compactMap { $0?.high }.max() == 50 && cols.compactMap { $0?.low }.min() == 0.5)
        #expect(chart.yRange == 0.5...50)
        var g = Grid(width: 30, height: 6)
        g.draw(chart, in: g.bounds)
        #expect(g.plainText()[0].hasPrefix(" 50┤"))
        #expect(g.plainText()[0].dropFirst(4).contains { $0 != " " })   // the spike reaches the top row
    }

    /// Log scale: labels are values, not logarithms; the clip level is a dashed line in warning colour.
    @Test func logScaleWithALevel() {
        let points = [1.0, 10, 100, 1000].map { LineChart.Point(low: $0, high: $0, line: $0) }
        let chart = LineChart(points: points, xRange: 0...4, scale: .log10, level: 10)
        var g = Grid(width: 20, height: 5)
        g.draw(chart, in: g.bounds)
        let lines = g.plainText()
        #expect(lines[0].hasPrefix("1000┤") && lines[3].hasPrefix("   1┤"))
        #expect((0..<g.width).contains { x in (0..<4).contains { g[x, $0].style.foreground == .warning } })
        #expect(LineChart(points: [LineChart.Point(low: 0, high: -1, line: 0)], xRange: 0...1, scale: .log10).yRange == nil)
    }

    /// Axis labels take at most 5 characters (6 with a minus), whatever the range.
    @Test func axisLabelsAreCompact() {
        let cases: [(Double, String)] = [(0, "0"), (1, "1"), (1.77, "1.77"), (14.302, "14.3"), (0.5, "0.5"), (0.0123, "0.012"),
                                         (320.4, "320"), (12_345, "12345"), (3.2e5, "3.2e5"), (1e-7, "1e-7"), (1.5e-7, "1.5e-7"),
                                         (0.009, "9e-3"), (-2.5, "-2.5"), (99_999.7, "1e5"), (9.9996, "10")]
        for (v, text) in cases { #expect(LineChart.compact(v) == text, "\(v)") }
        for e in -9...12 { #expect(LineChart.compact(7.77 * pow(10, Double(e))).count <= 6) }
    }

    /// The raw values are faint: a span is stippled (every other dot) with both ends drawn,
    /// and a cell the line passes through shows the line alone.
    @Test func rawSpansAreStippledAndTheLineIsClear() {
        let points = (0..<8).map { _ in LineChart.Point(low: 0, high: 8, line: 4) }
        var g = Grid(width: 10, height: 3)
        g.draw(LineChart(points: points, xRange: 0...8), in: g.bounds)
        let top = g.plainText()[0]
        #expect(top.contains { $0 != " " && $0 != "┤" && $0 != "8" && $0 != "│" })   // the high ends are drawn
        #expect(!top.contains("⣿"))                                                      // never a solid block
        let middle = (2..<g.width).map { g[$0, 1] }.filter { $0.text != " " }
        #expect(middle.contains { $0.style.foreground == .accent })
    }

    /// One value (or all the same) still gets a range around it, never `2.5 … 2.5`; NaN is left out.
    @Test func aSingleValueGetsRoomAroundIt() throws {
        let log = LineChart(points: [.init(low: 2.5, high: 2.5, line: 2.5), .init(low: .nan, high: .nan, line: .nan)],
                            xRange: 0...2, scale: .log10)
        let r = try #require(log.yRange)
        #expect(abs(r.lowerBound - (log10(2.5) - 0.5)) < 1e-12 && abs(r.upperBound - (log10(2.5) + 0.5)) < 1e-12)
        let linear = LineChart(points: [.init(low: 20, high: 20, line: 20)], xRange: 0...1)
        #expect(linear.yRange == 18...22)
    }
}
