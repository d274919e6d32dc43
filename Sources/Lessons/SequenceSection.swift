import RNNCore
import Yams

/// The `sequence:` section: input vectors (or text over a vocabulary), optional targets,
/// step labels, and the number of output steps when there are no targets.
extension NodeReader {
    static let sequenceKeys = ["x", "y", "labels", "target_labels", "vocab", "text", "texts", "length"]

    struct SequenceData {
        var inputs: [[Double]] = []
        var targets: [[Double]]?
        var inputLabels: [LocalizedText]?
        var targetLabels: [LocalizedText]?
        var vocab: [Character]?
        var texts: TrainingTexts?
    }

    /// The whole `sequence:` section as an episode (nil when the model or the sequence is wrong;
    /// every problem found is reported either way).
    func readSequence(_ node: Node, shape: Shape?, architecture: Architecture?) -> (Episode, [Character]?, TrainingTexts?, StepLabels?)? {
        guard let f = fields(node, of: "sequence", known: Self.sequenceKeys) else { return nil }
        var data: SequenceData?
        if f["text"] != nil || f["vocab"] != nil || f["texts"] != nil {
            for key in ["x", "y"] where f[key] != nil {
                error(key == "x" ? "x and text are exclusive: x<t> comes from text (one-hot of each character)"
                                 : "y and text are exclusive: y<t> comes from text (one-hot of the next character)",
                      at: f.keyNode(key) ?? node)
            }
            data = readText(f, shape: shape, architecture: architecture)
            if let t = f["texts"] {
                let texts = readTexts(t, codec: data?.vocab.flatMap(CharacterCodec.init(vocab:)), architecture: architecture)
                if texts == nil { data = nil }
                data?.texts = texts
            }
        } else {
            data = readVectors(f, shape: shape)
        }
        let length = f["length"].flatMap { int($0, "length", in: 1...Limits.maxSteps) }
        if f["length"] != nil && length == nil { return nil }
        guard var data, let architecture else { return nil }
        if let l = f["labels"] { data.inputLabels = labels(l, "labels", count: data.inputs.count, "input step") }
        if let l = f["target_labels"] {
            let count = data.targets?.count ?? length
            data.targetLabels = labels(l, "target_labels", count: count, "output step")
        }
        if data.targets == nil && length == nil && (architecture == .oneToMany || architecture == .encoderDecoder) {
            error("\(architecture.rawValue) without y needs length (how many output steps to run)", at: node)
            return nil
        }
        if let length, let targets = data.targets, targets.count != length {
            error("length is \(length) but y has \(targets.count) targets; remove length or make them agree", at: f["length"] ?? node)
            return nil
        }
        let ty = data.targets?.count ?? length ?? (architecture == .manyToMany ? data.inputs.count : 1)
        let steps = architecture == .encoderDecoder ? data.inputs.count + ty : max(data.inputs.count, ty)
        if steps > Limits.maxSteps {
            error("the sequence has \(steps) steps; a lesson may have at most \(Limits.maxSteps)", at: node)
            return nil
        }
        do {
            var episode = try Episode(architecture: architecture, nx: shape?.nx ?? 0, inputs: data.inputs,
                                      targets: data.targets, outputs: length)
            place(data.inputLabels?.map(\.en), on: episode.layout.hasInput, into: &episode.inputLabels)
            place(data.targetLabels?.map(\.en), on: episode.layout.hasOutput, into: &episode.targetLabels)
            var zh: StepLabels?
            if (data.inputLabels ?? []).contains(where: { $0.zh != nil }) || (data.targetLabels ?? []).contains(where: { $0.zh != nil }) {
                var labels = StepLabels(inputs: episode.inputLabels, targets: episode.targetLabels)
                place(data.inputLabels?.map { $0.text(.zh) }, on: episode.layout.hasInput, into: &labels.inputs)
                place(data.targetLabels?.map { $0.text(.zh) }, on: episode.layout.hasOutput, into: &labels.targets)
                zh = labels
            }
            return (episode, data.vocab, data.texts, zh)
        } catch {
            let at = f["y"] ?? f["text"] ?? f["x"] ?? node
            self.error("architecture: \(error.message)", at: at)
            return nil
        }
    }

    private func place(_ labels: [String]?, on steps: [Bool], into slots: inout [String?]) {
        guard let labels else { return }
        var next = labels.makeIterator()
        for (t, has) in steps.enumerated() where has { slots[t] = next.next() }
    }

    /// Step labels: one short text per step (`"Harry"` or `{en: name, zh: 名字}`), sanitised for the screen.
    private func labels(_ node: Node, _ name: String, count: Int?, _ what: String) -> [LocalizedText]? {
        guard let items = list(node, name) else { return nil }
        if let count, items.count != count {
            error("\(name) must have one label per \(what) (\(count)), got \(items.count)", at: node); return nil
        }
        let texts = items.enumerated().map { localized($1, "\(name)[\($0)]").map {
            LocalizedText(en: Sanitizer.screenLine($0.en), zh: $0.zh.map(Sanitizer.screenLine))
        } }
        return texts.contains { $0 == nil } ? nil : texts.compactMap { $0 }
    }

    /// x (one vector per input step) and optional y (one target per output step).
    private func readVectors(_ f: Fields, shape: Shape?) -> SequenceData? {
        guard let xNode = require(f, "x", "one list of n_x numbers per input step, or text and vocab") else { return nil }
        let inputs: [[Double]?]
        if xNode.mapping != nil {
            // x: {file: w.npz, example: j}: the inputs saved by numpy (NumpyWeights.swift)
            guard let fromFile = readInputsFile(xNode, shape: shape) else { return nil }
            inputs = fromFile
        } else {
            guard let rows = list(xNode, "x") else { return nil }
            if rows.isEmpty { error("x must have at least one step", at: xNode); return nil }
            if rows.count > Limits.maxSteps {
                error("x has \(rows.count) steps; a lesson may have at most \(Limits.maxSteps)", at: xNode); return nil
            }
            let nx = shape?.nx ?? sizes.nx   // checked even when another part of the model is wrong
            let nxText = nx.map { "n_x = \($0)" } ?? "n_x"
            inputs = rows.enumerated().map { vector($1, "x[\($0)]", count: nx, nxText) }
        }
        var data = SequenceData(inputs: inputs.compactMap { $0 })
        var ok = data.inputs.count == inputs.count
        if let yNode = f["y"] {
            if let items = list(yNode, "y"), let shape {
                if items.count > Limits.maxSteps {
                    error("y has \(items.count) steps; a lesson may have at most \(Limits.maxSteps)", at: yNode); return nil
                }
                let targets = items.enumerated().map { target($1, "y[\($0)]", shape: shape) }
                ok = ok && !targets.contains { $0 == nil }
                data.targets = targets.compactMap { $0 }
            } else {
                ok = false
            }
        }
        return ok && shape != nil ? data : nil
    }

    /// One target: a class index (softmax), a single number in [0, 1] (sigmoid, n_y = 1),
    /// or a vector of n_y numbers (in [0, 1] for sigmoid; a distribution summing to 1 for softmax).
    private func target(_ node: Node, _ name: String, shape: Shape) -> [Double]? {
        if case .scalar = node {
            switch shape.g2 {
            case .softmax:
                guard let k = int(node, "\(name) (a class index for softmax)", in: 0...(shape.ny - 1)) else { return nil }
                return (0..<shape.ny).map { $0 == k ? 1 : 0 }
            case .sigmoid:
                guard shape.ny == 1 else {
                    error("\(name) must be a list of n_y = \(shape.ny) numbers in [0, 1] (sigmoid), got \(describe(node))", at: node)
                    return nil
                }
                guard let v = number(node, name) else { return nil }
                return inUnit(v, node, name) ? [v] : nil
            }
        }
        guard let v = vector(node, name, count: shape.ny, "n_y = \(shape.ny)") else { return nil }
        switch shape.g2 {
        case .sigmoid:
            for (i, e) in v.enumerated() where !(0...1).contains(e) {
                error("\(name)[\(i)] must be in [0, 1] for sigmoid, got \(CheckEvaluator.format(e))", at: list(node, name)?[i] ?? node); return nil
            }
        case .softmax:
            let sum = v.reduce(0, +)
            if v.contains(where: { $0 < 0 }) || abs(sum - 1) > 1e-6 {
                error("\(name) must be a distribution for softmax (numbers ≥ 0 that sum to 1), got sum \(CheckEvaluator.format(sum)); or write a class index", at: node)
                return nil
            }
        }
        return v
    }

    private func inUnit(_ v: Double, _ node: Node, _ name: String) -> Bool {
        guard (0...1).contains(v) else { error("\(name) must be in [0, 1] for sigmoid, got \(CheckEvaluator.format(v))", at: node); return false }
        return true
    }
}
