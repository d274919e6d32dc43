import Numpy
import RNNCore
import Yams

/// `model.optimizer_state`: the optimizer's memory stored with trained weights, so training the
/// lesson again continues the same run (see `OptimizerState`). Checked like the weights: each
/// memory has the weights' shapes, sums of squares are ≥ 0, every number is finite.
///
///     optimizer_state:
///       optimizer: adagrad          # sgd, adagrad or adam
///       steps: 30000                # training steps taken
///       seed: 0                     # seed of the shuffled order of the training texts
///       sums: {Waa: …, Wax: …, Wya: …, ba: …, by: …}      # adagrad: Σg² per weight
///       # adam: m: {…}, v: {…} and updates: k (default: steps)
extension NodeReader {
    static let optimizerStateKeys = ["optimizer", "steps", "seed", "updates", "sums", "m", "v", "file"] + settingsKeys
    static let memoryKeys = ["Waa", "Wax", "Wya", "ba", "by"]

    /// The `optimizer_state` entry of the `model` mapping node, if there is one.
    func readOptimizerState(inModel model: Node, shape: Shape?, cell: GatedCell? = nil) -> OptimizerState? {
        guard case .mapping(let m) = model, let node = m.first(where: { $0.key.scalar?.string == "optimizer_state" })?.value,
              let f = fields(node, of: "optimizer_state", known: Self.optimizerStateKeys) else { return nil }
        let kind = require(f, "optimizer", "sgd, adagrad or adam").flatMap { choice($0, "optimizer", OptimizerKind.self) }
        let steps = require(f, "steps", "the training steps taken").flatMap { int($0, "steps", in: 0...Int.max) }
        let seed = f["seed"].map { int($0, "seed", in: 0...Int.max) } ?? 0
        let updates = f["updates"].map { int($0, "updates", in: 0...Int.max) } ?? steps
        guard let kind else { return nil }
        let wanted: [String] = kind == .sgd ? [] : (kind == .adagrad ? ["sums"] : ["m", "v"])
        for key in ["sums", "m", "v"] where !wanted.contains(key) {
            if let k = f.keyNode(key) {
                let keeps = wanted.isEmpty ? "keeps no memory" : "keeps " + wanted.joined(separator: " and ")
                error("optimizer_state.\(key) does not belong to \(kind.rawValue), which \(keeps); remove it", at: k)
            }
        }
        var memories: [[[Double]]] = []
        if let fileNode = f["file"] {   // the memory as arrays of a .npz (TrainedFiles): sums_Waa …, m_…, v_…
            for key in ["sums", "m", "v"] {
                if let k = f.keyNode(key) { error("optimizer_state has its memory in file:, so \(key) does not belong here; remove one of them", at: k) }
            }
            if !wanted.isEmpty, let (name, arrays) = numpyFile(fileNode, "optimizer_state") {
                for key in wanted {
                    let groups = cell.map { memory(arrays, key, file: name, at: fileNode, gated: $0, shape: shape, nonNegative: key != "m") }
                        ?? memory(arrays, key, file: name, at: fileNode, shape: shape, nonNegative: key != "m")
                    if let groups { memories.append(groups) }
                }
            }
        } else {
            for key in wanted {
                let names = (cell.map(Self.gatedMemoryKeys) ?? Self.memoryKeys).joined(separator: ", ")
                guard let n = require(f, key, "the memory per weight: \(names)") else { continue }
                let groups = cell.map { memory(gated: n, "optimizer_state.\(key)", cell: $0, shape: shape, nonNegative: key != "m") }
                    ?? memory(n, "optimizer_state.\(key)", shape: shape, nonNegative: key != "m")
                if let groups { memories.append(groups) }
            }
        }
        guard let steps, let seed, let updates, memories.count == wanted.count else { return nil }
        return OptimizerState(kind: kind, steps: steps, seed: UInt64(seed), updates: updates,
                              first: memories.first ?? [], second: memories.count > 1 ? memories[1] : [])
    }

    /// One memory {Waa, Wax, Wya, ba, by}, shaped like the weights, as the optimizer's groups
    /// Wa = [Waa | Wax] (row-major), Wya, ba, by.
    func memory(_ node: Node, _ name: String, shape s: Shape?, nonNegative: Bool) -> [[Double]]? {
        guard let f = fields(node, of: name, known: Self.memoryKeys) else { return nil }
        let waa = require(f, "Waa", "n_a × n_a").flatMap { matrix($0, "\(name).Waa", rows: s?.na, cols: s?.na, "n_a × n_a") }
        let wax = require(f, "Wax", "n_a × n_x").flatMap { matrix($0, "\(name).Wax", rows: s?.na, cols: s?.nx, "n_a × n_x") }
        let wya = require(f, "Wya", "n_y × n_a").flatMap { matrix($0, "\(name).Wya", rows: s?.ny, cols: s?.na, "n_y × n_a") }
        let ba = require(f, "ba", "n_a numbers").flatMap { vector($0, "\(name).ba", count: s?.na, "n_a\(s.map { " = \($0.na)" } ?? "")") }
        let by = require(f, "by", "n_y numbers").flatMap { vector($0, "\(name).by", count: s?.ny, "n_y\(s.map { " = \($0.ny)" } ?? "")") }
        guard s != nil, let waa, let wax, let wya, let ba, let by else { return nil }
        if nonNegative {
            let parts = [("Waa", waa.flatMap { $0 }), ("Wax", wax.flatMap { $0 }), ("Wya", wya.flatMap { $0 }), ("ba", ba), ("by", by)]
            let negative = parts.filter { $0.1.contains { $0 < 0 } }
            for (key, _) in negative {
                error("\(name).\(key) holds sums of squares, so every number must be ≥ 0", at: f[key] ?? node)
            }
            if !negative.isEmpty { return nil }
        }
        return [zip(waa, wax).flatMap { $0 + $1 }, wya.flatMap { $0 }, ba, by]
    }
}

extension NodeReader {
    /// One memory from a `.npz`: `KEY_Waa` (n_a, n_a), `KEY_Wax`, `KEY_Wya`, `KEY_ba` (n_a,),
    /// `KEY_by` (n_y,), as the optimizer's groups; errors name the array and its shape.
    func memory(_ arrays: [String: NumpyArray], _ key: String, file: String, at node: Node, shape s: Shape?, nonNegative: Bool) -> [[Double]]? {
        guard let s else { return nil }
        let wanted: [(String, [Int], String)] = [
            ("Waa", [s.na, s.na], "n_a × n_a"), ("Wax", [s.na, s.nx], "n_a × n_x"), ("Wya", [s.ny, s.na], "n_y × n_a"),
            ("ba", [s.na], "n_a"), ("by", [s.ny], "n_y"),
        ]
        var parts: [[Double]] = []
        for (weight, shape, text) in wanted {
            let name = "\(key)_\(weight)"
            guard let a = arrays[name] else {
                error("optimizer_state.file \(file): has no array \(name) (\(text)); it has \(arrays.keys.sorted().joined(separator: ", "))", at: node)
                return nil
            }
            guard a.shape == shape else {
                error("optimizer_state.file \(file): \(name) has shape \(a.shapeText), but it must be \(text) = \(NumpyArray(shape: shape, values: []).shapeText)", at: node)
                return nil
            }
            guard a.values.allSatisfy({ $0.isFinite && (!nonNegative || $0 >= 0) }) else {
                error("optimizer_state.file \(file): \(name) must hold finite numbers\(nonNegative ? " ≥ 0 (sums of squares)" : "")", at: node)
                return nil
            }
            parts.append(a.values)
        }
        let (waa, wax) = (parts[0], parts[1])
        var wa: [Double] = []
        wa.reserveCapacity(s.na * (s.na + s.nx))
        for r in 0..<s.na {
            wa += waa[(r * s.na)..<((r + 1) * s.na)]
            wa += wax[(r * s.nx)..<((r + 1) * s.nx)]
        }
        return [wa, parts[2], parts[3], parts[4]]
    }
}

extension LessonWriter {
    /// The `optimizer_state:` lines (under `model:`), matrices one row per line.
    static func optimizerState(_ state: OptimizerState, shape s: Shape, file: String? = nil) -> [String] {
        var lines = ["  optimizer_state:", "    optimizer: \(state.kind.rawValue)", "    steps: \(state.steps)", "    seed: \(state.seed)"]
        if state.updates != state.steps { lines.append("    updates: \(state.updates)") }
        if let file, state.kind != .sgd {   // the memory is in the weights' .npz: sums_Waa … or m_…, v_…
            lines.append("    file: \(YamlEmitter.quoted(file))")
            return lines
        }
        func memory(_ name: String, _ groups: [[Double]]) {
            let wa = Matrix(rows: s.na, cols: s.na + s.nx, values: groups[0])
            lines.append("    \(name):")
            lines += matrixLines("Waa", wa.columns(0..<s.na), indent: 6)
            lines += matrixLines("Wax", wa.columns(s.na..<(s.na + s.nx)), indent: 6)
            lines += matrixLines("Wya", Matrix(rows: s.ny, cols: s.na, values: groups[1]), indent: 6)
            lines.append("      ba: " + YamlEmitter.numbers(groups[2]))
            lines.append("      by: " + YamlEmitter.numbers(groups[3]))
        }
        switch state.kind {
        case .sgd: break
        case .adagrad: memory("sums", state.first)
        case .adam: memory("m", state.first); memory("v", state.second)
        }
        return lines
    }

    /// `name:` then one `- [row]` line per row, so a diff shows which rows changed.
    static func matrixLines(_ name: String, _ m: Matrix, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return ["\(pad)\(name):"] + m.rowArrays.map { "\(pad)  - " + YamlEmitter.numbers($0) }
    }
}
