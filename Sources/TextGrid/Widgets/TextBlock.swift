import TextBasics

/// Wrapped text. Lines break at spaces between words, anywhere next to a wide (CJK)
/// glyph, and inside a word only when the word alone is wider than the line. `\n` starts
/// a new line; leading spaces of a paragraph are kept, spaces at a wrap are dropped.
public struct TextBlock: Widget, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// The lines this text takes at `width` columns.
    public func lines(width: Int) -> [String] { Self.wrap(text, width: width) }

    /// Draws the wrapped lines from the top of `rect` (clipped to its height).
    public func draw(into grid: inout Grid, in rect: Rect) {
        _ = drawCounting(into: &grid, in: rect)
    }

    /// Like `draw`, and returns the number of lines written (≤ rect.height).
    @discardableResult
    public func drawCounting(into grid: inout Grid, in rect: Rect) -> Int {
        guard !rect.isEmpty else { return 0 }
        let wrapped = lines(width: rect.width)
        let used = min(wrapped.count, rect.height)
        for (i, line) in wrapped.prefix(used).enumerated() {
            grid.put(line, x: rect.x, y: rect.y + i, style: style, clip: rect)
        }
        return used
    }

    /// Wraps `text` to `width` display columns (see the type's notes). An empty text
    /// gives no lines; an empty paragraph gives an empty line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, !text.isEmpty else { return [] }
        return WrapCache.shared.lines(text, width: width) { wrapParagraphs(text, width: width) }
    }

    /// `wrap` without the cache.
    static func wrapParagraphs(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrapParagraph(Substring(paragraph), width: width)
        }
        return result
    }

    /// A run of the paragraph: spaces, a narrow word, or one wide glyph.
    private enum Token {
        case spaces(Int)
        case word([Character], width: Int)
    }

    /// Wide punctuation that must not begin a line (it joins the glyph or word before it).
    static let noLineStart: Set<Character> = ["。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "”", "’", "…", "．"]

    /// Narrow closing marks that stay with the word or glyph right before them.
    static let narrowClosing: Set<Character> = ["”", "’", ")", "]", "}", ".", ",", ";", ":", "!", "?"]

    private static func tokens(_ paragraph: Substring) -> [Token] {
        var result: [Token] = []
        var word: [Character] = []
        var wordWidth = 0
        func endWord() {
            if !word.isEmpty { result.append(.word(word, width: wordWidth)) }
            word = []
            wordWidth = 0
        }
        for raw in paragraph {
            let character = DisplayWidth.sanitized(raw == "\t" ? " " : raw)
            let w = DisplayWidth.of(character)
            if character == " " {
                endWord()
                if case .spaces(let n)? = result.last {
                    result[result.count - 1] = .spaces(n + 1)
                } else {
                    result.append(.spaces(1))
                }
            } else if w == 2 && Self.noLineStart.contains(character) {
                // closing punctuation stays with what it closes: never at the start of a line
                if !word.isEmpty {
                    word.append(character); wordWidth += 2; endWord()
                } else if case .word(let previous, let pw)? = result.last {
                    result[result.count - 1] = .word(previous + [character], width: pw + 2)
                } else {
                    result.append(.word([character], width: 2))
                }
            } else if w == 2 {
                endWord()
                result.append(.word([character], width: 2))
            } else if w == 1 {
                // a closing mark right after a word or wide glyph (no space) stays with it
                if word.isEmpty, Self.narrowClosing.contains(character), case .word(let previous, let pw)? = result.last {
                    result.removeLast()
                    word = previous
                    wordWidth = pw
                }
                word.append(character)
                wordWidth += 1
            }  // zero-width graphemes are dropped (Swift already joins marks to their base)
        }
        endWord()
        return result
    }

    /// In a paragraph with wide (CJK) glyphs, a run of narrow words and the spaces between
    /// them (`Wa = [Waa | Wax]`, `--clip 5`) is a formula or a name inside the sentence: it
    /// becomes one word, so the line breaks next to the wide glyphs around it rather than
    /// inside it. A run wider than half the line still breaks at its spaces.
    private static func keepingFormulasWhole(_ tokens: [Token], width: Int) -> [Token] {
        func isWide(_ t: Token) -> Bool {
            if case .word(let c, _) = t, let first = c.first { return DisplayWidth.of(first) == 2 }
            return false
        }
        guard tokens.contains(where: isWide) else { return tokens }
        var result: [Token] = []
        var run: [Token] = []
        func endRun() {
            var trailing: [Token] = []
            while case .spaces? = run.last { trailing.insert(run.removeLast(), at: 0) }
            let words = run.filter { if case .word = $0 { return true } else { return false } }.count
            var characters: [Character] = [], w = 0
            for t in run {
                switch t {
                case .spaces(let n): characters += Array(repeating: " ", count: n); w += n
                case .word(let c, let cw): characters += c; w += cw
                }
            }
            if words > 1 && w <= width / 2 { result.append(.word(characters, width: w)) } else { result += run }
            result += trailing
            run = []
        }
        for t in tokens {
            if isWide(t) { endRun(); result.append(t); continue }
            if case .spaces = t, run.isEmpty { result.append(t); continue }
            run.append(t)
            // a word that ends in wide punctuation (`Wax]。`) ends the run
            if case .word(let c, _) = t, let last = c.last, DisplayWidth.of(last) == 2 { endRun() }
        }
        endRun()
        return result
    }

    /// One paragraph's lines. `shortcut`: printable ASCII that fits is the paragraph itself
    /// less its trailing spaces (what the tokens give, without making them; tests turn it off).
    static func wrapParagraph(_ paragraph: Substring, width: Int, shortcut: Bool = true) -> [String] {
        if shortcut, paragraph.utf8.count <= width, DisplayWidth.isPrintableASCII(paragraph) {
            var line = paragraph
            while line.last == " " { line.removeLast() }
            return [String(line)]
        }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func flush() {
            while line.last == " " { line.removeLast() }
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        for token in keepingFormulasWhole(tokens(paragraph), width: width) {
            switch token {
            case .spaces(let n):
                if lineWidth == 0 && !lines.isEmpty { continue }  // no spaces at a wrap
                let fits = min(n, width - lineWidth)
                line += String(repeating: " ", count: max(0, fits))
                lineWidth += max(0, fits)
            case .word(let characters, let w):
                if lineWidth + w > width && lineWidth > 0 && !line.allSatisfy({ $0 == " " }) { flush() }
                if lineWidth + w <= width {
                    line += String(characters)
                    lineWidth += w
                    continue
                }
                for character in characters {  // hard break inside an over-long word
                    let cw = DisplayWidth.of(character)
                    if cw > width { continue }
                    if lineWidth + cw > width { flush() }
                    line.append(character)
                    lineWidth += cw
                }
            }
        }
        flush()
        return lines
    }
}
