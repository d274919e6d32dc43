import Testing
@testable import TextGrid

@Suite struct ChinesePunctuationTests {
    /// A full stop after a formula does not start the next line: it goes down with the formula.
    @Test func closingPunctuationNeverStartsALine() {
        #expect(TextBlock.wrap("之和：dz<3>。因为", width: 12) == ["之和：", "dz<3>。因为"])
        #expect(TextBlock.wrap("一二三四五。六", width: 10) == ["一二三四", "五。六"])
        #expect(TextBlock.wrap("这是“人名吗？”。好", width: 14) == ["这是“人名", "吗？”。好"])
    }

    /// In Chinese text a formula between the glyphs goes to the next line whole.
    @Test func formulasInChineseTextStayWhole() {
        #expect(TextBlock.wrap("笔记把它们并排放在一起：Wa = [Waa | Wax]。Waa 有 3 列", width: 40) ==
                ["笔记把它们并排放在一起：", "Wa = [Waa | Wax]。Waa 有 3 列"])
        // English text still breaks at every space
        #expect(TextBlock.wrap("side by side: Wa = [Waa | Wax].", width: 24) == ["side by side: Wa = [Waa", "| Wax]."])
        // a run wider than half the line breaks at its spaces
        #expect(TextBlock.wrap("一 a b c d e f g h i j", width: 10) == ["一 a b c d", "e f g h i", "j"])
    }
}

@Suite struct WrapShortcutTests {
    /// The printable-ASCII shortcut gives the lines the tokens give (leading, trailing and
    /// repeated spaces, punctuation, a paragraph exactly as wide as the line).
    @Test func shortcutAgreesWithTheTokens() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "word", " ", "  ", "x<2>[1]", "(", ")", ".", ",", "=", "dWa", "~", "}"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator))
                .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let width = Int.random(in: 1...30, using: &generator)
            let fast = TextBlock.wrapParagraph(Substring(text), width: width)
            let slow = TextBlock.wrapParagraph(Substring(text), width: width, shortcut: false)
            #expect(fast == slow, "\(text.debugDescription) at width \(width)")
        }
    }

    /// Wrapping a text again (from the cache) gives the lines wrapping it afresh gives.
    @Test func cachedLinesAreTheFreshLines() {
        let text = "the running sums after step 3: dWa<3> = Σ ΔdWa<t>, t = 4…3\n\n  indented 一二三"
        for width in [1, 5, 12, 40] {
            let first = TextBlock.wrap(text, width: width), again = TextBlock.wrap(text, width: width)
            #expect(first == TextBlock.wrapParagraphs(text, width: width))
            #expect(again == first)
        }
    }
}
