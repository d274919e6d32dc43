/// The timeline's labels of each step in one language: `labels` for the inputs and
/// `target_labels` for the outputs, nil where the lesson gives none (indexed by t − 1).
public struct StepLabels: Equatable, Sendable {
    public var inputs: [String?]
    public var targets: [String?]
    public init(inputs: [String?], targets: [String?]) { self.inputs = inputs; self.targets = targets }
}
