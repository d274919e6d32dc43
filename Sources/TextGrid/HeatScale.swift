import TextBasics

/// Maps numbers to heat levels on a range symmetric around zero.
///
/// A value `v` gets level `sign(v) · round(|v| / maxAbs · levels)`, clamped to
/// `-levels ... levels`; so 0 is level 0 (near-white), `±maxAbs` is the strongest blue or
/// orange, and values beyond the range saturate. NaN and ±Inf have no level: they get the
/// `.nonFinite` role. A zero or non-finite `maxAbs` puts every finite value at level 0.
public struct HeatScale: Hashable, Sendable {
    /// Levels on each side of zero (the palette has `2 · levels + 1` colours).
    public static let levels = 6

    /// The range is `-maxAbs ... +maxAbs`.
    public let maxAbs: Double

    public init(maxAbs: Double) {
        self.maxAbs = maxAbs.isFinite ? abs(maxAbs) : 0
    }

    /// A range that covers every finite value in `values` (NaN and ±Inf are ignored).
    public init(covering values: some Sequence<Double>) {
        var largest = 0.0
        for v in values where v.isFinite { largest = max(largest, abs(v)) }
        self.init(maxAbs: largest)
    }

    /// The level of `value`, or nil for NaN and ±Inf.
    public func level(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        guard maxAbs > 0 else { return 0 }
        let scaled = (abs(value) / maxAbs * Double(Self.levels)).rounded()
        let magnitude = Int(min(scaled, Double(Self.levels)))
        return value < 0 ? -magnitude : magnitude
    }

    /// `.heat(level)` for finite values, `.nonFinite` otherwise (use as a background).
    public func role(_ value: Double) -> ColorRole {
        level(value).map { .heat($0) } ?? .nonFinite
    }

    /// The shade glyph for a level when there is no colour: ` ░▒▓█` by magnitude.
    public static func shade(level: Int) -> Character {
        let glyphs: [Character] = [" ", "░", "░", "▒", "▒", "▓", "█"]
        return glyphs[min(abs(level), levels)]
    }

    /// The legend text, e.g. `±0.83` with `digits` decimals.
    public func legend(digits: Int = 2) -> String {
        "±" + NumberFormat.format(maxAbs, digits: digits)
    }
}
