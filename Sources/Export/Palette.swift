import TextGrid

/// An sRGB colour, 8 bits a channel.
public struct RGB: Hashable, Sendable, CustomStringConvertible {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// `#rrggbb`
    public var description: String {
        "#" + [r, g, b].map { let h = String($0, radix: 16); return h.count == 1 ? "0" + h : h }.joined()
    }

    /// Halfway between `self` and `other`, per channel (rounded down): how dim text is drawn.
    public func mixed(with other: RGB) -> RGB {
        RGB(UInt8((Int(r) + Int(other.r)) / 2), UInt8((Int(g) + Int(other.g)) / 2), UInt8((Int(b) + Int(other.b)) / 2))
    }
}

/// The xterm 256-colour palette as RGB: what the explorer's theme indices look like in a
/// terminal, so a page or a picture shows the same colours.
public enum XtermPalette {
    static let system: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
    static let cube: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// Index 0–15: the xterm system colours; 16–231: the 6×6×6 cube 16 + 36r + 6g + b with
    /// levels 0, 95, 135, 175, 215, 255; 232–255: greys 8 + 10·(i − 232). Clamped to 0…255.
    public static func rgb(_ index: Int) -> RGB {
        let i = min(max(index, 0), 255)
        if i < 16 { return system[i] }
        if i < 232 {
            let c = i - 16
            return RGB(cube[c / 36], cube[(c / 6) % 6], cube[c % 6])
        }
        let v = UInt8(8 + 10 * (i - 232))
        return RGB(v, v, v)
    }

    /// The page's own colours where the terminal would use its default: light grey (252) on
    /// near-black (234), a dark terminal.
    public static let defaultForeground = rgb(252)
    public static let defaultBackground = rgb(234)
}

/// How one cell looks on a page or in a picture: concrete colours and the attributes that
/// survive (bold, underline); dim text is mixed halfway to its background, reverse swaps.
public struct CellLook: Hashable, Sendable {
    public var foreground: RGB
    public var background: RGB
    public var bold: Bool
    public var underline: Bool

    /// The look of `style` at 256 colours under `theme`.
    public init(_ style: Style, theme: Theme = .standard) {
        let resolved = theme.resolve(style, depth: .ansi256)
        func color(_ c: TerminalColor, _ fallback: RGB) -> RGB {
            if case .index(let n) = c { return XtermPalette.rgb(n) }
            return fallback
        }
        var fg = color(resolved.foreground, XtermPalette.defaultForeground)
        var bg = color(resolved.background, XtermPalette.defaultBackground)
        if resolved.attributes.contains(.reverse) { swap(&fg, &bg) }
        if resolved.attributes.contains(.dim) { fg = fg.mixed(with: bg) }
        foreground = fg
        background = bg
        bold = resolved.attributes.contains(.bold)
        underline = resolved.attributes.contains(.underline)
    }
}
