extension Grid {
    /// The grid as text lines, one per row: continuation cells skipped, trailing spaces
    /// trimmed, no escape byte at all. Colours and attributes are dropped, so draw heatmaps
    /// with `ColorDepth.none` when the text is meant to be read without colour.
    public func plainText() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = self[column, row]
                if !cell.isContinuation { line += cell.text }
            }
            return trimmedRight(line)
        }
    }

    /// `plainText()` joined with newlines (a convenient snapshot form).
    public func plainString() -> String { plainText().joined(separator: "\n") }

    /// The grid as lines with SGR escape sequences for `depth`: 256 colours as `38;5;N` /
    /// `48;5;N`, 8 colours as 30–37 / 40–47, attributes as 1 (bold), 2 (dim), 4
    /// (underline), 7 (reverse). Styles are emitted only where they change; a line that
    /// used any style ends with a reset (`ESC[0m`). Trailing default-style spaces are trimmed.
    public func ansiText(depth: ColorDepth, theme: Theme = .standard) -> [String] {
        (0..<height).map { row in
            var lastUsed = -1
            for column in 0..<width {
                let cell = self[column, row]
                if cell.isContinuation { continue }
                if cell.text != " " || theme.resolve(cell.style, depth: depth) != .plain { lastUsed = column }
            }
            var line = ""
            var current = ResolvedStyle.plain
            var column = 0
            while column <= lastUsed {
                let cell = self[column, row]
                column += 1
                if cell.isContinuation { continue }
                let resolved = theme.resolve(cell.style, depth: depth)
                if resolved != current {
                    line += ANSI.sgr(resolved, depth: depth)
                    current = resolved
                }
                line += cell.text
            }
            if current != .plain || line.contains("\u{1B}") { line += ANSI.reset }
            return line
        }
    }

    private func trimmedRight(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            if line[before] != " " { break }
            end = before
        }
        return String(line[..<end])
    }
}

/// SGR escape sequences.
public enum ANSI {
    public static let reset = "\u{1B}[0m"

    /// One sequence that resets and then sets `style` completely.
    public static func sgr(_ style: ResolvedStyle, depth: ColorDepth) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if case .index(let n) = style.foreground {
            codes.append(depth == .ansi256 ? "38;5;\(n)" : "\(30 + n % 8)")
        }
        if case .index(let n) = style.background {
            codes.append(depth == .ansi256 ? "48;5;\(n)" : "\(40 + n % 8)")
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
