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
