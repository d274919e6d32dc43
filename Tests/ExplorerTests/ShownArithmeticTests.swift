import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// A hint or a revealed answer that prints factors and a result must hold as printed: 07b
/// slide 4 showed "Waa[3,2]·a<3>[2] = 3.00 × 0.95 = 2.86" (a<3>[2] is 0.9533; 3.00 × 0.95 is
/// 2.85 on paper) and "z<4>[3] = 3.00·0.95 + (-1.00) = 1.86". Hints give the factors the
/// decimals that make the product hold; explanations write `≈` where the shown numbers do not
/// give the next side.
@Suite struct ShownArithmeticTests {
    @Test func readsTheArithmeticAsPrinted() {
        #expect(ShownArithmetic.value("3.00 × 0.95") == 3.00 * 0.95)
        #expect(ShownArithmetic.value("3.00·0.95 + (-1.00)").map { abs($0 - 1.85) < 1e-12 } == true)
        #expect(ShownArithmetic.value("(-0.35)·(1 - 0.61²)").map { abs($0 - (-0.35 * (1 - 0.61 * 0.61))) < 1e-12 } == true)
        #expect(ShownArithmetic.value("1 / (1 + exp(-1.23))").map { abs($0 - 1 / (1 + exp(-1.23))) < 1e-12 } == true)
        #expect(ShownArithmetic.value("-(1.00·log(0.77))").map { abs($0 + log(0.77)) < 1e-12 } == true)
        #expect(ShownArithmetic.value("3.0e-11 × 2.00") == 6e-11)
        #expect(ShownArithmetic.value("z<2>[0] + 1") == nil && ShownArithmetic.value("0.10·0.66 + … + 0.10") == nil)
        // holds: the number after `=` is the shown side rounded to its decimals
        #expect(!ShownArithmetic.holds("3.00 × 0.95", "2.86"))
        #expect(ShownArithmetic.holds("3.00 × 0.953", "2.86"))
        #expect(!ShownArithmetic.holds("3.00·0.95 + (-1.00)", "1.86"))
        #expect(!ShownArithmetic.holds("tanh(3.00·0.95 + (-1.00))", "tanh(1.86)"))
        #expect(ShownArithmetic.holds("tanh(3.00·0.95 + (-1.00))", "tanh(1.85)"))
        #expect(ShownArithmetic.holds("0.77 - 1.00", "-0.23"))
        #expect(ShownArithmetic.holds("0.125 + 0", "0.13") && ShownArithmetic.holds("0.125 + 0", "0.12"))   // a tie either way
        #expect(ShownArithmetic.holds("Σ_j Wa[3,j]·[a<3>; x<4>][j] + ba[3]", "1.86"))   // names: nothing to read back
        // the hint's product: more decimals on the factor that needs them, a whole factor as it is
        #expect(Words.product([3, 0.9533], 3 * 0.9533 - 0, NumberStyle(digits: 2)) == "3.00 × 0.953 = 2.86")
        #expect(Words.product([0.10, 0.66], 0.066, NumberStyle(digits: 2)) == "0.10 × 0.66 = 0.07")
        // an explanation's chain: `≈` before a side the shown numbers do not give
        #expect(ExplainFormat.chain("z", ["3.00·0.95 + (-1.00)", "1.86"]) == ["z = 3.00·0.95 + (-1.00)", "  ≈ 1.86"])
        #expect(ExplainFormat.chain("z", ["3.00·0.953 + (-1.00)", "1.86"]) == ["z = 3.00·0.953 + (-1.00)", "  = 1.86"])
    }

    /// The `=` steps of `lines` (a chain's continuation lines joined to the line they continue)
    /// whose both sides are arithmetic: (before, after), as printed.
    static func steps(_ lines: [String]) -> [(String, String)] {
        var joined: [String] = []
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            if (trimmed.hasPrefix("= ") || trimmed.hasPrefix("≈ ")), !joined.isEmpty { joined[joined.count - 1] += " " + trimmed }
            else { joined.append(line) }
        }
        var out: [(String, String)] = []
        for line in joined {
            // the sides and the relation before each
            var sides: [String] = [], relations: [String] = []
            var rest = Substring(line)
            while let r = rest.range(of: " = ") ?? rest.range(of: " ≈ ") {
                let other = rest.range(of: " ≈ ").flatMap { $0.lowerBound < r.lowerBound ? $0 : nil } ?? r
                sides.append(String(rest[..<other.lowerBound]))
                relations.append(String(rest[other]))
                rest = rest[other.upperBound...]
            }
            sides.append(String(rest))
            for k in relations.indices where relations[k] == " = " {
                var after = sides[k + 1]
                while let last = after.last, ".。:：".contains(last) { after.removeLast() }
                if ShownArithmetic.value(sides[k]) != nil, ShownArithmetic.value(after) != nil { out.append((sides[k], after)) }
            }
        }
        return out
    }

    @Test func stepsAreReadFromTheLines() {
        let s = Self.steps(["Hint: one term of z<4>[3] is Waa[3,2]·a<3>[2] = 3.00 × 0.95 = 2.86.",
                            "z<4>[3] = Σ_j Wa[3,j]·[a<3>; x<4>][j] + ba[3]", "        = 3.00·0.95 + (-1.00)", "        ≈ 1.86"])
        #expect(s.count == 1 && s.first?.0 == "3.00 × 0.95" && s.first?.1 == "2.86")
    }

    /// Every shipped typed question, in both languages: a far wrong answer's hint, and the
    /// explanation revealed after the last try. Each `=` between two arithmetic sides holds as
    /// printed (the exact value of the left side, computed from its printed numbers, rounds to
    /// the printed right side).
    @Test func everyShippedHintAndRevealHoldsAsPrinted() throws {
        var checked = 0, hints = 0
        for (name, lesson) in try AnsweredDisclosureTests.shippedLessons() {
            for i in lesson.script.indices where lesson.script[i].typed != nil {
                for language in [Language.en, .zh] {
                    var s = ExplorerState(lesson: lesson, language: language)
                    _ = s.open(slide: i + 1)
                    let q = try #require(s.typedQuestion)
                    let right = try #require(s.typedRightAnswer())
                    var seen: [String] = []
                    for k in 0..<q.tries {
                        let wrong = right + 7.31 + Double(k)
                        for c in String(format: "%.\(q.digits ?? s.lessonDigits)f", wrong) { s.update(.typeAnswer(c)) }
                        s.update(.submitAnswer)
                        let lines = s.viewModel().lesson?.typed?.lines ?? []
                        if lines.contains(where: { $0.hasPrefix("Hint:") || $0.hasPrefix("提示：") }) { hints += 1 }
                        seen += lines
                    }
                    #expect(s.typedAnswer?.revealed == true, "\(name) slide \(i + 1)")
                    for (before, after) in Self.steps(seen) {
                        checked += 1
                        #expect(ShownArithmetic.holds(before, after), "\(name) slide \(i + 1) \(language): \(before) = \(after)\n\(seen.joined(separator: "\n"))")
                    }
                }
            }
        }
        // the sweep reads real arithmetic: hints with products and revealed sums, in both languages
        #expect(hints >= 20 && checked >= 40, "hints \(hints), checked \(checked)")
    }

    /// 07b slide 4, as the tester saw it: the hint's product and the revealed sum hold on screen.
    @Test func the07bHintAndRevealHold() throws {
        let (lesson, _) = try StudentTests.shipped("07b-one-to-many.yaml")
        var s = ExplorerState(lesson: lesson)
        _ = s.open(slide: 4)
        #expect(s.typedQuestion?.reference?.description == "z<4>[3]")
        var seen: [String] = []
        for typed in ["9.99", "8.88", "7.77"] {
            for c in typed { s.update(.typeAnswer(c)) }
            s.update(.submitAnswer)
            seen += s.viewModel().lesson?.typed?.lines ?? []
        }
        #expect(seen.contains { $0.contains("Waa[3,2]·a<3>[2] = 3.00 × 0.953 = 2.86") }, "\(seen)")
        #expect(seen.contains { $0.hasSuffix("≈ 1.86") || $0.hasSuffix("= 1.86") }, "\(seen)")
        #expect(!seen.joined(separator: "\n").contains("3.00 × 0.95 = 2.86"))
        #expect(!Self.steps(seen).contains { !ShownArithmetic.holds($0.0, $0.1) })
    }
}
