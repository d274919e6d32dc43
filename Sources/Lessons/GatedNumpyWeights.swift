import Numpy
import RNNCore
import Yams

/// A GRU's or LSTM's weights and optimizer memory in a `.npz` (`weights: {file: NEW.npz}`,
/// `optimizer_state: {…, file: NEW.npz}`), as `unroll train` writes them for a model too large
/// for a lesson file (`TrainedFiles`), and as numpy's `np.savez(**parameters)` of the course
/// notebook writes them.
///
/// Arrays by the lesson format's names: each gate's W (n_a, n_a + n_x) and b (n_a,) or (n_a, 1)
/// (GRU `Wu bu Wr br Wc bc`, LSTM `Wf bf Wu bu Wc bc Wo bo`; the notebook's `Wi`, `bi` for `Wu`,
/// `bu` and `Wy` for `Wya`), `Wya` (n_y, n_a), `by`, and optional `a0` and (LSTM) `c0`. The
/// memory: `sums_Wu` … (Adagrad) or `m_…`, `v_…` (Adam), one per weight and bias.
extension NodeReader {
    /// weights: {file: w.npz} of a gated cell; a0 and c0 from the archive when it has them.
    func readGatedWeightsFile(_ node: Node, shape s: GatedShape?, cell: GatedCell) -> GatedParams? {
        guard let f = fields(node, of: "weights", known: ["file"]), let fileNode = f["file"],
              let (name, arrays) = numpyFile(fileNode, "weights"), let s else { return nil }
        var ok = true
        func fail(_ message: String) { error("weights.file \(name): \(message)", at: fileNode); ok = false }
        /// The array under `key` or its notebook alias (not both).
        func array(_ key: String) -> NumpyArray? {
            let alias = Self.gatedAliases.first { $0.value == key }?.key
            if let alias, let a = arrays[alias] {
                if arrays[key] != nil { fail("has both \(alias) and \(key), the same weight under two names: keep one"); return nil }
                note("weights.file \(name): \(alias) is the course notebook's name for \(key): the same \(alias.hasPrefix("b") ? "bias" : "weight"); the screen and references say \(key)", at: fileNode)
                return a
            }
            return arrays[key]
        }
        func matrix(_ key: String, _ rows: Int, _ cols: Int, _ text: String) -> Matrix? {
            guard let a = array(key) else {
                fail("has no array \(key) (\(text)); it has \(arrays.keys.sorted().joined(separator: ", "))"); return nil
            }
            guard a.shape == [rows, cols] else {
                fail("\(key) has shape \(a.shapeText), but \(key) must be \(text) = (\(rows), \(cols))"); return nil
            }
            guard a.values.allSatisfy(\.isFinite) else { fail("\(key) has a number that is not finite (NaN or ±Inf)"); return nil }
            return Matrix(rows: rows, cols: cols, values: a.values)
        }
        /// (n,) or (n, 1); zeros when absent.
        func vector(_ key: String, _ n: Int, _ text: String) -> [Double]? {
            guard let a = array(key) else { return Array(repeating: 0, count: n) }
            guard a.shape == [n] || a.shape == [n, 1] else {
                fail("\(key) has shape \(a.shapeText), but \(key) must be \(text) = (\(n),) or (\(n), 1)"); return nil
            }
            guard a.values.allSatisfy(\.isFinite) else { fail("\(key) has a number that is not finite (NaN or ±Inf)"); return nil }
            return a.values
        }
        if cell == .gru, arrays["c0"] != nil { fail("has c0, but a gru's memory starts as c<0> = a<0>: remove c0 (give a0)") }
        var W: [Matrix] = [], b: [[Double]] = []
        for gate in cell.gates {
            if let m = matrix(gate.weightName, s.na, s.na + s.nx, "n_a × (n_a+n_x)") { W.append(m) }
            if let v = vector(gate.biasName, s.na, "n_a") { b.append(v) }
        }
        let wya = matrix("Wya", s.ny, s.na, "n_y × n_a")
        let by = vector("by", s.ny, "n_y"), a0 = vector("a0", s.na, "n_a")
        let c0 = cell == .lstm ? vector("c0", s.na, "n_a") : a0
        guard ok, W.count == cell.gates.count, b.count == cell.gates.count, let wya, let by, let a0, let c0 else { return nil }
        return GatedParams(cell: cell, W: W, b: b, Wya: wya, by: by, a0: a0, c0: c0)
    }

    /// One memory of a gated cell from a `.npz` (`KEY_Wu` (n_a, n_a+n_x), `KEY_bu` (n_a,), …,
    /// `KEY_Wya`, `KEY_by`), as the optimizer's groups: each W, each b, Wya, by.
    func memory(_ arrays: [String: NumpyArray], _ key: String, file: String, at node: Node, gated cell: GatedCell,
                shape s: Shape?, nonNegative: Bool) -> [[Double]]? {
        guard let s else { return nil }
        let wide = (shape: [s.na, s.na + s.nx], text: "n_a × (n_a+n_x)")
        let names: [(String, [Int], String)] = cell.gates.map { ($0.weightName, wide.shape, wide.text) }
            + cell.gates.map { ($0.biasName, [s.na], "n_a") } + [("Wya", [s.ny, s.na], "n_y × n_a"), ("by", [s.ny], "n_y")]
        var groups: [[Double]] = []
        for (weight, shape, text) in names {
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
            groups.append(a.values)
        }
        return groups
    }
}

extension LessonWriter {
    /// The arrays of a `.npz` holding a gated cell's trained weights (each W and b by the cell's
    /// names, `Wya`, `by`, `a0`, and `c0` for the LSTM) and the optimizer's memory (`sums_Wu` …
    /// for Adagrad, `m_…` and `v_…` for Adam, in the same order).
    static func numpyArrays(gated r: GatedRNN, state: OptimizerState?) -> [(name: String, array: NumpyArray)] {
        func m(_ x: Matrix) -> NumpyArray { NumpyArray(shape: [x.rows, x.cols], values: x.rowArrays.flatMap { $0 }) }
        func v(_ x: [Double]) -> NumpyArray { NumpyArray(shape: [x.count], values: x) }
        let s = r.shape, p = r.params, gates = s.cell.gates
        var arrays: [(name: String, array: NumpyArray)] = []
        for (k, gate) in gates.enumerated() { arrays += [(gate.weightName, m(p.W[k])), (gate.biasName, v(p.b[k]))] }
        arrays += [("Wya", m(p.Wya)), ("by", v(p.by)), ("a0", v(p.a0))]
        if s.cell == .lstm { arrays.append(("c0", v(p.c0))) }
        guard let state, state.fits(groupSizes: GatedTrainer.groupSizes(p)) else { return arrays }
        func memory(_ prefix: String, _ groups: [[Double]]) {
            let k = gates.count
            for (i, gate) in gates.enumerated() {
                arrays.append(("\(prefix)_\(gate.weightName)", NumpyArray(shape: [s.na, s.na + s.nx], values: groups[i])))
            }
            for (i, gate) in gates.enumerated() { arrays.append(("\(prefix)_\(gate.biasName)", v(groups[k + i]))) }
            arrays += [("\(prefix)_Wya", NumpyArray(shape: [s.ny, s.na], values: groups[2 * k])), ("\(prefix)_by", v(groups[2 * k + 1]))]
        }
        switch state.kind {
        case .sgd: break
        case .adagrad: memory("sums", state.first)
        case .adam: memory("m", state.first); memory("v", state.second)
        }
        return arrays
    }
}

extension TrainedFiles {
    /// Whether a trained GRU or LSTM might not fit in one lesson file of at most 1 MiB (the
    /// bound of `needsNumpy(originalText:shape:memories:)`, for its 3 or 4 weight blocks).
    public static func needsNumpy(originalText: String, gated s: GatedShape, memories: Int) -> Bool {
        let k = s.cell.gates.count
        let numbers = k * (s.na * (s.na + s.nx) + s.na) + s.ny * s.na + s.ny + 2 * s.na
        let rows = k * (s.na + 1) + s.ny + 4
        let bound = originalText.utf8.count + (1 + memories) * (numbers * 26 + rows * 16) + 4096
        return bound > YamlDocument.maxBytes
    }

    /// Writes a gated cell's weights and the optimizer's memory to the temporary archive.
    public func writeNumpy(gated r: GatedRNN, state: OptimizerState?) throws {
        guard let temporary else { return }
        try Npz.write(LessonWriter.numpyArrays(gated: r, state: state), path: temporary)
    }
}
