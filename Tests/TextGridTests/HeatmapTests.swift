import Testing
@testable import TextGrid
import TextBasics
import Foundation

@Suite struct HeatmapTests {
    /// Wa = [Waa | Wax] with n_a = 2, n_x = 3, and a NaN, +Inf, -Inf row.
    static let wa = Heatmap(
        title: "Wa = [Waa | Wax]", rows: 3, cols: 5,
        values: [0.12, -0.5, 0.33, 0.1, 0,
                 -0.83, 0.02, .nan, .infinity, -.infinity,
                 0.4, 0.8, -0.2, 0.6, -0.1],
        columnDivider: 2, rowDivider: 1,
        focus: .init(row: 0, col: 1), cursor: .init(row: 2, col: 3))

    static func render(_ map: Heatmap, width: Int, height: Int = 6) -> Grid {
        var grid = Grid(width: width, height: height)
        grid.draw(map, in: grid.bounds)
        return grid
    }

    @Test func numbersWithDividersTitleAndLegend() {
        let grid = Self.render(Self.wa, width: 40)
        #expect(grid.plainText() == [
            "Wa = [Waa | Wax]  3×5  ±0.83",
            "  0.12 -0.50 │  0.33  0.10  0.00",
            "─────────────┼──────────────────",
            " -0.83  0.02 │   NaN  +Inf  -Inf",
            "  0.40  0.80 │ -0.20  0.60 -0.10",
            "",
        ])
        #expect(Self.wa.measure(.numbers) == Size(width: 32, height: 5))
        #expect(Self.wa.layout(fitting: Size(width: 40, height: 6)).mode == .numbers)
    }

    @Test func entriesCarryHeatRolesAndMarks() {
        let grid = Self.render(Self.wa, width: 40)
        // entry (1,0) = -0.83 is the strongest blue; its cells span columns 0..<6
        #expect(grid[0, 3].style.background == .heat(-6))
        #expect(grid[5, 3].style.background == .heat(-6))
        #expect(grid[6, 3].style.background == .heat(0))      // 0.02 ≈ white
        #expect(grid[16, 3].style.background == .nonFinite)   // NaN
        #expect(grid[1, 1].style.background == .heat(1))      // 0.12
        #expect(grid[8, 1].style.attributes == [.bold, .underline])  // focus (0,1)
        #expect(grid[24, 4].style.attributes == [.bold, .reverse])   // cursor (2,3)
        #expect(grid[13, 1].style.foreground == .border)      // the │ divider
        #expect(grid[0, 0].style == Style(.header, attributes: [.bold]))
        #expect(grid[20, 0].style.foreground == .muted)       // the legend
    }

    @Test func noColourShowsShadeGlyphsInTheSeparatorColumn() {
        var map = Self.wa
        map.depth = .none
        let grid = Self.render(map, width: 40)
        #expect(grid.plainText()[1...4] == [
            "░ 0.12▒-0.50 │░ 0.33░ 0.10  0.00",
            "─────────────┼──────────────────",
            "█-0.83  0.02 │   NaN  +Inf  -Inf",
            "▒ 0.40█ 0.80 │░-0.20▒ 0.60░-0.10",
        ])
        #expect(grid[1, 1].style.background == .normal)
    }

    @Test func tooNarrowForNumbersUsesTwoColumnBlocks() {
        let grid = Self.render(Self.wa, width: 20)
        #expect(Self.wa.layout(fitting: Size(width: 20, height: 6)).mode == .blocks2)
        #expect(grid.plainText() == [
            "Wa = [Waa | Wax]  3×",
            "  • │",
            "────┼──────",
            "    │??+∞-∞",
            "    │  ◆",
            "",
        ])
        #expect(grid[2, 1].style.background == .heat(-4))
    }

    @Test func thenOneColumnBlocks() {
        let grid = Self.render(Self.wa, width: 8)
        #expect(Self.wa.layout(fitting: Size(width: 8, height: 6)).mode == .blocks1)
        #expect(grid.plainText() == ["Wa = [Wa", " •│", "──┼───", "  │?∞∞", "  │ ◆", ""])
    }

    @Test func noColourBlocksShowSignAndShadeAndNeverOneColumn() {
        var map = Self.wa
        map.depth = .none
        #expect(Self.render(map, width: 20).plainText()[1...4] == [" ░-▒│ ░ ░", "────┼──────", "-█  │??+∞-∞", " ▒ █│-░ ▒-░"])
        let narrow = Self.render(map, width: 8)
        #expect(map.layout(fitting: Size(width: 8, height: 6)) ==
            Heatmap.Layout(mode: .blocks2, visibleColumns: 2, visibleRows: 3, size: Size(width: 8, height: 5)))
        #expect(narrow.plainText() == ["Wa = [Wa", " ░-▒…+3", "────", "-█", " ▒ █", ""])
    }

    @Test func tooShortShowsTheRowsThatFitAndACount() {
        let grid = Self.render(Heatmap.vector("x<t>", [1, 2, 3, 4, 5, 6, 7, 8]), width: 30, height: 4)
        #expect(grid.plainText() == ["x<t>  8  ±8.00", " 1.00", " 2.00", "…+6 rows"])
    }

    @Test func vectorColumnWithCursor() {
        let a = Heatmap.vector("a<t>", [0.5, -0.25, 0], cursor: 1, depth: .ansi8)
        let grid = Self.render(a, width: 20, height: 4)
        #expect(grid.plainText() == ["a<t>  3  ±0.50", "  0.50", " -0.25", "  0.00"])
        #expect(grid[3, 2].style == Style(.normal, background: .heat(-3), attributes: [.bold, .reverse]))
        #expect(a.measure(.numbers) == Size(width: 14, height: 4))
        #expect(a.measure(.blocks1) == Size(width: 14, height: 4))
        #expect(a.bodyWidth(.numbers, columns: 1) == 6)
    }

    @Test func aSharedScaleKeepsColoursComparable() {
        let map = Heatmap(title: "", rows: 1, cols: 2, values: [0.5, -1], scale: HeatScale(maxAbs: 2))
        let grid = Self.render(map, width: 20, height: 2)
        #expect(grid.plainText() == ["1×2  ±2.00", "  0.50 -1.00"])
        #expect(grid[0, 1].style.background == .heat(2))
        #expect(grid[6, 1].style.background == .heat(-3))
    }

    @Test func rowTruncationKeepsTheDividerAndCountsHiddenRows() {
        let grid = Self.render(Self.wa, width: 40, height: 4)
        #expect(Self.wa.layout(fitting: Size(width: 40, height: 4)).visibleRows == 1)
        #expect(grid.plainText() == [
            "Wa = [Waa | Wax]  3×5  ±0.83",
            "  0.12 -0.50 │  0.33  0.10  0.00",
            "…+2 rows",
            "",
        ])
    }

    @Test func measureCoversTheTitleLine() {
        var map = Heatmap.vector("dWya (summed over t)", [0.1, 0.2])
        #expect(map.measure(.numbers) == Size(width: 30, height: 3))
        map.showShape = false
        map.showLegend = false
        #expect(map.titleLine == "dWya (summed over t)")
        #expect(map.measure(.blocks1) == Size(width: 20, height: 3))
    }
}

@Suite struct HeatmapEntryWidthTests {
    /// The shortcut in `widestNumber` agrees with formatting every value.
    @Test func widestNumberAgreesWithFormattingEveryValue() {
        var generator = SystemRandomNumberGenerator()
        let specials: [Double] = [0, -0.0, -0.001, 0.004, 0.005, 3e-11, -2.1e-12, 0.0004, 9.995, -9.995, 99.999, .nan, .infinity, -.infinity, 1e16, -2e15]
        for _ in 0..<500 {
            let n = Int.random(in: 0...8, using: &generator)
            let values = (0..<n).map { _ -> Double in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: return specials.randomElement(using: &generator) ?? 0
                case 1:   // tiny and huge, of either sign, across many powers of ten (rounding up included)
                    let mantissas: [Double] = [1.0, 4.96, 9.96, 9.949, 5.0]
                    let m: Double = mantissas.randomElement(using: &generator) ?? 1
                    let sign: Double = Bool.random(using: &generator) ? 1 : -1
                    let power: Double = pow(10.0, Double(Int.random(in: -15...20, using: &generator)))
                    return sign * m * power
                default: return Double.random(in: -120...120, using: &generator)
                }
            }
            for digits in 0...3 {
                let count = Int.random(in: 0...(n + 1), using: &generator)
                let slow = (0..<count).map { $0 < values.count ? values[$0] : .nan }
                    .map { NumberFormat.format($0, digits: digits).count }.max() ?? 0
                #expect(Heatmap.widestNumber(values, count: count, digits: digits) == max(1, slow))
            }
        }
    }
}
