/// What-if edits (`--set`, a slide's `set:`, the explorer's nudges) on a GRU or LSTM: entries of
/// its weights Wf…Wc, biases bf…bc, Wya, by, a<0> (and c<0> for the LSTM), and the inputs.
extension NetworkEdits {
    /// The gated cells' settable names (beside `settableNames`' Wya, by, a<0>, x).
    public static func settableNames(_ cell: CellKind) -> [String] {
        switch cell {
        case .rnn: return settableNames
        case .gru: return ["Wu", "Wr", "Wc", "bu", "br", "bc", "Wya", "by", "a<0>", "x"]
        case .lstm: return ["Wf", "Wu", "Wc", "Wo", "bf", "bu", "bc", "bo", "Wya", "by", "a<0>", "c<0>", "x"]
        }
    }

    /// `canonical(_:shape:episode:)` for a network of cell `cell`: a gated cell's W and b by their
    /// own names (every W is n_a × (n_a+n_x)), and no Wa, Waa, Wax or ba (nor c<0> on a GRU, where
    /// c<0> = a<0>); the plain cell as before.
    public static func canonical(_ ref: EntryRef, shape: Shape, episode: Episode, cell: CellKind) -> Result<EntryRef, EntryRefError> {
        guard cell != .rnn else { return canonical(ref, shape: shape, episode: episode) }
        let names = settableNames(cell), na = shape.na, nx = shape.nx
        let isOwn: Bool
        switch ref.symbol {
        case .Wf, .Wu, .Wr, .Wo, .Wc, .bf, .bu, .br, .bo, .bc: isOwn = names.contains(ref.symbol.rawValue)
        case .c0: isOwn = cell == .lstm
        case .Wya, .by, .a0, .x: return canonical(ref, shape: shape, episode: episode)
        default:
            return .failure(.init("'\(ref)' cannot be set on the \(cell.rawValue) cell: set one of \(names.joined(separator: ", "))"))
        }
        guard isOwn else {
            return .failure(.init("'\(ref)' cannot be set on the \(cell.rawValue) cell: set one of \(names.joined(separator: ", "))"))
        }
        guard let i = ref.row else {
            return .failure(.init("'\(ref)' names a whole quantity: set one entry, like \(ref.symbol.label)[0\(ref.symbol.rawValue.hasPrefix("W") ? ",0" : "")]"))
        }
        if ref.symbol.rawValue.hasPrefix("W") {
            guard let j = ref.col else { return .failure(.init("'\(ref)' is a matrix: index it as [i,j]")) }
            guard i < na, j < na + nx else { return .failure(.init("'\(ref)' is out of range (\(ref.symbol.label) is \(na)×\(na + nx))")) }
            return .success(EntryRef(symbol: ref.symbol, row: i, col: j))
        }
        guard ref.col == nil else { return .failure(.init("'\(ref)' is a vector of \(na): index it as [i]")) }
        guard i < na else { return .failure(.init("'\(ref)' is out of range (\(ref.symbol.label) has \(na) entries, indices 0…\(na - 1))")) }
        return .success(EntryRef(symbol: ref.symbol, row: i))
    }
}

extension GatedRNN {
    /// The network with `edits` applied (entries of the gates' W and b, Wya, by, a<0>, c<0>;
    /// g2). A GRU keeps c<0> = a<0>.
    public func applying(_ edits: NetworkEdits) -> GatedRNN {
        var s = shape, p = params
        if let g2 = edits.g2 { s.g2 = g2 }
        for (ref, v) in edits.values {
            let k = ref.symbol.gateLetter.flatMap(Gate.init(rawValue:)).flatMap(p.index)
            switch ref.symbol {
            case .Wf, .Wu, .Wr, .Wo, .Wc: if let k, let i = ref.row, let j = ref.col { p.W[k][i, j] = v }
            case .bf, .bu, .br, .bo, .bc: if let k, let i = ref.row { p.b[k][i] = v }
            case .Wya: if let i = ref.row, let j = ref.col { p.Wya[i, j] = v }
            case .by: if let i = ref.row { p.by[i] = v }
            case .a0: if let i = ref.row { p.a0[i] = v; if s.cell == .gru { p.c0[i] = v } }
            case .c0: if let i = ref.row, s.cell == .lstm { p.c0[i] = v }
            default: break
            }
        }
        return GatedRNN(shape: s, params: p)
    }
}

extension Trace {
    /// The trace of this trace's network and sequence with `edits` applied, for any cell.
    public func edited(_ edits: NetworkEdits) -> Trace {
        guard !edits.isEmpty else { return self }
        if let g = gated { return Trace(gated: g.rnn.applying(edits), episode: episode.applying(edits)) }
        return Trace(rnn: rnn.applying(edits), episode: episode.applying(edits))
    }
}

extension EntryRef {
    /// The gated cells' names for the did-you-mean list of unknown references.
    public static let gatedDocumentedNames = [
        "Γf", "Γu", "Γr", "Γo", "gamma_f", "gamma_u", "gamma_r", "gamma_o", "c̃", "c_tilde", "c",
        "dΓf", "dΓu", "dΓr", "dΓo", "dgamma_f", "dgamma_u", "dgamma_r", "dgamma_o", "dc̃", "dc_tilde",
        "dzf", "dzu", "dzr", "dzo", "dzc", "dc", "dc_next", "dc_prev",
        "Wf", "Wu", "Wr", "Wo", "Wc", "bf", "bu", "br", "bo", "bc",
        "dWf", "dWu", "dWr", "dWo", "dWc", "dbf", "dbu", "dbr", "dbo", "dbc",
        "ΔdWf", "ΔdWu", "ΔdWr", "ΔdWo", "ΔdWc", "Δdbf", "Δdbu", "Δdbr", "Δdbo", "Δdbc",
    ]
}

extension NetworkEdits {
    /// The value of a canonical entry of a gated network (a weight, a bias, a<0>, c<0>) or of an
    /// input x<t>[k], or nil when it has none.
    public static func value(of ref: EntryRef, gated p: GatedParams, episode: Episode) -> Double? {
        guard let i = ref.row else { return nil }
        func entry(_ m: Matrix?) -> Double? {
            guard let m, let j = ref.col, i < m.rows, j < m.cols else { return nil }
            return m[i, j]
        }
        func item(_ v: [Double]?) -> Double? { v.flatMap { $0.indices.contains(i) ? $0[i] : nil } }
        let gate = ref.symbol.gateLetter.flatMap(Gate.init(rawValue:))
        switch ref.symbol {
        case .Wf, .Wu, .Wr, .Wo, .Wc: return entry(gate.flatMap(p.weight))
        case .bf, .bu, .br, .bo, .bc: return item(gate.flatMap(p.bias))
        case .Wya: return entry(p.Wya)
        case .by: return item(p.by)
        case .a0: return item(p.a0)
        case .c0: return item(p.c0)
        case .x: return ref.t.flatMap { t in episode.x.indices.contains(t - 1) ? item(episode.x[t - 1]) : nil }
        default: return nil
        }
    }
}

extension Trace {
    /// ∂L/∂(entry) of a gated network, for the nudge editor's prediction: dW, db, dWya, dby,
    /// da<0>, dc<0>, and for an input x<t>[i] Σ_k Σ_m W_k[m, n_a+i]·dz_k<t>[m].
    func gatedGradient(of ref: EntryRef) -> Double? {
        guard let g = gated, g.hasBackward, let i = ref.row else { return nil }
        switch ref.symbol {
        case .a0: return g.da0?[i]
        case .c0: return g.dc0?[i]
        case .x:
            guard let t = ref.t else { return nil }
            let na = g.shape.na
            var sum = 0.0
            for (k, gate) in g.cell.gates.enumerated() {
                guard let dz = g.vector(Self.dzSymbol(gate), t) else { continue }
                for m in 0..<na { sum += dz[m] * g.rnn.params.W[k][m, na + i] }
            }
            return sum
        default:
            guard let d = Symbol(rawValue: "d" + ref.symbol.rawValue), let m = g.tensor(d, t: nil) else { return nil }
            if let j = ref.col { return i < m.rows && j < m.cols ? m[i, j] : nil }
            return i < m.rows ? m[i, 0] : nil
        }
    }

    static func dzSymbol(_ g: Gate) -> Symbol {
        switch g {
        case .f: return .dzf
        case .u: return .dzu
        case .r: return .dzr
        case .o: return .dzo
        case .c: return .dzc
        }
    }
}
