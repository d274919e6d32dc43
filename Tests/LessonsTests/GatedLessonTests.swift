import Foundation
import Testing
@testable import Lessons
import RNNCore

/// A small GRU lesson; tests replace one line to make one mistake.
let gruLesson = """
title: Tiny GRU
model:
  cell: gru
  n_x: 1
  n_a: 2
  n_y: 1
  g2: sigmoid
  weights:
    Wu: [[0.5, -0.25, 1], [0.1, 0.2, -1]]
    Wr: [[0.3, 0.1, 0.5], [0.2, -0.4, 0.6]]
    Wc: [[1, 0, 2], [0, 1, -2]]
    bu: [-1, 1]
    Wya: [[1, -1]]
architecture: many-to-many
sequence:
  x: [[1], [0], [1]]
  y: [1, 0, 1]
script:
  - say: Hello
"""

func gru(replacing old: String, with new: String) -> String {
    precondition(gruLesson.contains(old), "GRU lesson has no \(old)")
    return gruLesson.replacingOccurrences(of: old, with: new)
}

@Suite struct GatedLessonTests {
    @Test func aGRULessonLoadsWithItsWeights() throws {
        let lesson = try LessonLoader.load(text: gruLesson, path: "gru.yaml").get()
        let g = try #require(lesson.gated)
        #expect(lesson.cell == .gru)
        #expect(g.params.weight(.r) == Matrix([[0.3, 0.1, 0.5], [0.2, -0.4, 0.6]]))
        #expect(g.params.bias(.u) == [-1, 1])
        #expect(g.params.bias(.r) == [0, 0])
        let trace = lesson.makeTrace()
        #expect(trace.cell == .gru)
        // Γu<1> = σ(Wu [c<0>; x<1>] + bu) with c<0> = 0, x<1> = 1
        let u = try #require(trace.vector(.gammaU, 1))
        #expect(abs(u[0] - 1 / (1 + exp(-(1.0 - 1)))) < 1e-15 && abs(u[1] - 1 / (1 + exp(-(-1.0 + 1)))) < 1e-15)
    }

    @Test func g1OnAGatedCellSaysWhy() {
        #expect(problems(gru(replacing: "  g2: sigmoid", with: "  g1: tanh\n  g2: sigmoid")) == """
        lesson.yaml:7:3: error: g1 does not apply to a gated cell: its gates use σ and c̃ uses tanh, fixed by the cell; remove g1
          g1: tanh
          ^
        """)
    }

    @Test func c0OnAGRUSaysItIsA0() {
        #expect(problems(gru(replacing: "architecture:", with: "  c0: [1, 2]\narchitecture:")) == """
        lesson.yaml:14:3: error: c0 does not apply to a gru: its memory starts as c<0> = a<0>, so give a0 only
          c0: [1, 2]
          ^
        """)
    }

    @Test func c0OnThePlainCellIsAnError() {
        #expect(problems(lesson(replacing: "architecture:", with: "  c0: [1, 2]\narchitecture:")).contains(
            "error: c0 is the LSTM's memory cell c<0>; the rnn cell has none (set cell: lstm, or remove c0)"))
    }

    @Test func aWrongShapeIsLocated() {
        #expect(problems(gru(replacing: "    Wr: [[0.3, 0.1, 0.5], [0.2, -0.4, 0.6]]", with: "    Wr: [[0.3, 0.1], [0.2, -0.4]]")) == """
        lesson.yaml:10:9: error: Wr must be n_a × (n_a+n_x) (2 × 3), got 2 × 2
            Wr: [[0.3, 0.1], [0.2, -0.4]]
                ^
        """)
    }

    @Test func aMissingWeightAndAForeignOneAreReported() {
        let text = problems(gru(replacing: "    Wr: [[0.3, 0.1, 0.5], [0.2, -0.4, 0.6]]", with: "    Wf: [[0.3, 0.1, 0.5], [0.2, -0.4, 0.6]]"))
        #expect(text.contains("unknown key 'Wf' in weights"))
        #expect(text.contains("weights needs Wr (n_a × (n_a+n_x))"))
    }

    @Test func theNotebooksNamesAreAcceptedOnceEach() throws {
        let aliased = gru(replacing: "    Wu:", with: "    Wi:").replacingOccurrences(of: "    bu:", with: "    bi:")
            .replacingOccurrences(of: "    Wya:", with: "    Wy:")
        let a = try LessonLoader.load(text: aliased, path: "a.yaml").get(), b = try LessonLoader.load(text: gruLesson, path: "b.yaml").get()
        #expect(a.gated == b.gated)
        #expect(problems(gru(replacing: "    bu: [-1, 1]", with: "    bu: [-1, 1]\n    bi: [0, 0]")).contains(
            "error: bi is the course notebook's name for bu: give one of them"))
    }

    /// Each notebook name gets a note at its key that it is the same weight as ours; notes are
    /// printed by `check`, which passes, even with --strict. A reference to Wi says to write Wu.
    @Test func theNotebooksNamesGetANoteAndReferencesSayOurs() throws {
        let aliased = gru(replacing: "    Wu:", with: "    Wi:").replacingOccurrences(of: "    Wya:", with: "    Wy:")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-alias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.yaml").path
        try aliased.write(toFile: path, atomically: true, encoding: .utf8)
        let r = LessonChecker.report(paths: [path], strict: true)
        #expect(r.exitCode == 0 && r.summary == "ok: 1 lesson")
        #expect(r.problems.contains("a.yaml:9:5: note: Wi is the course notebook's name for Wu: the same weight (the notebook calls the update gate Γu the input gate); the screen and references say Wu"))
        #expect(r.problems.contains("note: Wy is the course notebook's name for Wya: the same weight; the screen and references say Wya"))
        let check = aliased.replacingOccurrences(of: "  - say: Hello", with: "  - say: Hello\n    check: \"Wi[0,0] == 0.5\"")
        #expect(problems(check).contains("'Wi' is the course notebook's name for Wu, the same weight; references use Wu (write Wu in place of Wi)"))
    }

    @Test func forgetBiasIsTheLSTMsOnly() throws {
        let seeded = """
        title: Seeded
        model: {cell: lstm, n_x: 2, n_a: 3, n_y: 2, g2: softmax, init: {seed: 7, scale: 0.5, forget_bias: 1}, c0: [0.5, 0, -0.5]}
        architecture: many-to-one
        sequence: {x: [[1, 0], [0, 1]], y: [1]}
        script: [{say: Hi}]
        """
        let lesson = try LessonLoader.load(text: seeded, path: "s.yaml").get()
        let p = try #require(lesson.gated?.params)
        #expect(p.bias(.f) == [1, 1, 1] && p.bias(.u) == [0, 0, 0] && p.c0 == [0.5, 0, -0.5])
        // the documented draw order: Wf, Wu, Wc, Wo row by row, then Wya, from SplitMix64(seed)
        var g = SplitMix64(seed: 7)
        let draws = (0..<(4 * 15 + 6)).map { _ in 0.5 * (2 * g.nextUnit() - 1) }
        #expect(p.W.flatMap(\.values) + p.Wya.values == draws)
        #expect(problems(seeded.replacingOccurrences(of: "cell: lstm", with: "cell: gru")
            .replacingOccurrences(of: ", c0: [0.5, 0, -0.5]", with: "")).contains(
            "error: forget_bias sets bf, the LSTM's forget-gate bias; a gru has no forget gate"))
    }

    @Test func checksAndFocusReadGatedNumbers() throws {
        let withCheck = gruLesson.replacingOccurrences(of: "  - say: Hello", with: """
          - say: Hello
            focus: "Γu<2>[0]"
            check: ["c<3>[0] == a<3>[0]", "gamma_r<1>[1] > 0", "dWr[0,0] != 0", "c<0>[0] == 0"]
        """)
        #expect(problems(withCheck) == "ok")
        let wrong = gruLesson.replacingOccurrences(of: "  - say: Hello", with: """
          - say: Hello
            focus: "Γf<2>[0]"
        """)
        #expect(problems(wrong).contains("the gru cell has no gate f (it belongs to the lstm)"))
    }

    @Test func theTraceJSONHasTheCellsKeys() throws {
        let lesson = try LessonLoader.load(text: gruLesson, path: "gru.yaml").get()
        let json = TraceJSON.encode(lesson.makeTrace())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["cell"] as? String == "gru")
        #expect(object["g1"] == nil)
        let params = try #require(object["params"] as? [String: Any])
        #expect(Set(params.keys) == ["Wu", "bu", "Wr", "br", "Wc", "bc", "Wya", "by", "a0"])
        let forward = try #require((object["forward"] as? [[String: Any]])?.first)
        for key in ["gamma_u", "gamma_r", "c_tilde", "c", "a", "y_hat"] { #expect(forward[key] != nil, "\(key)") }
        #expect(forward["c"] as? [Double] == forward["a"] as? [Double])
        let backward = try #require((object["backward"] as? [[String: Any]])?.first)
        for key in ["da", "dc", "da_prev", "dc_prev", "dgamma_u", "dzu"] { #expect(backward[key] != nil, "\(key)") }
        let grads = try #require(object["grads"] as? [String: Any])
        #expect(Set(grads.keys) == ["dWu", "dbu", "dWr", "dbr", "dWc", "dbc", "dWya", "dby", "da0"])
        // the plain cell's JSON says its cell and keeps its keys
        let plain = try LessonLoader.load(text: baseLesson, path: "p.yaml").get()
        let p = try #require(try JSONSerialization.jsonObject(with: Data(TraceJSON.encode(plain.makeTrace()).utf8)) as? [String: Any])
        #expect(p["cell"] as? String == "rnn" && p["g1"] as? String == "tanh" && (p["params"] as? [String: Any])?["Waa"] != nil)
    }

    @Test func aTrainedGatedLessonReloadsWithItsWeights() throws {
        let lesson = try LessonLoader.load(text: gruLesson, path: "gru.yaml").get()
        let g = try #require(lesson.gated)
        var trainer = GatedTrainer(rnn: g, episodes: [lesson.episode], config: TrainingConfig(optimizer: .adam))
        let before = trainer.meanLoss()
        trainer.train(steps: 50)
        #expect(trainer.meanLoss() < before)
        let describe = LessonWriter.Description(title: .init(en: "T"), summary: .init(en: "S"), slide: .init(en: "Say"))
        let text = try LessonWriter.trained(originalText: gruLesson, path: "gru.yaml", gated: trainer.rnn, notes: "n",
                                            describe: describe).get()
        #expect(try LessonLoader.load(text: text, path: "t.yaml").get().gated == trainer.rnn)
    }
}
