import Explorer
import Foundation
import Lessons
import RNNCore
import Testing

/// The colour ranges of a GRU's or LSTM's weight gradients (each step's contribution and the
/// running sums after each backward step) equal, bit for bit, the largest entries of the
/// matrices the trace itself gives for every step.
@Suite struct GatedScaleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["Tests/FramesTests/Fixtures/gru.yaml", "Tests/FramesTests/Fixtures/lstm.yaml",
                      "lessons/10-gru.yaml", "lessons/12c-lstm.yaml"])
    func gradientRangesAreTheLargestEntries(path: String) throws {
        let lesson = try LessonLoader.load(path: Self.root.appendingPathComponent(path).path).get()
        let trace = lesson.makeTrace()
        #expect(trace.hasBackward)
        let scales = ScaleTable(trace: trace)
        let symbols: [Symbol] = [.dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dWf, .dWu, .dWr, .dWo, .dWc,
                                 .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep, .dbf, .dbu, .dbr, .dbo, .dbc,
                                 .dWyaStep, .dWya, .dby]
        var checked = 0
        for symbol in symbols {
            let perStep = (1...trace.T).compactMap { trace.tensor(symbol, t: $0)?.values }
            guard !perStep.isEmpty else { continue }   // a gate this cell does not have
            let largest = perStep.map { $0.reduce(0) { max($0, abs($1)) } }.max() ?? 0
            #expect(scales.maxAbs[symbol]?.bitPattern == largest.bitPattern, "\(symbol) in \(path)")
            checked += 1
        }
        #expect(checked >= 3 * 4 + 3)
    }
}
