import Foundation
import Testing
@testable import RNNCore

@Suite struct OptimizerTests {
    /// A 1-unit network and a workspace whose gradients are set by hand.
    func setup(_ g: Double) throws -> (Params, Workspace, Shape) {
        let shape = Shape(nx: 1, na: 1, ny: 1, g1: .tanh, g2: .sigmoid)
        let p = Params(Waa: Matrix([[1]]), Wax: Matrix([[1]]), Wya: Matrix([[1]]), ba: [1], by: [1], a0: [0])
        let episode = try Episode(architecture: .manyToMany, nx: 1, inputs: [[1]], targets: [[1]])
        var ws = Workspace(shape: shape, episode: episode)
        ws.dWa = [g, g]; ws.dWya = [g]; ws.dba = [g]; ws.dby = [g]
        return (p, ws, shape)
    }

    @Test func sgdSubtractsTheScaledGradient() throws {
        var (p, ws, shape) = try setup(2)
        var o = Optimizer(.sgd, learningRate: 0.01, shape: shape)
        o.update(&p, with: ws)
        #expect(p.Wa.values == [1 - 0.02, 1 - 0.02] && p.by == [1 - 0.02])
        _ = ws
    }

    @Test func adagradDividesByTheRootOfTheSumOfSquares() throws {
        var (p, ws, shape) = try setup(2)
        var o = Optimizer(.adagrad, learningRate: 0.1, shape: shape)
        o.update(&p, with: ws)   // m = 4
        #expect(p.ba == [1 - 0.1 * 2 / (4 + 1e-8).squareRoot()])
        ws.dba = [1]
        o.update(&p, with: ws)   // m = 5
        #expect(p.ba == [1 - 0.1 * 2 / (4 + 1e-8).squareRoot() - 0.1 * 1 / (5 + 1e-8).squareRoot()])
    }

    @Test func adamsFirstStepMovesByTheLearningRate() throws {
        var (p, ws, shape) = try setup(-3)
        var o = Optimizer(.adam, learningRate: 0.01, shape: shape)
        o.update(&p, with: ws)
        // m̂ = g, v̂ = g², so the step is α·g/(|g| + ε) ≈ α·sign(g)
        expectClose(p.Wya.values, [1 + 0.01 * 3 / (3 + 1e-8)], rel: 1e-15)
        _ = ws
    }
}
