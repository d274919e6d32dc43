import Foundation

/// How numbers are written on screen and in inspect boxes: fixed `digits` decimals, ASCII
/// `-` for the minus sign (safe on every terminal), and no `-0.00`.
public struct NumberStyle: Equatable, Sendable {
    public var digits: Int

    public init(digits: Int = 2) { self.digits = max(0, min(digits, 8)) }

    /// `0.405` → `"0.41"`, `-0.001` → `"0.00"`, NaN → `"nan"`, ∞ → `"inf"`.
    public func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        if abs(v) >= 1e15 { return String(format: "%.\(digits)e", v) }   // as the heatmaps write it
        let s = String(format: "%.\(digits)f", v)
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    /// A factor inside a product: negative numbers in brackets, `(-0.31)`.
    public func factor(_ v: Double) -> String {
        let s = format(v)
        return s.hasPrefix("-") ? "(\(s))" : s
    }
}
