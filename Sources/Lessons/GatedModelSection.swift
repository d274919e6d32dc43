import RNNCore
import Yams

/// The `model:` section of a gated cell (`cell: gru | lstm`): weights by the cell's names, or
/// `init: {seed, scale, forget_bias}`; `a0`, and `c0` for the LSTM.
extension NodeReader {
    /// The course notebook's names accepted for ours: Wi, bi (the update gate, "input" gate in
    /// the notebook) are Wu, bu; Wy is Wya.
    static let gatedAliases = ["Wi": "Wu", "bi": "bu", "Wy": "Wya"]

    /// The cell named by `cell:` (rnn when absent), or nil when it is not one of rnn, gru, lstm.
    func readCell(_ f: Fields) -> CellKind? {
        guard let node = f["cell"] else { return .rnn }
        return choice(node, "cell", CellKind.self)
    }

    /// The gated model; nil when any of it is wrong (each problem reported at its place).
    func readGatedModel(_ f: Fields, _ node: Node, cell: GatedCell, shape: Shape?) -> GatedRNN? {
        let s = shape.map { GatedShape(cell: cell, nx: $0.nx, na: $0.na, ny: $0.ny, g2: $0.g2) }
        let naText = "n_a\(s.map { " = \($0.na)" } ?? "")"
        let a0 = f["a0"].map { vector($0, "a0", count: s?.na, naText) }
        var c0: [Double]?? = nil
        if let c0Node = f["c0"] {
            if cell == .gru {
                error("c0 does not apply to a gru: its memory starts as c<0> = a<0>, so give a0 only", at: f.keyNode("c0") ?? c0Node)
                return nil
            }
            c0 = .some(vector(c0Node, "c0", count: s?.na, naText))
        }
        var params: GatedParams?
        switch (f["init"], f["weights"]) {
        case (.some, .some):
            error("init and weights are exclusive: give one of them", at: f.keyNode("weights") ?? node)
        case (.none, .none):
            let names = cell.gates.map(\.weightName).joined(separator: ", ")
            error("model needs init: {seed: …} or weights: {\(names), Wya, …}", at: node)
        case (.some(let initNode), .none):
            if let (seed, scale, forgetBias) = readGatedInit(initNode, cell: cell), let s {
                params = GatedParams.seeded(s, seed: seed, scale: scale, forgetBias: forgetBias)
            }
        case (.none, .some(let weightsNode)):
            // weights: {file: w.npz}: the arrays of unroll train or numpy (GatedNumpyWeights.swift)
            params = weightsNode.mapping?["file"] != nil ? readGatedWeightsFile(weightsNode, shape: s, cell: cell)
                : readGatedWeights(weightsNode, shape: s, cell: cell)
        }
        guard let s, var p = params else { return nil }
        if let a0 { guard let a0 else { return nil }; p.a0 = a0; if cell == .gru { p.c0 = a0 } }
        if let c0 { guard let c0 else { return nil }; p.c0 = c0 }
        return GatedRNN(shape: s, params: p)
    }

    /// init: {seed: 7, scale: 0.5, forget_bias: 1}: seed ≥ 0, scale > 0 (default 0.5), and for
    /// the LSTM the forget gate's bias bf (default 0).
    func readGatedInit(_ node: Node, cell: GatedCell) -> (UInt64, Double, Double)? {
        guard let f = fields(node, of: "init", known: ["seed", "scale", "forget_bias"]) else { return nil }
        let seed = require(f, "seed", "a whole number ≥ 0").flatMap { int($0, "seed", in: 0...Int.max) }
        var scale = 0.5, forgetBias = 0.0
        if let n = f["scale"] {
            guard let v = number(n, "scale") else { return nil }
            guard v > 0 else { error("scale must be greater than 0, got \(CheckEvaluator.format(v))", at: n); return nil }
            scale = v
        }
        if let n = f["forget_bias"] {
            guard cell == .lstm else {
                error("forget_bias sets bf, the LSTM's forget-gate bias; a gru has no forget gate", at: f.keyNode("forget_bias") ?? n)
                return nil
            }
            guard let v = number(n, "forget_bias") else { return nil }
            forgetBias = v
        }
        return seed.map { (UInt64($0), scale, forgetBias) }
    }

    /// weights: GRU {Wu, bu, Wr, br, Wc, bc, Wya, by}; LSTM {Wf, bf, Wu, bu, Wc, bc, Wo, bo, Wya, by};
    /// every W n_a × (n_a+n_x) (first n_a columns for a<t-1>), biases default to zeros.
    func readGatedWeights(_ weightsNode: Node, shape s: GatedShape?, cell: GatedCell) -> GatedParams? {
        let names = cell.gates.flatMap { [$0.weightName, $0.biasName] } + ["Wya", "by"]
        let aliases = Self.gatedAliases.filter { names.contains($0.value) }
        guard let f = fields(weightsNode, of: "weights", known: names + aliases.keys.sorted()) else { return nil }
        /// The node for `name`, under its own name or its alias (not both).
        func node(_ name: String) -> Node? {
            let alias = aliases.first { $0.value == name }?.key
            if let alias, let a = f[alias] {
                if f[name] != nil {
                    error("\(alias) is the course notebook's name for \(name): give one of them", at: f.keyNode(alias) ?? a)
                    return nil
                }
                let what = alias.hasPrefix("b") ? "bias" : "weight"
                let why = alias == "Wy" ? "" : " (the notebook calls the update gate Γu the input gate)"
                note("\(alias) is the course notebook's name for \(name): the same \(what)\(why); the screen and references say \(name)",
                     at: f.keyNode(alias) ?? a)
                return a
            }
            return f[name]
        }
        let wide = "n_a × (n_a+n_x)"
        var ok = true
        var W: [Matrix] = [], b: [[Double]] = []
        for gate in cell.gates {
            let w = node(gate.weightName)
            if w == nil { _ = require(f, gate.weightName, wide) }
            let m = w.flatMap { matrix($0, gate.weightName, rows: s?.na, cols: s.map { $0.na + $0.nx }, wide) }
            let v = node(gate.biasName).map { vector($0, gate.biasName, count: s?.na, "n_a\(s.map { " = \($0.na)" } ?? "")") }
            if m == nil { ok = false }
            if case .some(.none) = v { ok = false }
            W.append(m.map { Matrix($0) } ?? Matrix(rows: 0, cols: 0))
            b.append(v.flatMap { $0 } ?? Array(repeating: 0, count: s?.na ?? 0))
        }
        let wyaNode = node("Wya")
        if wyaNode == nil { _ = require(f, "Wya", "n_y × n_a") }
        let wya = wyaNode.flatMap { matrix($0, "Wya", rows: s?.ny, cols: s?.na, "n_y × n_a") }
        let by = node("by").map { vector($0, "by", count: s?.ny, "n_y\(s.map { " = \($0.ny)" } ?? "")") }
        if case .some(.none) = by { ok = false }
        guard ok, let s, let wya else { return nil }
        return GatedParams(cell: cell, W: W, b: b, Wya: Matrix(wya), by: by.flatMap { $0 } ?? Array(repeating: 0, count: s.ny),
                           a0: Array(repeating: 0, count: s.na))
    }
}
