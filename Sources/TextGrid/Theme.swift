/// How many colours the output may use.
public enum ColorDepth: Int, CaseIterable, Comparable, Sendable {
    /// No colour at all (attributes only; heatmaps use shade glyphs ` ░▒▓█`).
    case none = 0
    /// The 8 ANSI colours (SGR 30–37 / 40–47).
    case ansi8 = 8
    /// The xterm 256-colour palette (SGR 38;5;N / 48;5;N).
    case ansi256 = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// A concrete terminal colour: the terminal's default, or a palette index
/// (0–7 at `.ansi8`, 0–255 at `.ansi256`).
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case index(Int)
}

/// A style resolved for one colour depth: what a printer or ncurses actually sends.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: Attributes
    public static let plain = ResolvedStyle(foreground: .default, background: .default, attributes: [])
}

/// Resolves colour roles to concrete colours for each depth.
///
/// Heat backgrounds use a diverging, colour-blind-safe ramp: blue (negative) → near-white
/// (0) → orange (positive). When the background is a heat level and the foreground is
/// `.normal`, the foreground is picked for contrast (black on light levels, white on dark).
/// Text roles avoid colours that assume a dark or a light terminal: `.header` is the
/// terminal's own colour (widgets make it bold), and at 8 colours `.muted` and `.border`
/// are the terminal's colour with the dim attribute.
public struct Theme: Sendable {
    /// Foreground palette indices at 256 colours, per role (`.heat` and `.normal` excluded).
    public var foreground256: [ColorRole: Int]
    /// Foreground colours at 8 colours, per role.
    public var foreground8: [ColorRole: Int]
    /// Background indices for heat levels -6...6 at 256 colours (13 entries).
    public var heat256: [Int]
    /// Background colours for heat levels -6...6 at 8 colours (13 entries; -1 = default).
    public var heat8: [Int]

    public init(foreground256: [ColorRole: Int], foreground8: [ColorRole: Int],
                heat256: [Int], heat8: [Int]) {
        self.foreground256 = foreground256
        self.foreground8 = foreground8
        self.heat256 = heat256
        self.heat8 = heat8
    }

    /// The house theme.
    public static let standard = Theme(
        foreground256: [
            .muted: 245, .focus: 214, .accent: 75, .positive: 208, .negative: 33,
            .warning: 172, .error: 160, .nonFinite: 201, .border: 244, .cursor: 16,
        ],
        foreground8: [
            .focus: 3, .accent: 6, .positive: 3, .negative: 4,
            .warning: 3, .error: 1, .nonFinite: 5, .cursor: 0,
        ],
        // dark blue … light blue, near-white, light orange … dark orange
        heat256: [18, 25, 32, 74, 117, 153, 255, 223, 216, 215, 208, 166, 130],
        // blue, cyan, default, yellow, red (two steps per sign)
        heat8: [4, 4, 4, 6, 6, 6, -1, 3, 3, 3, 1, 1, 1]
    )

    /// The background used for a role (besides `.heat`) at 256 / 8 colours.
    func background(_ role: ColorRole, _ depth: ColorDepth) -> TerminalColor {
        switch (role, depth) {
        case (_, .none), (.normal, _): return .default
        case (.heat(let level), .ansi256): return .index(heat256[Self.slot(level)])
        case (.heat(let level), .ansi8):
            let c = heat8[Self.slot(level)]
            return c < 0 ? .default : .index(c)
        case (.cursor, .ansi256): return .index(214)
        case (.cursor, .ansi8): return .index(3)
        case (.nonFinite, .ansi256): return .index(53)
        case (.nonFinite, .ansi8): return .index(5)
        case (_, .ansi256): return foreground256[role].map { .index($0) } ?? .default
        case (_, .ansi8): return foreground8[role].map { .index($0) } ?? .default
        }
    }

    /// Black or white, whichever reads on the heat level.
    func contrast(_ level: Int, _ depth: ColorDepth) -> TerminalColor {
        let dark = abs(level) >= (level < 0 ? 4 : 5)
        switch depth {
        case .none: return .default
        case .ansi256: return .index(dark ? 231 : 16)
        case .ansi8:
            let c = heat8[Self.slot(level)]
            if c < 0 { return .default }
            return .index(c == 4 || c == 1 || c == 5 ? 7 : 0)
        }
    }

    static func slot(_ level: Int) -> Int {
        min(max(level, -HeatScale.levels), HeatScale.levels) + HeatScale.levels
    }

    /// The concrete colours and attributes for `style` at `depth`.
    public func resolve(_ style: Style, depth: ColorDepth) -> ResolvedStyle {
        let background = background(style.background, depth)
        var foreground: TerminalColor
        switch (style.foreground, depth) {
        case (_, .none): foreground = .default
        case (.normal, _), (.heat, _):
            switch style.background {
            case .heat(let level): foreground = contrast(level, depth)
            case .cursor: foreground = depth == .ansi256 ? .index(16) : .index(0)
            case .nonFinite: foreground = .index(depth == .ansi256 ? 231 : 7)
            default: foreground = .default
            }
        case (let role, .ansi256): foreground = foreground256[role].map { .index($0) } ?? .default
        case (let role, .ansi8): foreground = foreground8[role].map { .index($0) } ?? .default
        }
        var attributes = style.attributes
        if depth == .ansi8, style.foreground == .muted || style.foreground == .border {
            attributes.insert(.dim)
        }
        return ResolvedStyle(foreground: foreground, background: background, attributes: attributes)
    }
}
