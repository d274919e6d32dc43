import RNNCore
import Yams

/// `model.optimizer_state` of a GRU or LSTM: the same keys as the plain cell's, with each memory
/// keyed by the cell's weights (GRU `Wu, bu, Wr, br, Wc, bc, Wya, by`; LSTM `Wf, bf, Wu, bu, Wc,
/// bc, Wo, bo, Wya, by`), in the optimizer's group order: each W of `cell.gates`, each b, Wya, by.
extension NodeReader {
    /// The names a gated cell's memory is keyed by, in the file's order.
    static func gatedMemoryKeys(_ cell: GatedCell) -> [String] {
        cell.gates.flatMap { [$0.weightName, $0.biasName] } + ["Wya", "by"]
    }

    /// One memory of a gated cell, shaped like its weights, as the optimizer's groups.
    func memory(gated node: Node, _ name: String, cell: GatedCell, shape s: Shape?, nonNegative: Bool) -> [[Double]]? {
        guard let f = fields(node, of: name, known: Self.gatedMemoryKeys(cell)) else { return nil }
        let wide = s.map { "n_a × (n_a+n_x) (\($0.na) × \($0.na + $0.nx))" } ?? "n_a × (n_a+n_x)"
        var weights: [[[Double]]?] = [], biases: [[Double]?] = []
        for gate in cell.gates {
            weights.append(require(f, gate.weightName, wide).flatMap {
                matrix($0, "\(name).\(gate.weightName)", rows: s?.na, cols: s.map { $0.na + $0.nx }, wide) })
            biases.append(require(f, gate.biasName, "n_a numbers").flatMap {
                vector($0, "\(name).\(gate.biasName)", count: s?.na, "n_a\(s.map { " = \($0.na)" } ?? "")") })
        }
        let wya = require(f, "Wya", "n_y × n_a").flatMap { matrix($0, "\(name).Wya", rows: s?.ny, cols: s?.na, "n_y × n_a") }
        let by = require(f, "by", "n_y numbers").flatMap { vector($0, "\(name).by", count: s?.ny, "n_y\(s.map { " = \($0.ny)" } ?? "")") }
        guard s != nil, let wya, let by else { return nil }
        let W = weights.compactMap { $0 }, b = biases.compactMap { $0 }
        guard W.count == cell.gates.count, b.count == cell.gates.count else { return nil }
        let groups = W.map { $0.flatMap { $0 } } + b + [wya.flatMap { $0 }, by]
        if nonNegative {
            let keys = Self.gatedMemoryKeys(cell)
            let order = cell.gates.map(\.weightName) + cell.gates.map(\.biasName) + ["Wya", "by"]
            let negative = zip(order, groups).filter { $0.1.contains { $0 < 0 } }.map(\.0)
            for key in keys where negative.contains(key) {
                error("\(name).\(key) holds sums of squares, so every number must be ≥ 0", at: f[key] ?? node)
            }
            if !negative.isEmpty { return nil }
        }
        return groups
    }
}

extension LessonWriter {
    /// The `optimizer_state:` lines of a GRU or LSTM (under `model:`), matrices one row per line.
    /// `file`: the memory is in the weights' .npz (`sums_Wu` … or `m_…`, `v_…`).
    static func optimizerState(_ state: OptimizerState, gated s: GatedShape, file: String? = nil) -> [String] {
        var lines = ["  optimizer_state:", "    optimizer: \(state.kind.rawValue)", "    steps: \(state.steps)", "    seed: \(state.seed)"]
        if state.updates != state.steps { lines.append("    updates: \(state.updates)") }
        if let file, state.kind != .sgd {
            lines.append("    file: \(YamlEmitter.quoted(file))")
            return lines
        }
        let k = s.cell.gates.count
        func memory(_ name: String, _ groups: [[Double]]) {
            guard groups.count == 2 * k + 2 else { return }
            lines.append("    \(name):")
            for (i, gate) in s.cell.gates.enumerated() {
                lines += matrixLines(gate.weightName, Matrix(rows: s.na, cols: s.na + s.nx, values: groups[i]), indent: 6)
                lines.append("      \(gate.biasName): " + YamlEmitter.numbers(groups[k + i]))
            }
            lines += matrixLines("Wya", Matrix(rows: s.ny, cols: s.na, values: groups[2 * k]), indent: 6)
            lines.append("      by: " + YamlEmitter.numbers(groups[2 * k + 1]))
        }
        switch state.kind {
        case .sgd: break
        case .adagrad: memory("sums", state.first)
        case .adam: memory("m", state.first); memory("v", state.second)
        }
        return lines
    }
}
