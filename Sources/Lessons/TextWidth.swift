/// Display width and sanitising of text that reaches the terminal.
///
/// Wide glyphs (CJK, fullwidth forms, emoji presentation) take 2 columns, combining marks
/// and zero-width format characters 0, everything else 1.
enum TextWidth {
    /// Columns a terminal gives `c`.
    static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        if c.unicodeScalars.count > 1 && c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if s.properties.isEmojiPresentation { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// Columns a terminal gives `s`.
    static func of(_ s: some StringProtocol) -> Int { s.reduce(0) { $0 + of($1) } }
}

/// Removes what must never reach a terminal.
public enum Sanitizer {
    /// Whether `s` is a C0 or C1 control character or DEL (newline and tab are judged by the caller).
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    /// Text for the screen: control characters (ESC and the rest of C0/C1, DEL) are dropped;
    /// newlines stay, tabs become a space, CR LF becomes a newline.
    public static func screenText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\n" { out.append(s) }
            else if s == "\t" { out.append(" ") }
            else if !isControl(s) { out.append(s) }
        }
        return String(out)
    }

    /// One line of text for the screen: as `screenText`, with newlines as spaces.
    public static func screenLine(_ text: String) -> String {
        String(screenText(text).map { $0 == "\n" ? " " : $0 })
    }

    /// Text for a diagnostic: each control character (tab aside) shown as U+FFFD, one column
    /// wide, so carets stay under the right place.
    static func visible(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(s == "\t" || !isControl(s) ? s : "\u{FFFD}")
        }
        return String(out)
    }
}
