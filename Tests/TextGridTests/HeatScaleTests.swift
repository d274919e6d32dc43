import Testing
@testable import TextGrid

@Suite struct HeatScaleTests {
    @Test func levelsAreSymmetricAndSaturate() {
        let scale = HeatScale(maxAbs: 0.6)
        #expect(scale.level(0) == 0)
        #expect(scale.level(0.6) == 6)
        #expect(scale.level(-0.6) == -6)
        #expect(scale.level(0.3) == 3)
        #expect(scale.level(-0.3) == -3)
        #expect(scale.level(0.04) == 0)
        #expect(scale.level(5) == 6)
        #expect(scale.level(-5) == -6)
    }

    @Test func nonFiniteValuesHaveNoLevel() {
        let scale = HeatScale(covering: [1, .nan, -2, .infinity])
        #expect(scale.maxAbs == 2)
        #expect(scale.level(.nan) == nil)
        #expect(scale.role(-.infinity) == .nonFinite)
        #expect(scale.role(-2) == .heat(-6))
        #expect(scale.legend() == "±2.00")
    }

    @Test func zeroRangePutsEverythingAtZero() {
        let scale = HeatScale(covering: [0, 0])
        #expect(scale.level(0) == 0)
        #expect(HeatScale(maxAbs: .nan).level(3) == 0)
    }

    @Test func shadesGrowWithMagnitude() {
        #expect((-6...6).map { HeatScale.shade(level: $0) } ==
            ["█", "▓", "▒", "▒", "░", "░", " ", "░", "░", "▒", "▒", "▓", "█"])
    }

    @Test func numbersAreFormattedWithoutLocale() {
        #expect(NumberFormat.fixed(0.125, digits: 2) == "0.13")
        #expect(NumberFormat.fixed(-0.5) == "-0.50")
        #expect(NumberFormat.fixed(-0.001) == "-0.00")
        #expect(NumberFormat.fixed(-0.0) == "0.00")
        #expect(NumberFormat.fixed(12.3456, digits: 3) == "12.346")
        #expect(NumberFormat.fixed(7, digits: 0) == "7")
        #expect(NumberFormat.fixed(.nan) == "NaN")
        #expect(NumberFormat.fixed(.infinity) == "+Inf")
        #expect(NumberFormat.fixed(-.infinity) == "-Inf")
        #expect(NumberFormat.fixed(1e20) == "1e+20")
    }
}
