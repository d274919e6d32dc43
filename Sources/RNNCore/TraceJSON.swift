/// The trace as JSON, the contract instructors compare with their numpy notebooks:
/// matrices are arrays of rows, vectors flat arrays, t is 1-based, `x` is the vector actually
/// used (zeros where the step has no input), `da` is the whole ∂L/∂a<t>.
///
/// Numbers are written in the shortest form that reads back to the same Double. A non-finite
/// number is written `NaN`, `Infinity` or `-Infinity`, as Python's `json` module reads them.
public enum TraceJSON {
    /// The whole trace as one string (for tests and small lessons).
    public static func encode(_ trace: Trace) -> String {
        var text = ""
        write(trace, to: { text += $0 })
        return text
    }

    /// Streams the trace to `sink` in pieces of about 64 KiB, so that its memory does not grow
    /// with T. Each record is written with `out.key(…)` and a value (`out.vector`, `out.matrix`,
    /// `out.number`, …) between `out.open("{")` and `out.close("}")`; new keys go the same way.
    public static func write(_ trace: Trace, to sink: @escaping (String) -> Void) {
        var out = JSONWriter(sink: sink)
        let s = trace.shape, p = trace.rnn.params
        out.open("{")
        out.key("cell"); out.string(trace.cell.rawValue)
        if let g = trace.gated {   // a GRU or LSTM: its own names (TraceJSON+Gated.swift)
            writeGated(trace, g, into: &out)
            out.close("}"); out.raw("\n"); out.flush()
            return
        }
        out.key("n_x"); out.int(s.nx)
        out.key("n_a"); out.int(s.na)
        out.key("n_y"); out.int(s.ny)
        out.key("g1"); out.string(s.g1.rawValue)
        out.key("g2"); out.string(s.g2.rawValue)
        out.key("architecture"); out.string(trace.episode.architecture.rawValue)
        out.key("T"); out.int(trace.T)
        out.key("has_targets"); out.raw(trace.hasBackward ? "true" : "false")
        out.key("params"); out.open("{")
        out.key("Waa"); out.matrix(p.Waa)
        out.key("Wax"); out.matrix(p.Wax)
        out.key("Wya"); out.matrix(p.Wya)
        out.key("ba"); out.vector(p.ba)
        out.key("by"); out.vector(p.by)
        out.key("a0"); out.vector(p.a0)
        out.close("}")
        writeSteps(trace, forward: [.x, .aPrev, .z, .a, .zy, .yHat, .y], backward: [.dy, .da, .dz, .daPrev, .daNext], into: &out)
        out.key("grads")
        if let g = trace.gradients, let da0 = trace.da0 {
            out.open("{")
            out.key("dWaa"); out.matrix(g.dWaa)
            out.key("dWax"); out.matrix(g.dWax)
            out.key("dWya"); out.matrix(g.dWya)
            out.key("dba"); out.vector(g.dba)
            out.key("dby"); out.vector(g.dby)
            out.key("da0"); out.vector(da0)
            out.close("}")
        } else {
            out.raw("null")
        }
        out.close("}")
        out.raw("\n")
        out.flush()
    }

    /// `"forward"`: one record per step (t, has_input, has_output, the `forward` keys, its loss);
    /// `"loss"`; `"backward"`: one record per step from t = T down (t, the `backward` keys), for
    /// every cell (the gated cells pass their own keys).
    static func writeSteps(_ trace: Trace, forward: [Symbol], backward: [Symbol], into out: inout JSONWriter) {
        out.key("forward"); out.open("[")
        for t in 1...trace.T {
            out.element(); out.open("{")
            out.key("t"); out.int(t)
            out.key("has_input"); out.raw(trace.hasInput(t) ? "true" : "false")
            out.key("has_output"); out.raw(trace.hasOutput(t) ? "true" : "false")
            for sym in forward { out.key(sym.jsonKey); out.vector(trace.vector(sym, t)) }
            out.key("loss"); out.number(trace.loss(t))
            out.close("}")
        }
        out.close("]")
        out.key("loss"); out.number(trace.totalLoss)
        out.key("backward"); out.open("[")
        if trace.hasBackward {
            for t in stride(from: trace.T, through: 1, by: -1) {
                out.element(); out.open("{")
                out.key("t"); out.int(t)
                for sym in backward { out.key(sym.jsonKey); out.vector(trace.vector(sym, t)) }
                out.close("}")
            }
        }
        out.close("]")
    }

    /// A number as JSON: shortest round-trip form; NaN, Infinity, -Infinity when not finite.
    public static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

/// A small pretty-printing JSON writer: objects and arrays of objects on their own lines,
/// vectors and matrix rows on one line each. Text is handed to `sink` at line ends once about
/// 64 KiB has gathered (and at `flush()`).
struct JSONWriter {
    private(set) var text = ""
    private var depth = 0
    private var needsComma = [false]
    private let sink: (String) -> Void
    static let chunk = 1 << 16

    init(sink: @escaping (String) -> Void) { self.sink = sink }

    mutating func flush() {
        if !text.isEmpty { sink(text) }
        text = ""
    }

    private mutating func newline() {
        if text.utf8.count >= Self.chunk { flush() }
        text += "\n" + String(repeating: "  ", count: depth)
    }

    mutating func open(_ bracket: String) {
        text += bracket
        depth += 1
        needsComma.append(false)
    }

    mutating func close(_ bracket: String) {
        depth -= 1
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        text += bracket
    }

    mutating func key(_ k: String) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        newline()
        text += "\"\(k)\": "
    }

    mutating func element() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        newline()
    }

    mutating func raw(_ s: String) { text += s }
    mutating func int(_ v: Int) { text += String(v) }
    mutating func string(_ s: String) { text += "\"" + s + "\"" }
    mutating func number(_ v: Double?) { text += v.map(TraceJSON.format) ?? "null" }

    mutating func vector(_ v: [Double]?) {
        guard let v else { text += "null"; return }
        text += "[" + v.map(TraceJSON.format).joined(separator: ", ") + "]"
    }

    mutating func matrix(_ m: Matrix) {
        if m.rows == 0 { text += "[]"; return }
        text += "["
        depth += 1
        for (i, row) in m.rowArrays.enumerated() {
            if i > 0 { text += "," }
            newline()
            vector(row)
        }
        depth -= 1
        newline()
        text += "]"
    }
}
