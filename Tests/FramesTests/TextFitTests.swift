@testable import Explorer
@testable import Frames
import TextBasics
import Testing

/// Text cut to fit keeps its meaning: the end of a title, the numbers of a timeline box, the
/// loss of the forward summary, a number with its word in a caption.
@Suite struct TextFitTests {
    @Test func titlesAreCutInTheMiddleSoTheirEndsStayApart() {
        let d = TextFit.truncateMiddle("RNN types: many-to-many, Tx = Ty (tagging)", to: 32)
        let e = TextFit.truncateMiddle("RNN types: many-to-many, Tx ≠ Ty (translation)", to: 32)
        #expect(DisplayWidth.of(d) <= 32 && DisplayWidth.of(e) <= 32 && d != e)
        #expect(d.hasSuffix("(tagging)") && e.hasSuffix("(translation)") && d.hasPrefix("RNN types") && e.hasPrefix("RNN types"))
        #expect(TextFit.truncateMiddle("Short", to: 32) == "Short")
    }

    @Test func timelineWordsShortenBeforeNumbers() {
        let line = TimelineView.Line(parts: ["x Hermione", "ŷ 0.69"], separator: "  ")
        #expect(line.fitted(to: 14) == "x Herm… ŷ 0.69")
        #expect(TimelineView.Line(parts: ["ŷ 0.77", "y name"], separator: "  ").fitted(to: 13) == "ŷ 0.77 y name")
    }

    @Test func captionsKeepANumberWithItsWord() {
        #expect(TermView.numbersKeptWithTheirWord(["[dWaa | dWax], after step", "1"], width: 25)
                == ["[dWaa | dWax], after", "step 1"])
        #expect(TermView.numbersKeptWithTheirWord(["sum of steps", "3…1"], width: 12) == ["sum of", "steps 3…1"])
    }
}
