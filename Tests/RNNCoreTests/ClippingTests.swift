import Testing
@testable import RNNCore

@Suite struct ClippingTests {
    @Test func elementwiseClipsEntriesAboveAndBelowTheBoundAsTheCourseDoes() {
        // The course's clip: np.clip(g, -maxValue, maxValue) on every gradient, maxValue = 5.
        var parts: [[Double]] = [[10, -10, 3, -3], [5, -5, 5.000001, -7.5], [0], [-1e9]]
        let norm = Clipping.elementwise(5).apply(&parts)
        #expect(parts == [[5, -5, 3, -3], [5, -5, 5, -5], [0], [-5]])
        #expect(norm > 1e9)
    }

    @Test func globalNormKeepsTheDirectionAndCapsTheLength() {
        var parts: [[Double]] = [[3], [4]]
        let norm = Clipping.globalNorm(1).apply(&parts)
        #expect(norm == 5)
        expectClose(parts[0] + parts[1], [0.6, 0.8], rel: 1e-15)
        var small: [[Double]] = [[0.3], [0.4]]
        Clipping.globalNorm(1).apply(&small)
        #expect(small == [[0.3], [0.4]])
    }

    @Test func workspaceGradientsAreClippedInPlace() throws {
        let shape = Shape(nx: 2, na: 2, ny: 2, g1: .tanh, g2: .softmax)
        let episode = try Episode(architecture: .manyToMany, nx: 2, inputs: [[1, 0]], targets: [[0, 1]])
        var ws = Workspace(shape: shape, episode: episode)
        ws.dWa = [6, -6, 1, -1, 0, 7, -8, 2]
        ws.dWya = [100, -100, 0.5, -0.5]
        ws.dba = [5, -5]
        ws.dby = [-5.5, 4.9]
        ws.clipGradients(.elementwise(5))
        #expect(ws.dWa == [5, -5, 1, -1, 0, 5, -5, 2])
        #expect(ws.dWya == [5, -5, 0.5, -0.5])
        #expect(ws.dba == [5, -5])
        #expect(ws.dby == [-5, 4.9])
        ws.dWa = [3, 0, 0, 0, 0, 0, 0, 0]; ws.dWya = [4, 0, 0, 0]; ws.dba = [0, 0]; ws.dby = [0, 0]
        #expect(ws.clipGradients(.globalNorm(2.5)) == 5)
        #expect(ws.dWa[0] == 1.5 && ws.dWya[0] == 2)
    }

    @Test func noneLeavesGradientsAlone() {
        var parts: [[Double]] = [[1e6, -1e6]]
        Clipping.none.apply(&parts)
        #expect(parts == [[1e6, -1e6]])
    }
}
