/// The trace as arrays over time, the shape a numpy notebook holds them in: each per-step
/// quantity is one T × n array (row t−1 is step t), a `null` row (NaN in an .npz) only where
/// a step has no value (`y` without a target, `y_hat` and `zy` without an output, the
/// backward quantities without targets); `loss` is T numbers. Keys are those of the trace
/// JSON (`TraceJSON`); backward rows are in time order 1…T, like the forward ones.
public enum TraceArrays {
    /// The per-step quantities, in order: forward, then backward when the trace has one.
    public static func series(_ trace: Trace) -> [(name: String, rows: [[Double]?])] {
        var out: [(String, [[Double]?])] = []
        let steps = Array(1...max(trace.T, 1))
        for sym in [Symbol.x, .aPrev, .z, .a, .zy, .yHat, .y] {
            out.append((sym.jsonKey, steps.map { trace.vector(sym, $0) }))
        }
        out.append(("loss", steps.map { trace.loss($0).map { [$0] } }))
        if trace.hasBackward {
            for sym in [Symbol.dy, .da, .dz, .daPrev, .daNext] {
                out.append((sym.jsonKey, steps.map { trace.vector(sym, $0) }))
            }
        }
        return out
    }

    /// The weights and, with targets, the gradients, by their trace JSON names.
    public static func parameters(_ trace: Trace) -> [(name: String, value: Matrix)] {
        let p = trace.rnn.params
        var out: [(String, Matrix)] = [("Waa", p.Waa), ("Wax", p.Wax), ("Wya", p.Wya),
                                       ("ba", Matrix(column: p.ba)), ("by", Matrix(column: p.by)), ("a0", Matrix(column: p.a0))]
        if let g = trace.gradients, let da0 = trace.da0 {
            out += [("dWaa", g.dWaa), ("dWax", g.dWax), ("dWya", g.dWya),
                    ("dba", Matrix(column: g.dba)), ("dby", Matrix(column: g.dby)), ("da0", Matrix(column: da0))]
        }
        return out
    }

    /// `{"n_x": …, "T": …, "vocab": […] | null, "labels": […], "target_labels": […], "x": [[…], …], …,
    /// "loss": [0.69, null, …], "L": 2.1, "params": {…}, "grads": {…} | null}` streamed to `sink`.
    public static func writeJSON(_ trace: Trace, vocab: [String]?, to sink: @escaping (String) -> Void) {
        var out = JSONWriter(sink: sink)
        let s = trace.shape
        out.open("{")
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
        let params = parameters(trace)
        out.key("params"); out.open("{")
        for (name, m) in params.prefix(6) { out.key(name); name.hasPrefix("W") ? out.matrix(m) : out.vector(m.values) }
        out.close("}")
        out.key("grads")
        if params.count > 6 {
            out.open("{")
            for (name, m) in params.dropFirst(6) { out.key(name); name.hasPrefix("dW") ? out.matrix(m) : out.vector(m.values) }
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
