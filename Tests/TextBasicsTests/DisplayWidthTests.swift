import Testing
@testable import TextBasics

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumn() {
        #expect(DisplayWidth.of("Wa = [Waa | Wax]") == 16)
    }

    @Test func eastAsianWideAndFullwidthAreTwo() {
        #expect(DisplayWidth.of("中文") == 4)       // CJK ideographs
        #expect(DisplayWidth.of("ひらがな") == 8)   // kana
        #expect(DisplayWidth.of("한국어") == 6)     // Hangul syllables
        #expect(DisplayWidth.of("ＡＢ") == 4)       // fullwidth forms
        #expect(DisplayWidth.of("。") == 2)         // CJK punctuation
        #expect(DisplayWidth.of("🙂") == 2)         // emoji presentation
    }

    @Test func marksAndFormatCharactersAreZero() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)  // combining acute
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)  // ZWJ
        #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)  // variation selector
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func ambiguousAndBoxDrawingAreOne() {
        #expect(DisplayWidth.of("─│┼░▒▓█•…±×") == 11)
        #expect(DisplayWidth.of("ŷ<t>") == 4)
    }

    @Test func controlsAreSanitised() {
        #expect(DisplayWidth.sanitized("\u{1B}") == "?")
        #expect(DisplayWidth.sanitized("\u{9B}") == "?")
        #expect(DisplayWidth.sanitized("\r\n") == "?")
        #expect(DisplayWidth.sanitized("x") == "x")
    }
}

/// The one width table settles the cases the two old tables disagreed on.
@Suite struct DisplayWidthAgreementTests {
    @Test func watchVariationSelectorAndSoftHyphen() {
        #expect(DisplayWidth.of("⌚") == 2)              // U+231A: East Asian Wide
        #expect(DisplayWidth.of("❤\u{FE0F}") == 1)      // VS16 adds nothing: the base's width, as wcwidth and ncurses count it
        #expect(DisplayWidth.of("\u{00AD}") == 1)       // soft hyphen: terminals show it
        #expect(DisplayWidth.of("a\u{00AD}b") == 3)
    }
}
