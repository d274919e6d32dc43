/// Fixed-point formatting without Foundation or locale.
public enum NumberFormat {
    /// `value` with exactly `digits` decimals (0...9): `-0.50`, `3.14`, `NaN`, `+Inf`,
    /// `-Inf`. Negative values keep their sign even when they round to zero (`-0.00`),
    /// so the sign is always readable; `-0.0` itself prints as `0.00`. Magnitudes of 1e15
    /// and above fall back to Swift's shortest representation (`1e+20`).
    public static func fixed(_ value: Double, digits: Int = 2) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let d = min(max(digits, 0), 9)
        let negative = value < 0
        let magnitude = abs(value)
        if magnitude >= 1e15 { return (negative ? "-" : "") + "\(magnitude)" }
        var scale: UInt64 = 1
        for _ in 0..<d { scale *= 10 }
        let scaled = UInt64((magnitude * Double(scale)).rounded())
        let whole = scaled / scale
        var text = (negative ? "-" : "") + String(whole)
        if d > 0 {
            let fraction = String(scaled % scale)
            text += "." + String(repeating: "0", count: d - fraction.count) + fraction
        }
        return text
    }
}
