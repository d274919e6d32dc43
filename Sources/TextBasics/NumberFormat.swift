/// The one way every view writes a number (heatmaps, inspect, timeline, status lines), without
/// Foundation or locale, so the same value reads the same everywhere.
public enum NumberFormat {
    /// `value` with `digits` decimals (0…9), ties rounded away from zero (0.125 → `0.13`,
    /// −0.5 at 0 digits → `-1`); a non-zero value that would round to zero is written with
    /// two significant digits and a power of ten (`3.0e-11`, `-2.1e-12`), so a tiny value
    /// never reads as zero; magnitudes of 1e15 and above as `7.40e+307`; `-0.0` as `0.00`;
    /// `NaN`, `+Inf`, `-Inf`. ASCII `-` for the minus sign (safe on every terminal).
    public static func format(_ value: Double, digits: Int = 2) -> String {
        let d = min(max(digits, 0), 9)
        var threshold = 0.5
        for _ in 0..<d { threshold /= 10 }
        guard value.isFinite, value != 0, abs(value) < threshold else { return fixed(value, digits: d) }
        var mantissa = abs(value)
        var exponent = 0
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var tenths = Int((mantissa * 10).rounded())
        if tenths >= 100 { tenths = 10; exponent += 1 }
        return (value < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)e\(exponent)"
    }

    /// `value` with exactly `digits` decimals, ties away from zero; a negative value that
    /// rounds to zero keeps its sign (`-0.00`). Only `format` calls it (and tests).
    static func fixed(_ value: Double, digits: Int = 2) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let d = min(max(digits, 0), 9)
        let negative = value < 0
        let magnitude = abs(value)
        var scale: UInt64 = 1
        for _ in 0..<d { scale *= 10 }
        // past 1e15, or where the scaled value would not fit in 64 bits, a power of ten
        if magnitude >= 1e15 || magnitude * Double(scale) >= 9e18 {
            return (negative ? "-" : "") + scientific(magnitude, digits: d)
        }
        let scaled = UInt64((magnitude * Double(scale)).rounded())
        let whole = scaled / scale
        var text = (negative ? "-" : "") + String(whole)
        if d > 0 {
            let fraction = String(scaled % scale)
            text += "." + String(repeating: "0", count: d - fraction.count) + fraction
        }
        return text
    }

    /// A positive finite `magnitude` ≥ 1 as `m.mmme+N` with `digits` decimals.
    static func scientific(_ magnitude: Double, digits: Int) -> String {
        var mantissa = magnitude
        var exponent = 0
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        var scaled = (mantissa * scale).rounded()
        if scaled >= 10 * scale { scaled /= 10; exponent += 1 }
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let fractionText = digits > 0 ? "." + String(repeating: "0", count: digits - String(fraction).count) + String(fraction) : ""
        return "\(whole)\(fractionText)e+\(exponent)"
    }
}
