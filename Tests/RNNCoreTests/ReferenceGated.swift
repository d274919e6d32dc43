import Foundation
import RNNCore

/// An independent, plain implementation of the GRU and LSTM forward passes, written straight
/// from the lectures' equations with `Matrix.times` and named weights, and nothing clever:
/// the fast `GatedWorkspace` and its BPTT are checked against central differences of it.
/// Shares no code with the engine beyond `Matrix.times` and the reference losses.
struct ReferenceGated {
    var cell: GatedCell
    var g2: OutputActivation
    /// Named weights and biases, e.g. "Wu", "bu", "Wya", "by".
    var W: [String: Matrix]
    var b: [String: [Double]]
    var a0: [Double]
    var c0: [Double]

    init(_ rnn: GatedRNN) {
        cell = rnn.shape.cell
        g2 = rnn.shape.g2
        W = [:]; b = [:]
        for (k, gate) in cell.gates.enumerated() {
            W[gate.weightName] = rnn.params.W[k]
            b[gate.biasName] = rnn.params.b[k]
        }
        W["Wya"] = rnn.params.Wya
        b["by"] = rnn.params.by
        a0 = rnn.params.a0
        c0 = rnn.params.c0
    }

    /// A nudge to one entry of a<t> (after it is computed) or of c<t> (before a<t> is computed
    /// from it, so it reaches a<t> too); t = 0 nudges a<0> or c<0>.
    struct Nudge {
        enum Target { case a, c }
        var target: Target
        var t: Int
        var i: Int
        var delta: Double
    }

    struct Pass {
        var gates: [[String: [Double]]] = []   // per step: "Γu", "Γr", "Γf", "Γo", "c̃"
        var c: [[Double]] = []
        var a: [[Double]] = []
        var totalLoss = 0.0
    }

    static func sigmoid(_ v: Double) -> Double { 1 / (1 + exp(-v)) }
    static func add(_ u: [Double], _ v: [Double]) -> [Double] { zip(u, v).map { $0 + $1 } }
    static func mul(_ u: [Double], _ v: [Double]) -> [Double] { zip(u, v).map { $0 * $1 } }

    /// σ(W [h; x] + b) or tanh(…)
    func unit(_ name: String, _ h: [Double], _ x: [Double], sigmoid: Bool) -> [Double] {
        let z = Self.add(W["W" + name]!.times(h + x), b["b" + name]!)
        return z.map { sigmoid ? Self.sigmoid($0) : tanh($0) }
    }

    func forward(_ episode: Episode, nudge: Nudge? = nil) -> Pass {
        var pass = Pass()
        var aPrev = a0, cPrev = cell == .gru ? a0 : c0
        if let n = nudge, n.t == 0 {
            if cell == .gru { aPrev[n.i] += n.delta; cPrev = aPrev }
            else if n.target == .a { aPrev[n.i] += n.delta } else { cPrev[n.i] += n.delta }
        }
        for t in 1...episode.T {
            let x = episode.layout.hasInput[t - 1] ? episode.x[t - 1] : Array(repeating: 0, count: W["Wu"]!.cols - a0.count)
            var c: [Double], a: [Double]
            var gates: [String: [Double]] = [:]
            switch cell {
            case .gru:
                let gu = unit("u", cPrev, x, sigmoid: true)
                let gr = unit("r", cPrev, x, sigmoid: true)
                let ct = unit("c", Self.mul(gr, cPrev), x, sigmoid: false)
                c = Self.add(Self.mul(gu, ct), Self.mul(gu.map { 1 - $0 }, cPrev))
                if let n = nudge, n.t == t { c[n.i] += n.delta }
                a = c
                gates = ["Γu": gu, "Γr": gr, "c̃": ct]
            case .lstm:
                let gf = unit("f", aPrev, x, sigmoid: true)
                let gu = unit("u", aPrev, x, sigmoid: true)
                let go = unit("o", aPrev, x, sigmoid: true)
                let ct = unit("c", aPrev, x, sigmoid: false)
                c = Self.add(Self.mul(gf, cPrev), Self.mul(gu, ct))
                if let n = nudge, n.t == t, n.target == .c { c[n.i] += n.delta }
                a = Self.mul(go, c.map(tanh))
                if let n = nudge, n.t == t, n.target == .a { a[n.i] += n.delta }
                gates = ["Γf": gf, "Γu": gu, "Γo": go, "c̃": ct]
            }
            pass.gates.append(gates); pass.c.append(c); pass.a.append(a)
            if episode.layout.hasOutput[t - 1], let y = episode.y[t - 1] {
                let o = Self.add(W["Wya"]!.times(a), b["by"]!)
                pass.totalLoss += ReferenceRNN.crossEntropy(g2, logits: o, y: y)
            }
            aPrev = a; cPrev = c
        }
        return pass
    }

    func loss(_ episode: Episode, nudge: Nudge? = nil) -> Double { forward(episode, nudge: nudge).totalLoss }
}
