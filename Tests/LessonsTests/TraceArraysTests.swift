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
}
