import Testing
@testable import TextBasics

/// `NumberFormat.format` is the one formatter of every view: these pin its rules.
@Suite struct NumberFormatTests {
    /// Exact binary ties round away from zero, at every number of digits (printf's ties-to-even
    /// would give 0.12, 0.38, 2 and "-0").
    @Test(arguments: [
        (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (0.375, 2, "0.38"), (2.5, 0, "3"), (-2.5, 0, "-3"),
        (0.5, 0, "1"), (-0.5, 0, "-1"), (1.5, 0, "2"), (0.0625, 3, "0.063"), (0.25, 1, "0.3"),
    ])
    func tiesRoundAwayFromZero(value: Double, digits: Int, text: String) {
        #expect(NumberFormat.format(value, digits: digits) == text)
    }

    /// A non-zero value that would round to zero keeps its magnitude; zero stays zero.
    @Test(arguments: [
        (3.0e-11, 2, "3.0e-11"), (-2.1e-12, 2, "-2.1e-12"), (2.14e-11, 2, "2.1e-11"), (-0.004, 2, "-4.0e-3"),
        (0.004996, 2, "5.0e-3"), (0.0004, 3, "4.0e-4"), (0.3, 0, "3.0e-1"), (-0.49, 0, "-4.9e-1"),
        (9.96e-3, 2, "0.01"), (0.005, 2, "0.01"), (0, 2, "0.00"), (-0.0, 2, "0.00"), (0, 0, "0"),
        (5e-324, 2, "4.9e-324"),
    ])
    func tinyValuesNeverReadAsZero(value: Double, digits: Int, text: String) {
        #expect(NumberFormat.format(value, digits: digits) == text)
    }

    @Test func ordinaryHugeAndNonFiniteValues() {
        #expect(NumberFormat.format(-0.5) == "-0.50")
        #expect(NumberFormat.format(12.3456, digits: 3) == "12.346")
        #expect(NumberFormat.format(7, digits: 0) == "7")
        #expect(NumberFormat.format(123456.789) == "123456.79")
        #expect(NumberFormat.format(7.402065668856481e307) == "7.40e+307")
        #expect(NumberFormat.format(-1e308, digits: 1) == "-1.0e+308")
        #expect(NumberFormat.format(9.999e15) == "1.00e+16")
        #expect(NumberFormat.format(1e20) == "1.00e+20")
        #expect(NumberFormat.format(.nan) == "NaN")
        #expect(NumberFormat.format(.infinity) == "+Inf")
        #expect(NumberFormat.format(-.infinity) == "-Inf")
    }

    /// Never a bare "-0…": a negative value either shows digits or a power of ten.
    @Test func noNegativeZero() {
        for digits in 0...6 {
            for v in [-1e-300, -1e-9, -0.004, -0.0049, -0.04, -0.4, -0.0] {
                let text = NumberFormat.format(v, digits: digits)
                #expect(!(text.hasPrefix("-0") && text.allSatisfy { "-0.".contains($0) }), "\(v) at \(digits): \(text)")
            }
        }
    }
}
