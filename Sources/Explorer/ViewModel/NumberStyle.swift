import Foundation

/// How numbers are written in inspect boxes, the same way the heatmaps write them
/// (`TextGrid.NumberFormat.fixed`): fixed `digits` decimals, ASCII `-` for the minus sign
/// (safe on every terminal), a negative number that rounds to zero keeps its sign (`-0.00`),
/// and huge ones a power of ten (`7.40e+307`).
public struct NumberStyle: Equatable, Sendable {
    public var digits: Int

    public init(digits: Int = 2) { self.digits = max(0, min(digits, 8)) }

    /// `0.405` → `"0.41"`, `-0.001` → `"-0.00"`, NaN → `"NaN"`, ∞ → `"+Inf"`.
    public func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        if abs(v) >= 1e15 || abs(v) * scale >= 9e18 { return String(format: "%.\(digits)e", v) }
        if v == 0 { return String(format: "%.\(digits)f", 0.0) }   // -0.0 itself is 0.00
        return String(format: "%.\(digits)f", v)
    }

    /// A factor inside a product: negative numbers in brackets, `(-0.31)`.
    public func factor(_ v: Double) -> String {
        let s = format(v)
        return s.hasPrefix("-") ? "(\(s))" : s
    }
}
