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
        #expect(NumberFormat.fixed(1e20) == "1.00e+20")
    }
}

@Suite struct ReadableNumberTests {
    @Test func tinyValuesKeepTheirMagnitude() {
        #expect(NumberFormat.readable(2.14e-11) == "2.1e-11")
        #expect(NumberFormat.readable(-0.004) == "-4.0e-3")
        #expect(NumberFormat.readable(0.00996) == "0.01")
        #expect(NumberFormat.readable(0.004996) == "5.0e-3")
        #expect(NumberFormat.readable(0.005) == "0.01")
        #expect(NumberFormat.readable(0) == "0.00")
        #expect(NumberFormat.readable(1.234) == "1.23")
        #expect(NumberFormat.readable(.nan) == "NaN")
        #expect(NumberFormat.readable(0.0004, digits: 3) == "4.0e-4")
    }
}

@Suite struct HugeNumberTests {
    @Test func hugeValuesKeepTheDecimalsAsked() {
        #expect(NumberFormat.fixed(7.402065668856481e307) == "7.40e+307")
        #expect(NumberFormat.fixed(-1e308, digits: 1) == "-1.0e+308")
        #expect(NumberFormat.fixed(9.999e15) == "1.00e+16")
        #expect(NumberFormat.fixed(123456.789) == "123456.79")
    }
}

@Suite struct ManyDigitsTests {
    /// 1e14 with 6 decimals would need 1e20 in 64 bits: it is written with a power of ten.
    @Test func largeValuesWithManyDecimalsDoNotOverflow() {
        #expect(NumberFormat.fixed(1e14, digits: 6) == "1.000000e+14")
        #expect(NumberFormat.fixed(-1.8e13, digits: 6) == "-1.800000e+13")
        #expect(NumberFormat.fixed(123.5, digits: 6) == "123.500000")
    }
}
