import Testing
@testable import RNNCore

/// Huge weights overflow; the numbers become ±∞ or NaN and the pass carries them to the end
/// (the screen shows them) without trapping.
@Suite struct NonFiniteTests {
    @Test(arguments: [HiddenActivation.relu, .tanh], [OutputActivation.sigmoid, .softmax])
    func hugeWeightsCarryNonFiniteNumbers(_ g1: HiddenActivation, _ g2: OutputActivation) throws {
        let shape = Shape(nx: 2, na: 3, ny: 2, g1: g1, g2: g2)
        let big = 1e308
        let params = Params(Waa: Matrix(rows: 3, cols: 3, repeating: big), Wax: Matrix(rows: 3, cols: 2, repeating: big),
                            Wya: Matrix([[big, -big, big], [-big, big, big]]), ba: [0, 0, 0], by: [0, 0], a0: [1, 1, 1])
        let targets: [[Double]] = g2 == .softmax ? [[1, 0], [0, 1], [1, 0], [0, 1]] : [[1, 0], [0, 1], [0.5, 0.5], [1, 1]]
        let episode = try Episode(architecture: .manyToMany, nx: 2, inputs: Array(repeating: [1, 1], count: 4), targets: targets)
        let trace = Trace(rnn: RNN(shape: shape, params: params), episode: episode)
        #expect(trace.hasBackward)
        let values = trace.workspace.z + trace.workspace.zy + trace.workspace.loss + trace.workspace.dWa + trace.workspace.dWya
        #expect(values.contains { !$0.isFinite }, "expected overflow somewhere")
        // z<1> = Waa a<0> + Wax x<1> = 3e308 + 2e308 = ∞ in every unit
        #expect(trace.vector(.z, 1)!.allSatisfy { $0 == .infinity })
        if g1 == .relu {
            // a<1> = ∞, so the logits are ∞ − ∞ = NaN or ±∞ and so is the loss
            #expect(trace.totalLoss.map { !$0.isFinite } == true)
        } else {
            #expect(trace.vector(.a, 1) == [1, 1, 1])   // tanh saturates
        }
        // every quantity can still be asked for, and the check reports instead of trapping
        for t in 1...trace.T {
            for symbol in Symbol.allCases where symbol.isPerStep { _ = trace.tensor(symbol, t: t) }
            _ = trace.gradientsSoFar(t)
        }
        _ = try #require(trace.gradients)
        let L = try EntryRef.parse("L").flatMap { trace.number($0) }.get()
        #expect(L == trace.totalLoss || (L.isNaN && trace.totalLoss!.isNaN))
        let check = try #require(GradientCheck(trace: trace))
        #expect(check.reports.count == 7)   // it ran to the end
    }

    @Test func nanInputPropagates() throws {
        let shape = Shape(nx: 1, na: 2, ny: 1, g1: .relu, g2: .sigmoid)
        let rnn = RNN(shape: shape, params: .seeded(shape, seed: 1, scale: 1))
        let episode = try Episode(architecture: .manyToMany, nx: 1, inputs: [[.nan], [1]], targets: [[1], [0]])
        let trace = Trace(rnn: rnn, episode: episode)
        #expect(trace.vector(.z, 1)!.allSatisfy { $0.isNaN })
        #expect(trace.vector(.a, 1)!.allSatisfy { $0.isNaN })   // ReLU keeps NaN rather than hiding it as 0
        #expect(trace.totalLoss!.isNaN)
        #expect(trace.gradients!.allValues.contains { $0.isNaN })
    }
}
