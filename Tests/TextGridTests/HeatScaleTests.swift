import Testing
@testable import TextGrid
import TextBasics

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
}

@Suite struct ManyDigitsTests {
    /// 1e14 with 6 decimals would need 1e20 in 64 bits: it is written with a power of ten.
    @Test func largeValuesWithManyDecimalsDoNotOverflow() {
        #expect(NumberFormat.format(1e14, digits: 6) == "1.000000e+14")
        #expect(NumberFormat.format(-1.8e13, digits: 6) == "-1.800000e+13")
        #expect(NumberFormat.format(123.5, digits: 6) == "123.500000")
    }
}
