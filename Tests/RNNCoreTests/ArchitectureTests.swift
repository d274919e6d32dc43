import Testing
import RNNCore

@Suite struct ArchitectureTests {
    /// Which steps take an input (I) and give an output (O), written as strings per step.
    static func picture(_ l: StepLayout) -> String {
        zip(l.hasInput, l.hasOutput).map { ($0 ? "I" : "-") + ($1 ? "O" : "-") }.joined(separator: " ")
    }

    @Test(arguments: [
        (Architecture.manyToMany, 3, 3, "IO IO IO"),
        (.manyToMany, 1, 1, "IO"),
        (.manyToOne, 4, 1, "I- I- I- IO"),
        (.manyToOne, 1, 1, "IO"),
        (.oneToMany, 1, 3, "IO -O -O"),
        (.oneToOne, 1, 1, "IO"),
        (.encoderDecoder, 2, 3, "I- I- -O -O -O"),
        (.encoderDecoder, 1, 1, "I- -O"),
    ])
    func layouts(_ arch: Architecture, tx: Int, ty: Int, expected: String) throws {
        let layout = try arch.layout(tx: tx, ty: ty).get()
        #expect(Self.picture(layout) == expected)
        #expect(layout.T == expected.split(separator: " ").count)
    }

    @Test(arguments: [
        (Architecture.manyToMany, 3, 2, "many-to-many needs as many targets as inputs (Tx = Ty), got Tx = 3, Ty = 2"),
        (.manyToMany, 0, 0, "many-to-many needs as many targets as inputs (Tx = Ty), got Tx = 0, Ty = 0"),
        (.manyToOne, 3, 2, "many-to-one needs Tx ≥ 1 inputs and exactly one target, got Tx = 3, Ty = 2"),
        (.manyToOne, 0, 1, "many-to-one needs Tx ≥ 1 inputs and exactly one target, got Tx = 0, Ty = 1"),
        (.oneToMany, 2, 3, "one-to-many needs exactly one input and Ty ≥ 1 outputs, got Tx = 2, Ty = 3"),
        (.oneToMany, 1, 0, "one-to-many needs exactly one input and Ty ≥ 1 outputs, got Tx = 1, Ty = 0"),
        (.oneToOne, 1, 2, "one-to-one needs exactly one input and one target, got Tx = 1, Ty = 2"),
        (.oneToOne, 2, 1, "one-to-one needs exactly one input and one target, got Tx = 2, Ty = 1"),
        (.encoderDecoder, 0, 2, "encoder-decoder needs Tx ≥ 1 inputs and Ty ≥ 1 outputs, got Tx = 0, Ty = 2"),
        (.encoderDecoder, 2, 0, "encoder-decoder needs Tx ≥ 1 inputs and Ty ≥ 1 outputs, got Tx = 2, Ty = 0"),
    ])
    func wrongCounts(_ arch: Architecture, tx: Int, ty: Int, message: String) {
        guard case .failure(let error) = arch.layout(tx: tx, ty: ty) else {
            Issue.record("\(arch) accepted Tx = \(tx), Ty = \(ty)"); return
        }
        #expect(error.message == message)
    }

    /// An episode places inputs on input steps and targets on output steps, in order.
    @Test func episodePlacesInputsAndTargets() throws {
        let e = try Episode(architecture: .encoderDecoder, nx: 2, inputs: [[1, 2], [3, 4]], targets: [[0.5], [0.25], [1]])
        #expect(e.T == 5)
        #expect(e.x == [[1, 2], [3, 4], [0, 0], [0, 0], [0, 0]])
        #expect(e.y == [nil, nil, [0.5], [0.25], [1]])
        #expect(e.hasTargets)
        let m = try Episode(architecture: .manyToOne, nx: 1, inputs: [[1], [2], [3]], targets: [[1]])
        #expect(m.y == [nil, nil, [1]])
        #expect(throws: ArchitectureError.self) {
            try Episode(architecture: .manyToMany, nx: 1, inputs: [[1], [2]], targets: [[1]])
        }
        do {
            _ = try Episode(architecture: .manyToMany, nx: 1, inputs: [[1], [2]], targets: [[1]])
        } catch {
            #expect(error.message == "many-to-many needs as many targets as inputs (Tx = Ty), got Tx = 2, Ty = 1")
        }
    }
}
