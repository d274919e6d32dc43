import Foundation
import Testing
@testable import Lessons
import RNNCore

/// The course notebook's lstm_cell_forward test: its draws (np.random.seed(1), written by
/// Tests/Fixtures/lstm_cell_forward/generate.py) as a lesson, and every example column j run
/// as one LSTM step, against the values the notebook prints.
@Suite struct NotebookLSTMTests {
    static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/lstm_cell_forward")
    // printed by the notebook: a_next[4], c_next[2], yt[1] over the ten columns
    static let aNext4 = [-0.66408471, 0.0036921, 0.02088357, 0.22834167, -0.85575339, 0.00138482, 0.76566531, 0.34631421, -0.00215674, 0.43827275]
    static let cNext2 = [0.63267805, 1.00570849, 0.35504474, 0.20690913, -1.64566718, 0.11832942, 0.76449811, -0.0981561, -0.74348425, -0.26810932]
    static let yt1 = [0.79913913, 0.15986619, 0.22412122, 0.15606108, 0.97057211, 0.31146381, 0.00943007, 0.12666353, 0.39380172, 0.07828381]

    struct Columns: Decodable { var xt: [[Double]]; var a_prev: [[Double]]; var c_prev: [[Double]] }

    @Test func everyColumnMatchesTheNotebook() throws {
        let lesson = try LessonLoader.load(path: Self.folder.appendingPathComponent("lesson.yaml").path).get()
        let rnn = try #require(lesson.gated)
        #expect(rnn.shape.cell == .lstm && rnn.shape.nx == 3 && rnn.shape.na == 5 && rnn.shape.ny == 2)
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("columns.json"))
        let cols = try JSONDecoder().decode(Columns.self, from: data)
        for j in 0..<10 {
            var r = rnn
            r.params.a0 = cols.a_prev.map { $0[j] }
            r.params.c0 = cols.c_prev.map { $0[j] }
            let episode = try Episode(architecture: .oneToOne, nx: 3, inputs: [cols.xt.map { $0[j] }], targets: nil, outputs: 1)
            let trace = Trace(gated: r, episode: episode)
            let a = try #require(trace.vector(.a, 1)), c = try #require(trace.vector(.c, 1)), y = try #require(trace.vector(.yHat, 1))
            // the notebook prints 8 decimals: agreement to half a unit of the 8th
            #expect(abs(a[4] - Self.aNext4[j]) <= 5e-9, "a_next[4] column \(j): \(a[4])")
            #expect(abs(c[2] - Self.cNext2[j]) <= 5e-9, "c_next[2] column \(j): \(c[2])")
            #expect(abs(y[1] - Self.yt1[j]) <= 5e-9, "yt[1] column \(j): \(y[1])")
        }
        // the lesson itself is column 0
        let t = lesson.makeTrace()
        #expect(abs((t.vector(.a, 1)?[4] ?? 0) - Self.aNext4[0]) <= 5e-9)
    }
}
