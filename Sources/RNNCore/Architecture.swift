/// Which time steps of an unrolled RNN have an input `x<t>` and which an output `ŷ<t>`.
public enum Architecture: String, CaseIterable, Sendable {
    case manyToMany = "many-to-many"
    case manyToOne = "many-to-one"
    case oneToMany = "one-to-many"
    case oneToOne = "one-to-one"
    case encoderDecoder = "encoder-decoder"

    /// The steps for `tx` inputs and `ty` outputs, or a message saying what the counts must be.
    ///
    /// - many-to-many: Tx = Ty = T; input and output at every step.
    /// - many-to-one: T = Tx; inputs at every step; one output, at t = T.
    /// - one-to-many: one input (t = 1); T = Ty; outputs at every step.
    /// - one-to-one: T = 1.
    /// - encoder-decoder: T = Tx + Ty; inputs at t = 1…Tx, outputs at t = Tx+1…Tx+Ty.
    public func layout(tx: Int, ty: Int) -> Result<StepLayout, ArchitectureError> {
        switch self {
        case .manyToMany:
            guard tx >= 1, tx == ty else { return .failure(.init("many-to-many needs as many targets as inputs (Tx = Ty), got Tx = \(tx), Ty = \(ty)")) }
            return .success(StepLayout(hasInput: Array(repeating: true, count: tx), hasOutput: Array(repeating: true, count: tx)))
        case .manyToOne:
            guard tx >= 1, ty == 1 else { return .failure(.init("many-to-one needs Tx ≥ 1 inputs and exactly one target, got Tx = \(tx), Ty = \(ty)")) }
            return .success(StepLayout(hasInput: Array(repeating: true, count: tx), hasOutput: (0..<tx).map { $0 == tx - 1 }))
        case .oneToMany:
            guard tx == 1, ty >= 1 else { return .failure(.init("one-to-many needs exactly one input and Ty ≥ 1 outputs, got Tx = \(tx), Ty = \(ty)")) }
            return .success(StepLayout(hasInput: (0..<ty).map { $0 == 0 }, hasOutput: Array(repeating: true, count: ty)))
        case .oneToOne:
            guard tx == 1, ty == 1 else { return .failure(.init("one-to-one needs exactly one input and one target, got Tx = \(tx), Ty = \(ty)")) }
            return .success(StepLayout(hasInput: [true], hasOutput: [true]))
        case .encoderDecoder:
            guard tx >= 1, ty >= 1 else { return .failure(.init("encoder-decoder needs Tx ≥ 1 inputs and Ty ≥ 1 outputs, got Tx = \(tx), Ty = \(ty)")) }
            return .success(StepLayout(hasInput: (0..<(tx + ty)).map { $0 < tx }, hasOutput: (0..<(tx + ty)).map { $0 >= tx }))
        }
    }
}

public struct ArchitectureError: Error, Equatable, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}

/// Per time step (index 0 is t = 1): does the step take an input, does it produce an output.
public struct StepLayout: Equatable, Sendable {
    public let hasInput: [Bool]
    public let hasOutput: [Bool]
    public var T: Int { hasInput.count }
    public init(hasInput: [Bool], hasOutput: [Bool]) {
        precondition(hasInput.count == hasOutput.count)
        self.hasInput = hasInput
        self.hasOutput = hasOutput
    }
}
