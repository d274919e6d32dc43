@testable import Explorer
import Foundation
import Lessons
import RNNCore
import Testing

/// The explorer on GRU and LSTM lessons (the frame fixtures `gru.yaml`, `lstm.yaml`): training
/// and generation on the spot, nudging a gate's weight, what an open question hides, Tab.
@Suite struct GatedExplorerTests {
    static func lesson(_ name: String) throws -> Lesson {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try LessonLoader.load(path: dir.appendingPathComponent("FramesTests/Fixtures/\(name).yaml").path).get()
    }

    @Test func trainingOnTheSpotLowersTheLossAndResets() throws {
        let s = ExplorerState(lesson: try Self.lesson("gru"))
        let before = try #require(s.trace.totalLoss)
        let t = s.after(.train)
        #expect(t.gatedTraining?.steps == ExplorerState.burst)
        #expect(t.trainedSteps == ExplorerState.burst)
        #expect(try #require(t.trace.totalLoss) < before)
        #expect(t.trace.gated?.rnn.params == t.gatedTraining?.trainer.params)
        #expect(t.viewModel().training != nil)
        let r = t.after(.resetTraining)
        #expect(r.gatedTraining == nil && r.trace.totalLoss == before)
        // the same run again: the same numbers
        #expect(s.after(.train).trace.totalLoss == t.trace.totalLoss)
    }

    @Test func generationRunsTheGatedCell() throws {
        let lesson = try Self.lesson("gru")
        let s = ExplorerState(lesson: lesson).after(.toggleGeneration, .generateNext, .generateNext)
        let steps = try #require(s.generation?.steps)
        #expect(steps.count == 3)
        var sampler = Sampler(gated: try #require(lesson.gated), prefix: [0], endToken: nil, maxLength: 50, temperature: 1, seed: 0)
        let expected = (0..<3).compactMap { _ in sampler.next()?.token }
        #expect(steps.map(\.token) == expected)
    }

    @Test func nudgingAGateWeightRecomputesTheTrace() throws {
        var s = ExplorerState(lesson: try Self.lesson("lstm"))
        s.revealAll()
        #expect(s.inspect(entry: EntryRef(symbol: .Wf, row: 0, col: 1)) == nil)
        let before = try #require(s.trace.totalLoss)
        let e = s.after(.toggleEdit, .nudgeUp)
        #expect(e.editableEntry == EntryRef(symbol: .Wf, row: 0, col: 1))
        let after = try #require(e.trace.totalLoss)
        #expect(after != before)
        #expect(try #require(e.trace.gated?.rnn.params.W[0][0, 1]) == (try #require(s.trace.gated?.rnn.params.W[0][0, 1])) + 0.1)
        let report = try #require(e.student.lastNudge)
        #expect(report.gradient != nil)
        // back down: exactly the lesson's numbers
        #expect(e.after(.nudgeDown).trace.totalLoss == before)
    }

    @Test func anOpenQuestionHidesTheGateAndWhatFollows() throws {
        let s = ExplorerState(lesson: try Self.lesson("lstm"))   // slide 1 asks for Γf<2>[0]
        #expect(s.questionPending)
        #expect(!s.isShown(.gammaF, at: 2) && !s.isShown(.c, at: 2) && !s.isShown(.a, at: 3))
        #expect(s.isShown(.gammaF, at: 1))
        #expect(s.timeline.items[1].gate == nil && s.timeline.items[0].gate != nil)
        let oneMinus = s.forwardPanel(2).terms.filter { $0.symbol == .gammaF }
        #expect(oneMinus.allSatisfy { !$0.revealed })
    }

    @Test func tabVisitsEveryGateAndInspectExplainsIt() throws {
        var s = ExplorerState(lesson: try Self.lesson("gru"))
        s.revealAll()
        let symbols = s.after(.nextStep).activePanel.inspectable.map(\.symbol)
        for g in [Symbol.Wu, .gammaU, .Wr, .gammaR, .Wc, .cTilde, .c, .a, .yHat] { #expect(symbols.contains(g)) }
        let lines = s.explain(EntryRef(symbol: .gammaU, t: 2, row: 1))
        #expect(lines.first?.hasPrefix("Γu<2>[1] = σ(Σ_j Wu[1,j]·[c<1>; x<2>][j] + bu[1])") == true)
        let value = try #require(s.trace.vector(.gammaU, 2)?[1])
        #expect(lines.contains { $0.hasSuffix("= " + NumberFormat.format(value, digits: 2)) })
        let c = s.explain(EntryRef(symbol: .c, t: 2, row: 0))
        #expect(c.first == "c<2>[0] = Γu<2>[0]·c̃<2>[0] + (1 − Γu<2>[0])·c<1>[0]")
    }

    /// The GRU's shared weights and biases say what they multiply and where they are added (inside
    /// σ or tanh, before it), and its stacked input is named as on the panel: [c<t-1>; x<t>].
    @Test func sharedWeightsSayWhatTheyMultiply() throws {
        var s = ExplorerState(lesson: try Self.lesson("gru"))
        s.revealAll()
        let na = s.trace.shape.na
        let wu = s.explain(EntryRef(symbol: .Wu, row: 1, col: 0))
        #expect(wu.last == "it multiplies c<t-1>[0] in the sum inside σ(…) of Γu<t>[1]")
        let wc = s.explain(EntryRef(symbol: .Wc, row: 0, col: na + 1))
        #expect(wc.last == "it multiplies x<t>[1] in the sum inside tanh(…) of c̃<t>[0]")
        let wcHead = s.explain(EntryRef(symbol: .Wc, row: 0, col: 1))
        #expect(wcHead.last == "it multiplies (Γr<t> ⊙ c<t-1>)[1] in the sum inside tanh(…) of c̃<t>[0]")
        let bu = s.explain(EntryRef(symbol: .bu, row: 2))
        #expect(bu.last == "it is added to the sum inside σ(…) of Γu<t>[2], before σ is applied")
        #expect(!(wu + wc + bu).contains { $0.contains("s<t>") })
        let stacked = EntryRef(symbol: .stacked, t: 3, row: 0)
        #expect(s.displayName(stacked) == "[c<2>; x<3>][0]")
        #expect(s.explain(stacked).first?.hasPrefix("[c<2>; x<3>][0] = c<2>[0] = ") == true)
        let lstm = ExplorerState(lesson: try Self.lesson("lstm"))
        #expect(lstm.displayName(stacked) == "[a<2>; x<3>][0]")
    }

    @Test func theLabOpensOnAGatedLesson() throws {
        let s = ExplorerState(lesson: try Self.lesson("gru")).after(.lab(.toggle))
        #expect(s.lab?.gatedTrainer != nil)   // more in GatedLabTests
    }
}

import TextBasics
