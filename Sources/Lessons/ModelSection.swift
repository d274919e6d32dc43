import RNNCore
import Yams

/// The `model:` section: sizes, activations, and weights (seeded or written out).
extension NodeReader {
    static let modelKeys = ["cell", "n_x", "n_a", "n_y", "g1", "g2", "init", "weights", "a0", "c0", "optimizer_state"]

    /// The model's shape alone (sizes and activations), or nil when any of it is wrong.
    func readShape(_ f: Fields) -> Shape? {
        // a gated cell's activations are fixed (σ for the gates, tanh for c̃): no g1
        let gated = readCell(f).map { $0 != .rnn } ?? false
        if gated, let g1 = f["g1"] {
            error("g1 does not apply to a gated cell: its gates use σ and c̃ uses tanh, fixed by the cell; remove g1",
                  at: f.keyNode("g1") ?? g1)
        }
        let size = 1...Limits.maxSize
        let nx = require(f, "n_x", "the size of x<t>").flatMap { int($0, "n_x", in: size) }
        let na = require(f, "n_a", "the size of a<t>").flatMap { int($0, "n_a", in: size) }
        let ny = require(f, "n_y", "the size of ŷ<t>").flatMap { int($0, "n_y", in: size) }
        let g1 = gated ? .tanh : require(f, "g1", "tanh or relu").flatMap { choice($0, "g1", HiddenActivation.self) }
        let g2 = require(f, "g2", "sigmoid or softmax").flatMap { choice($0, "g2", OutputActivation.self) }
        sizes = (nx, na, ny)
        guard let nx, let na, let ny, let g1, let g2 else { return nil }
        return Shape(nx: nx, na: na, ny: ny, g1: g1, g2: g2)
    }

    /// One of an enum's raw values, e.g. g1: tanh.
    func choice<E: RawRepresentable & CaseIterable>(_ node: Node, _ name: String, _: E.Type) -> E? where E.RawValue == String {
        guard let text = string(node, name) else { return nil }
        if let v = E(rawValue: text) { return v }
        let known = E.allCases.map(\.rawValue)
        let hint = Suggestions.closest(to: text, in: known).map { "; did you mean \($0)?" } ?? ""
        let options = known.count == 2 ? known.joined(separator: " or ") : "one of " + known.joined(separator: ", ")
        error("\(name) must be \(options), got \(describe(node))\(hint)", at: node)
        return nil
    }

    /// The whole `model:` section as an RNN; `shape` is filled in whenever the sizes are right,
    /// so the rest of the file can still be checked against them.
    func readModel(_ node: Node, shape: inout Shape?, gated: inout GatedRNN?) -> RNN? {
        guard let f = fields(node, of: "model", known: Self.modelKeys) else { return nil }
        shape = readShape(f)
        let s = shape
        if let cell = f["cell"]?.scalar.flatMap({ GatedCell(rawValue: $0.string) }) {   // (readShape reported a wrong one)
            gated = readGatedModel(f, node, cell: cell, shape: s)
            return gated?.outputLayer
        }
        if let c0 = f["c0"] {
            error("c0 is the LSTM's memory cell c<0>; the rnn cell has none (set cell: lstm, or remove c0)", at: f.keyNode("c0") ?? c0)
        }
        let a0 = f["a0"].map { vector($0, "a0", count: s?.na ?? sizes.na, "n_a\((s?.na ?? sizes.na).map { " = \($0)" } ?? "")") }
        var params: Params?
        switch (f["init"], f["weights"]) {
        case (.some, .some):
            error("init and weights are exclusive: give one of them", at: f.keyNode("weights") ?? node)
        case (.none, .none):
            error("model needs init: {seed: …} or weights: {Waa: …, Wax: …, Wya: …}", at: node)
        case (.some(let initNode), .none):
            if let (seed, scale) = readInit(initNode), let s { params = Params.seeded(s, seed: seed, scale: scale) }
        case (.none, .some(let weightsNode)):
            // weights: {file: w.npz}: arrays saved by numpy (NumpyWeights.swift)
            params = weightsNode.mapping?["file"] != nil ? readWeightsFile(weightsNode, shape: s) : readWeights(weightsNode, shape: s)
        }
        guard let s, var p = params else { return nil }
        if let a0 {
            guard let a0 else { return nil }
            p.a0 = a0
        }
        return RNN(shape: s, params: p)
    }

    /// init: {seed: 7, scale: 0.5}: a seed ≥ 0 and a scale > 0 (default 0.5).
    func readInit(_ node: Node) -> (UInt64, Double)? {
        guard let f = fields(node, of: "init", known: ["seed", "scale"]) else { return nil }
        let seed = require(f, "seed", "a whole number ≥ 0").flatMap { int($0, "seed", in: 0...Int.max) }
        var scale = 0.5
        if let n = f["scale"] {
            guard let v = number(n, "scale") else { return nil }
            guard v > 0 else { error("scale must be greater than 0, got \(CheckEvaluator.format(v))", at: n); return nil }
            scale = v
        }
        return seed.map { (UInt64($0), scale) }
    }

    /// weights: {Waa, Wax, Wya, ba, by}; ba and by default to zeros.
    func readWeights(_ node: Node, shape s: Shape?) -> Params? {
        guard let f = fields(node, of: "weights", known: ["Waa", "Wax", "Wya", "ba", "by"]) else { return nil }
        func n(_ name: String, _ v: Int?) -> String { v.map { "\(name) = \($0)" } ?? name }
        // the sizes that were read, even when another part of the shape is wrong
        let na = s?.na ?? sizes.na, nx = s?.nx ?? sizes.nx, ny = s?.ny ?? sizes.ny
        let waa = require(f, "Waa", "n_a × n_a").flatMap { matrix($0, "Waa", rows: na, cols: na, "n_a × n_a") }
        let wax = require(f, "Wax", "n_a × n_x").flatMap { matrix($0, "Wax", rows: na, cols: nx, "n_a × n_x") }
        let wya = require(f, "Wya", "n_y × n_a").flatMap { matrix($0, "Wya", rows: ny, cols: na, "n_y × n_a") }
        let ba = f["ba"].map { vector($0, "ba", count: na, n("n_a", na)) }
        let by = f["by"].map { vector($0, "by", count: ny, n("n_y", ny)) }
        guard let s, let waa, let wax, let wya else { return nil }
        if case .some(.none) = ba { return nil }
        if case .some(.none) = by { return nil }
        return Params(Waa: Matrix(waa), Wax: Matrix(wax), Wya: Matrix(wya),
                      ba: ba.flatMap { $0 } ?? Array(repeating: 0, count: s.na),
                      by: by.flatMap { $0 } ?? Array(repeating: 0, count: s.ny),
                      a0: Array(repeating: 0, count: s.na))
    }
}
