import Testing
@testable import RNNCore

/// `TraceJSON.write` streams: the text arrives in pieces of bounded size whatever T is, and the
/// pieces put together are `TraceJSON.encode`'s text.
@Suite struct TraceStreamTests {
    static func trace(T: Int) throws -> Trace {
        let shape = Shape(nx: 3, na: 4, ny: 3, g1: .tanh, g2: .softmax)
        let rnn = RNN(shape: shape, params: Params.seeded(shape, seed: 3, scale: 0.5))
        let inputs = (0..<T).map { t in (0..<3).map { $0 == t % 3 ? 1.0 : 0 } }
        let targets = (0..<T).map { t in (0..<3).map { $0 == (t + 1) % 3 ? 1.0 : 0 } }
        let episode = try Episode(architecture: .manyToMany, nx: 3, inputs: inputs, targets: targets)
        return Trace(rnn: rnn, episode: episode)
    }

    @Test(arguments: [1, 5, 3_000])
    func piecesAreBoundedAndAddUpToTheWhole(_ T: Int) throws {
        let trace = try Self.trace(T: T)
        var pieces: [Int] = []
        var joined = ""
        TraceJSON.write(trace, to: { pieces.append($0.utf8.count); joined += $0 })
        #expect(joined == TraceJSON.encode(trace))
        #expect(joined.hasSuffix("}\n"))
        // a piece is handed over once it reaches 64 KiB, at the end of the line that got it there
        let longestLine = joined.split(separator: "\n").map(\.utf8.count).max() ?? 0
        #expect(pieces.allSatisfy { $0 <= JSONWriter.chunk + longestLine + 64 })
        if T == 3_000 { #expect(pieces.count > 10) } else { #expect(pieces.count == 1) }
    }
}
