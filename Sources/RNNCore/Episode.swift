/// One pass of the network over a sequence: which steps have inputs and outputs, the inputs
/// themselves, and the targets (if the lesson gives any).
public struct Episode: Equatable, Sendable {
    public let architecture: Architecture
    public let layout: StepLayout
    /// x<t> for each step (index 0 is t = 1); zeros where the step has no input.
    public let x: [[Double]]
    /// y<t> for each step that has an output and a target; nil elsewhere.
    public let y: [[Double]?]
    /// A display label for each step's input and target (a token such as "h"), where known.
    public var inputLabels: [String?]
    public var targetLabels: [String?]

    public var T: Int { layout.T }
    /// True when any step has a target: then there is a loss and a backward pass.
    public var hasTargets: Bool { y.contains { $0 != nil } }

    /// - Parameters:
    ///   - inputs: the Tx input vectors, in order; placed on the steps that take an input.
    ///   - targets: the Ty target vectors, in order, placed on the steps with an output; or nil.
    ///   - outputs: Ty when there are no targets (how many output steps to run).
    public init(architecture: Architecture, nx: Int, inputs: [[Double]], targets: [[Double]]?,
                outputs: Int? = nil) throws(ArchitectureError) {
        let ty = targets?.count ?? outputs ?? (architecture == .manyToMany ? inputs.count : 1)
        let layout = try architecture.layout(tx: inputs.count, ty: ty).get()
        self.architecture = architecture
        self.layout = layout
        var xs: [[Double]] = []
        var next = inputs.makeIterator()
        for has in layout.hasInput {
            xs.append(has ? (next.next() ?? []) : Array(repeating: 0, count: nx))
        }
        var ys: [[Double]?] = []
        var nextY = targets?.makeIterator()
        for has in layout.hasOutput {
            ys.append(has ? nextY?.next() : nil)
        }
        self.x = xs
        self.y = ys
        self.inputLabels = Array(repeating: nil, count: layout.T)
        self.targetLabels = Array(repeating: nil, count: layout.T)
    }
}
