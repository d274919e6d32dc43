import Testing
@testable import TextGrid

@Suite struct ChinesePunctuationTests {
    /// A full stop after a formula does not start the next line: it goes down with the formula.
    @Test func closingPunctuationNeverStartsALine() {
        #expect(TextBlock.wrap("之和：dz<3>。因为", width: 12) == ["之和：", "dz<3>。因为"])
        #expect(TextBlock.wrap("一二三四五。六", width: 10) == ["一二三四", "五。六"])
        #expect(TextBlock.wrap("这是“人名吗？”。好", width: 14) == ["这是“人名", "吗？”。好"])
    }
}
