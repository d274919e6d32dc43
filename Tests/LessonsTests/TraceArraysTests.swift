import Foundation
import RNNCore
import Testing
@testable import Lessons

/// `unroll trace --arrays`: the trace's numbers as T × n arrays, null only where a step has no value.
/// (Foundation's JSON reader on Linux may miss the last bit of a shortest-form number, so
/// numbers are compared to 1e-15 relative.)
@Suite struct TraceArraysTests {
    func same(_ a: [Double]?, _ b: [Double]?) -> Bool {
        guard let a, let b, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { abs($0 - $1) <= 1e-15 * max(abs($0), abs($1), 1e-300) }
    }

    @Test func arraysOverTimeMatchTheTrace() throws {
        let lesson = try LessonLoader.load(path: packageRoot.appendingPathComponent("lessons/07c-many-to-one.yaml").path).get()
        let trace = lesson.makeTrace()
        var text = ""
        TraceArrays.writeJSON(trace, vocab: nil, to: { text += $0 })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["T"] as? Int == 4)
        #expect(json["labels"] as? [String] == ["this", "was", "not", "good"])
        let a = try #require(json["a"] as? [[Double]])
        for t in 1...4 { #expect(same(a[t - 1], trace.vector(.a, t))) }
        // many-to-one: one output, at the last step; the other rows are null
        let yHat = try #require(json["y_hat"] as? [Any])
        #expect(yHat.prefix(3).allSatisfy { $0 is NSNull })
        #expect(same(yHat[3] as? [Double], trace.vector(.yHat, 4)))
        let loss = try #require(json["loss"] as? [Any])
        #expect(loss.count == 4 && loss[0] is NSNull && same((loss[3] as? Double).map { [$0] }, trace.loss(4).map { [$0] }))
        let dz = try #require(json["dz"] as? [[Double]])
        #expect(same(dz[0], trace.vector(.dz, 1)))   // backward rows in time order
        let grads = try #require(json["grads"] as? [String: Any])
        #expect((grads["dWaa"] as? [[Double]])?.count == 3)
    }

    @Test func vocabIsEscapedJSON() throws {
        let lesson = try LessonLoader.load(path: packageRoot.appendingPathComponent("lessons/08-language-model.yaml").path).get()
        var text = ""
        TraceArrays.writeJSON(lesson.makeTrace(), vocab: lesson.vocab.map { $0.map(String.init) }, to: { text += $0 })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let vocab = try #require(json["vocab"] as? [String])
        #expect(vocab == lesson.vocab?.map(String.init))
    }

    /// A GRU's and an LSTM's arrays carry the keys of their trace JSON: gates, c̃, c, dc, the
    /// cell's weights and their gradients (dc0 for the LSTM), and `cell`.
    @Test(arguments: ["gru", "lstm"]) func gatedArraysHaveTheGates(cell: String) throws {
        let text = """
        title: G
        model: {cell: \(cell), n_x: 2, n_a: 2, n_y: 1, g2: sigmoid, init: {seed: 3, scale: 0.8}\(cell == "lstm" ? ", c0: [0.5, -0.5]" : "")}
        architecture: many-to-many
        sequence: {x: [[1, 0], [0, 1], [1, 1]], y: [[1], [0], [1]]}
        script:
          - say: G.
        """
        let trace = try LessonLoader.load(text: text, path: "g.yaml").get().makeTrace()
        var out = ""
        TraceArrays.writeJSON(trace, vocab: nil, to: { out += $0 })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(json["cell"] as? String == cell)
        #expect(json["z"] == nil)
        let gates: [(String, Symbol)] = cell == "gru" ? [("gamma_u", .gammaU), ("gamma_r", .gammaR)]
            : [("gamma_f", .gammaF), ("gamma_u", .gammaU), ("gamma_o", .gammaO)]
        for (key, sym) in gates + [("c_tilde", .cTilde), ("c", .c), ("a", .a), ("c_prev", .cPrev), ("dc", .dc), ("dc_prev", .dcPrev)] {
            let rows = try #require(json[key] as? [[Double]], "\(key)")
            for t in 1...3 { #expect(same(rows[t - 1], trace.vector(sym, t)), "\(key) t = \(t)") }
        }
        let params = try #require(json["params"] as? [String: Any]), grads = try #require(json["grads"] as? [String: Any])
        let names = cell == "gru" ? ["Wu", "bu", "Wr", "br", "Wc", "bc"] : ["Wf", "bf", "Wu", "bu", "Wc", "bc", "Wo", "bo"]
        #expect(Set(params.keys) == Set(names + ["Wya", "by", "a0"] + (cell == "lstm" ? ["c0"] : [])))
        #expect(Set(grads.keys) == Set((names + ["Wya", "by"]).map { "d" + $0 } + ["da0"] + (cell == "lstm" ? ["dc0"] : [])))
        #expect((grads["dWu"] as? [[Double]])?.first?.count == 4)
        let names2 = TraceArrays.series(trace).map(\.name)
        #expect(names2.contains("dzc") && names2.contains("dgamma_u") && names2.contains("dc_next"))
    }
}
