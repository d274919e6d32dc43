/// Semantic colour roles. Widgets say *what* a cell is; a `Theme` decides how it looks
/// at a given `ColorDepth`.
public enum ColorRole: Hashable, Sendable {
    /// The terminal's own colour (foreground or background).
    case normal
    case muted
    case focus
    case accent
    case positive
    case negative
    case warning
    case error
    /// NaN and ±Inf entries.
    case nonFinite
    case header
    case border
    case cursor
    /// A heatmap level on the diverging palette: `-HeatScale.levels ... +HeatScale.levels`,
    /// blue for negative, near-white for 0, orange for positive. Out-of-range levels are clamped.
    case heat(Int)
}

/// Text attributes; they survive every colour depth (including `.none`).
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let underline = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let dim = Attributes(rawValue: 1 << 3)
}

/// How a cell looks, in semantic terms.
public struct Style: Hashable, Sendable {
    public var foreground: ColorRole
    public var background: ColorRole
    public var attributes: Attributes

    public init(_ foreground: ColorRole = .normal, background: ColorRole = .normal,
                attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Terminal default colours, no attributes.
    public static let plain = Style()

    /// A copy with `attributes` added.
    public func adding(_ attributes: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// A copy with another background.
    public func on(_ background: ColorRole) -> Style {
        var copy = self
        copy.background = background
        return copy
    }
}
