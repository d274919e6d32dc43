/// The trace as arrays over time, the shape a numpy notebook holds them in: each per-step
/// quantity is one T × n array (row t−1 is step t), a `null` row (NaN in an .npz) only where
/// a step has no value (`y` without a target, `y_hat` and `zy` without an output, the
/// backward quantities without targets); `loss` is T numbers. Keys are those of the trace
/// JSON (`TraceJSON`); backward rows are in time order 1…T, like the forward ones.
public enum TraceArrays {
    /// The per-step quantities, in order: forward, then backward when the trace has one. A GRU
    /// or LSTM has the keys of its trace JSON (`gamma_u`, `c_tilde`, `c`, `dc`, `dzu` …, no `z`).
    public static func series(_ trace: Trace) -> [(name: String, rows: [[Double]?])] {
        var out: [(String, [[Double]?])] = []
        let steps = Array(1...max(trace.T, 1))
        let forward = trace.gated.map { TraceJSON.gatedForward($0.cell) } ?? [Symbol.x, .aPrev, .z, .a, .zy, .yHat, .y]
        for sym in forward {
            out.append((sym.jsonKey, steps.map { trace.vector(sym, $0) }))
        }
        out.append(("loss", steps.map { trace.loss($0).map { [$0] } }))
        if trace.hasBackward {
            let backward = trace.gated.map { TraceJSON.gatedBackward($0.cell) } ?? [Symbol.dy, .da, .dz, .daPrev, .daNext]
            for sym in backward {
                out.append((sym.jsonKey, steps.map { trace.vector(sym, $0) }))
            }
        }
        return out
    }

    /// The weights (and `a0`, `c0` for the LSTM) by their trace JSON names; a matrix's name
    /// starts with `W`.
    public static func parameters(_ trace: Trace) -> [(name: String, value: Matrix)] {
        if let g = trace.gated {
            let p = g.rnn.params
            var out: [(String, Matrix)] = []
            for (k, gate) in g.cell.gates.enumerated() {
                out += [(gate.weightName, p.W[k]), (gate.biasName, Matrix(column: p.b[k]))]
            }
            out += [("Wya", p.Wya), ("by", Matrix(column: p.by)), ("a0", Matrix(column: p.a0))]
            if g.cell == .lstm { out.append(("c0", Matrix(column: p.c0))) }
            return out
        }
        let p = trace.rnn.params
        return [("Waa", p.Waa), ("Wax", p.Wax), ("Wya", p.Wya),
                ("ba", Matrix(column: p.ba)), ("by", Matrix(column: p.by)), ("a0", Matrix(column: p.a0))]
    }

    /// The gradients (`d` + each weight name, `da0`, and `dc0` for the LSTM), or nil without
    /// targets; a matrix's name starts with `dW`.
    public static func gradients(_ trace: Trace) -> [(name: String, value: Matrix)]? {
        if let g = trace.gated {
            guard let grads = g.gradients, let da0 = g.da0, let dc0 = g.dc0 else { return nil }
            var out: [(String, Matrix)] = []
            for (k, gate) in g.cell.gates.enumerated() {
                out += [("d" + gate.weightName, grads.dW[k]), ("d" + gate.biasName, Matrix(column: grads.db[k]))]
            }
            out += [("dWya", grads.dWya), ("dby", Matrix(column: grads.dby)), ("da0", Matrix(column: da0))]
            if g.cell == .lstm { out.append(("dc0", Matrix(column: dc0))) }
            return out
        }
        guard let g = trace.gradients, let da0 = trace.da0 else { return nil }
        return [("dWaa", g.dWaa), ("dWax", g.dWax), ("dWya", g.dWya),
                ("dba", Matrix(column: g.dba)), ("dby", Matrix(column: g.dby)), ("da0", Matrix(column: da0))]
    }

    /// `{"cell": "rnn" | "gru" | "lstm", "n_x": …, "T": …, "vocab": […] | null, "labels": […], "target_labels": […], "x": [[…], …], …,
    /// "loss": [0.69, null, …], "L": 2.1, "params": {…}, "grads": {…} | null}` streamed to `sink`.
    public static func writeJSON(_ trace: Trace, vocab: [String]?, to sink: @escaping (String) -> Void) {
        var out = JSONWriter(sink: sink)
        let s = trace.shape
        out.open("{")
        out.key("cell"); out.string(trace.cell.rawValue)
        out.key("n_x"); out.int(s.nx)
        out.key("n_a"); out.int(s.na)
        out.key("n_y"); out.int(s.ny)
        out.key("T"); out.int(trace.T)
        out.key("vocab"); out.raw(vocab.map { "[" + $0.map(quoted).joined(separator: ", ") + "]" } ?? "null")
        out.key("labels"); out.raw("[" + trace.episode.inputLabels.map { $0.map(quoted) ?? "null" }.joined(separator: ", ") + "]")
        out.key("target_labels"); out.raw("[" + trace.episode.targetLabels.map { $0.map(quoted) ?? "null" }.joined(separator: ", ") + "]")
        for (name, rows) in series(trace) {
            out.key(name)
            out.open("[")
            for row in rows {
                out.element()
                if name == "loss" { out.number(row?.first) } else { out.vector(row) }
            }
            out.close("]")
        }
        out.key("L"); out.number(trace.totalLoss)
        out.key("params"); out.open("{")
        for (name, m) in parameters(trace) { out.key(name); name.hasPrefix("W") ? out.matrix(m) : out.vector(m.values) }
        out.close("}")
        out.key("grads")
        if let grads = gradients(trace) {
            out.open("{")
            for (name, m) in grads { out.key(name); name.hasPrefix("dW") ? out.matrix(m) : out.vector(m.values) }
            out.close("}")
        } else {
            out.raw("null")
        }
        out.close("}")
        out.raw("\n")
        out.flush()
    }

    /// A JSON string literal, escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if u.value < 0x20 { out += "\\u00" + (u.value < 16 ? "0" : "") + String(u.value, radix: 16) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
