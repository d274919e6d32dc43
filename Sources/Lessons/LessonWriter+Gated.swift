import RNNCore

extension LessonWriter {
    /// The `model:` section of a GRU or LSTM with explicit weights under the cell's names.
    static func model(gated r: GatedRNN) -> [String] {
        func rows(_ m: Matrix) -> String { "[" + m.rowArrays.map(YamlEmitter.numbers).joined(separator: ", ") + "]" }
        let s = r.shape, p = r.params
        var lines = ["model:", "  cell: \(s.cell.rawValue)", "  n_x: \(s.nx)", "  n_a: \(s.na)", "  n_y: \(s.ny)",
                     "  g2: \(s.g2.rawValue)", "  weights:"]
        for (k, gate) in s.cell.gates.enumerated() {
            lines.append("    \(gate.weightName): " + rows(p.W[k]))
            lines.append("    \(gate.biasName): " + YamlEmitter.numbers(p.b[k]))
        }
        lines += ["    Wya: " + rows(p.Wya), "    by: " + YamlEmitter.numbers(p.by)]
        if p.a0.contains(where: { $0 != 0 }) { lines.append("  a0: " + YamlEmitter.numbers(p.a0)) }
        if s.cell == .lstm && p.c0.contains(where: { $0 != 0 }) { lines.append("  c0: " + YamlEmitter.numbers(p.c0)) }
        return lines
    }
}
