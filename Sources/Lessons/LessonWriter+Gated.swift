import RNNCore

extension LessonWriter {
    /// The `model:` section of a GRU or LSTM with explicit weights under the cell's names
    /// (matrices one row per line), or with `weights: {file: …}` when `weightsFile` names the
    /// `.npz` that holds them (`TrainedFiles`); then the optimizer state, its memory in that file too.
    static func model(gated r: GatedRNN, state: OptimizerState? = nil, weightsFile: String? = nil) -> [String] {
        let s = r.shape, p = r.params
        var lines = ["model:", "  cell: \(s.cell.rawValue)", "  n_x: \(s.nx)", "  n_a: \(s.na)", "  n_y: \(s.ny)",
                     "  g2: \(s.g2.rawValue)"]
        let fits = state.map { $0.fits(groupSizes: GatedTrainer.groupSizes(p)) } ?? false
        if let weightsFile {   // each W, b, Wya, by, a0, c0 and the memory are arrays in the .npz
            lines.append("  weights: {file: \(YamlEmitter.quoted(weightsFile))}")
            if let state, fits { lines += optimizerState(state, gated: s, file: weightsFile) }
            return lines
        }
        lines.append("  weights:")
        for (k, gate) in s.cell.gates.enumerated() {
            lines += matrixLines(gate.weightName, p.W[k], indent: 4)
            lines.append("    \(gate.biasName): " + YamlEmitter.numbers(p.b[k]))
        }
        lines += matrixLines("Wya", p.Wya, indent: 4) + ["    by: " + YamlEmitter.numbers(p.by)]
        if p.a0.contains(where: { $0 != 0 }) { lines.append("  a0: " + YamlEmitter.numbers(p.a0)) }
        if s.cell == .lstm && p.c0.contains(where: { $0 != 0 }) { lines.append("  c0: " + YamlEmitter.numbers(p.c0)) }
        if let state, fits { lines += optimizerState(state, gated: s) }
        return lines
    }
}
