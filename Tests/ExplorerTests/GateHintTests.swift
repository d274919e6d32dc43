import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// 11-lstm slide 5 asks a<30>[0] = Γo<30>[0]·tanh(c<30>[0]): a typed tanh(c<30>[0]) (the output
/// gate forgotten) or Γo<30>[0] alone (tanh(c) forgotten) is named as that slip, as the plain
/// cell's "the number before tanh", not answered with the generic hint; in both languages.
@Suite struct GateHintTests {
    func answer(_ typed: String, language: Language) throws -> [String] {
        let (lesson, _) = try StudentTests.shipped("11-lstm.yaml")
        var s = ExplorerState(lesson: lesson, language: language)
        _ = s.open(slide: 5)
        #expect(s.typedQuestion?.reference?.description == "a<30>[0]")
        for c in typed { s.update(.typeAnswer(c)) }
        s.update(.submitAnswer)
        return s.viewModel().lesson?.typed?.lines ?? []
    }

    /// tanh(c<30>[0]) and Γo<30>[0] on 11's numbers, as a student types them (3 decimals, the question's).
    func typedSlips() throws -> (squashed: String, gate: String) {
        let (lesson, _) = try StudentTests.shipped("11-lstm.yaml")
        let trace = ExplorerState(lesson: lesson).trace
        let c = try trace.number(try EntryRef.parse("c<30>[0]").get()).get()
        let go = try trace.number(try EntryRef.parse("Γo<30>[0]").get()).get()
        // the slips are told apart from the answer and from each other at 3 decimals
        #expect(abs(tanh(c) - go * tanh(c)) > 0.02 && abs(go - go * tanh(c)) > 0.02 && abs(go - tanh(c)) > 0.02)
        return (String(format: "%.3f", tanh(c)), String(format: "%.3f", go))
    }

    @Test func theOutputGateLeftOutIsNamed() throws {
        let (squashed, gate) = try typedSlips()
        let en = try answer(squashed, language: .en)
        #expect(en.contains("That is tanh(c<30>[0]) without the output gate Γo<30>[0]: a<30>[0] = Γo<30>[0]·tanh(c<30>[0])."), "\(en)")
        #expect(!en.contains { $0.hasPrefix("Hint:") }, "\(en)")
        let zh = try answer(squashed, language: .zh)
        #expect(zh.contains("这是没乘输出门 Γo<30>[0] 的 tanh(c<30>[0])：a<30>[0] = Γo<30>[0]·tanh(c<30>[0])。"), "\(zh)")
        let alone = try answer(gate, language: .en)
        #expect(alone.contains("That is the output gate Γo<30>[0] alone: a<30>[0] = Γo<30>[0]·tanh(c<30>[0])."), "\(alone)")
        let aloneZh = try answer(gate, language: .zh)
        #expect(aloneZh.contains("这只是输出门 Γo<30>[0]：a<30>[0] = Γo<30>[0]·tanh(c<30>[0])。"), "\(aloneZh)")
    }
}
