import TextBasics

/// How many decimals the screen writes (`--digits`); the writing itself is
/// `NumberFormat.format`, the one formatter every view uses.
public struct NumberStyle: Equatable, Sendable {
    public var digits: Int

    public init(digits: Int = 2) { self.digits = max(0, min(digits, 8)) }

    /// `0.405` → `"0.41"`, `0.125` → `"0.13"`, `3e-11` → `"3.0e-11"`, NaN → `"NaN"`, ∞ → `"+Inf"`.
    public func format(_ v: Double) -> String { NumberFormat.format(v, digits: digits) }

    /// A factor inside a product: negative numbers in brackets, `(-0.31)`.
    public func factor(_ v: Double) -> String {
        let s = format(v)
        return s.hasPrefix("-") ? "(\(s))" : s
    }
}
