import Lessons
import RNNCore

/// One step on the timeline strip.
public struct TimelineItem: Equatable, Sendable {
    public var t: Int
    public var hasInput: Bool
    public var hasOutput: Bool
    public var hasTarget: Bool
    /// The input's token (`h`) where the lesson names it, else `x<t>`.
    public var inputLabel: String
    /// ŷ<t> in short: the argmax token for softmax with a vocab (`·` when no token stands
    /// out), the value for a single output, else `ŷ<t>`; nil when there is no output or it is hidden.
    public var outputLabel: String?
    /// y<t> in short, the same way; nil when there is no target or y is hidden.
    public var targetLabel: String?
    /// L<t>, nil when there is no target or the loss is hidden.
    public var loss: Double?
    /// ‖da<t>‖ in the backward phase, nil otherwise or when da is hidden.
    public var daNorm: Double?
    public var isCurrent: Bool
    /// A gated cell's telling gate at this step (Γf for the LSTM, Γu for the GRU), nil otherwise or hidden.
    public var gate: GateBar? = nil
    /// ‖dc<t>‖ of a gated cell in the backward phase, nil otherwise or when dc is hidden.
    public var dcNorm: Double? = nil
    /// ‖Δa<t>‖ = ‖a<t> after − a<t> before‖ after the student nudged an input x<t0>, for t ≥ t0
    /// in the forward phase (how far the change travels); nil otherwise.
    public var shift: Double? = nil
}

/// A gate over its units at one step: its name and the min, mean and max of its entries (0…1).
public struct GateBar: Equatable, Sendable {
    public var name: String
    public var min: Double
    public var mean: Double
    public var max: Double
}

/// The strip of steps above the panels. Arrows point right in the forward phase, left in
/// the backward phase; bars for L<t> are scaled by `maxLoss`, for ‖da<t>‖ by `maxDaNorm`.
public struct Timeline: Equatable, Sendable {
    public var items: [TimelineItem]
    public var phase: Phase
    public var maxLoss: Double
    public var maxDaNorm: Double
    /// ‖dc<t>‖'s largest value over the steps (gated cells), for its bars.
    public var maxDcNorm: Double = 1
    /// The gate a gated cell's boxes show (`Γf`, `Γu`), nil for the plain cell.
    public var gateName: String? = nil
    public var isGated: Bool { gateName != nil }
    /// The largest ‖Δa<t>‖ (bars of `shift` are scaled by it).
    public var maxShift: Double = 1
}

extension ExplorerState {
    public var timeline: Timeline {
        let backward = position.phase == .backward
        // while a question about the output or the loss is open, every step looks alike
        let asksOutput = withheld.contains(.yHat), asksLoss = withheld.contains(.loss)
        let items = (1...T).map { t -> TimelineItem in
            // only what has been computed so far: forward up to t; backward from T down to t
            let computed = backward || t <= position.t
            var item = TimelineItem(
                t: t, hasInput: trace.hasInput(t), hasOutput: trace.hasOutput(t) || asksOutput,
                hasTarget: trace.hasTarget(t) || asksLoss,
                inputLabel: timelineInputLabel(t) ?? "x<\(t)>",
                outputLabel: trace.hasOutput(t) && computed && isShown(.yHat, at: t) && !isAsked(ahead: .yHat, at: t) ? timelineOutputLabel(t) : nil,
                targetLabel: trace.hasTarget(t) && isShown(.y, at: t) && !isAsked(ahead: .y, at: t) ? (timelineTargetLabel(t) ?? "y<\(t)>") : nil,
                loss: computed && isShown(.loss, at: t) && !isAsked(ahead: .loss, at: t) ? trace.loss(t) : nil,
                daNorm: backward && t >= position.t && isShown(.da, at: t) && !isAsked(ahead: .da, at: t) ? daNorms[t - 1] : nil,
                isCurrent: t == position.t)
            if trace.gated != nil { addGated(&item, computed: computed, backward: backward) }
            item.shift = backward ? nil : nudgeShift(at: t)
            return item
        }
        var line = Timeline(items: items, phase: position.phase, maxLoss: scales.range(.loss),
                            maxDaNorm: daNorms.max().map { $0 > 0 ? $0 : 1 } ?? 1)
        line.maxShift = student.shift?.max().map { $0 > 0 ? $0 : 1 } ?? 1
        if let g = timelineGate {
            line.maxDcNorm = gatedDcNormMax
            line.gateName = "Γ" + (g.gateLetter ?? "")
        }
        return line
    }

    /// ‖Δa<t>‖ of the student's last nudge of an input x<t0>, for t ≥ t0 while editing.
    func nudgeShift(at t: Int) -> Double? {
        guard student.editing, let shift = student.shift, let t0 = student.lastNudge?.ref.t,
              t >= t0, shift.indices.contains(t - 1) else { return nil }
        return shift[t - 1]
    }

    /// The token of a one-hot vector over the lesson's vocab, if it is one.
    func token(_ v: [Double]?) -> String? {
        guard let v, let vocab = lesson.vocab, vocab.count == v.count,
              let k = v.indices.max(by: { v[$0] < v[$1] }) else { return nil }
        return Vocabulary.label(vocab[k])
    }

    func timelineInputLabel(_ t: Int) -> String? {
        guard trace.hasInput(t) else { return nil }
        return givenLabel(target: false, t) ?? token(trace.vector(.x, t))
    }

    func timelineTargetLabel(_ t: Int) -> String? {
        guard let y = trace.vector(.y, t) else { return nil }
        return givenLabel(target: true, t) ?? token(y) ?? (y.count == 1 ? numbers.format(y[0]) : nil)
    }

    /// ŷ<t> in short: for a softmax, the most likely token or class (`i`), or `·` when no
    /// class stands out (see `standsOut`; inspect gives the probabilities); a single output's value.
    func timelineOutputLabel(_ t: Int) -> String {
        guard let yh = trace.vector(.yHat, t) else { return "ŷ<\(t)>" }
        if yh.count == 1 { return numbers.format(yh[0]) }
        // softmax: the most likely class, named by the vocab or as the targets name it
        guard trace.shape.g2 == .softmax, let k = yh.indices.max(by: { yh[$0] < yh[$1] }) else { return "ŷ<\(t)>" }
        guard Self.standsOut(yh) else { return "·" }
        return token(yh) ?? classLabel(k) ?? "#\(k)"
    }

    /// Whether the most likely class of a distribution stands out: its probability is at least
    /// 0.05 above the next one (an untrained language model's 0.038 against 0.037 does not).
    static func standsOut(_ p: [Double]) -> Bool {
        let sorted = p.sorted(by: >)
        guard sorted.count > 1 else { return true }
        return sorted[0] - sorted[1] >= 0.05
    }

    /// The name of class k: `display.class_names`, else the label the lesson's targets give it
    /// (a one-hot target with a `target_labels` entry).
    func classLabel(_ k: Int) -> String? {
        if let names = lesson.display.classNames, names.indices.contains(k) { return names[k] }   // display.class_names
        for s in 1...trace.T {
            guard let y = trace.vector(.y, s), y.indices.contains(k), y[k] == 1,
                  let label = givenLabel(target: true, s) else { continue }
            return label
        }
        return nil
    }

    /// The label the lesson gives step t's input or target, in the explorer's language.
    func givenLabel(target: Bool, _ t: Int) -> String? {
        let labels: [String?]
        if language == .zh, let zh = lesson.labelsZh { labels = target ? zh.targets : zh.inputs }
        else { labels = target ? trace.episode.targetLabels : trace.episode.inputLabels }
        return labels.indices.contains(t - 1) ? labels[t - 1] : nil
    }

    /// ‖da<t>‖ for every step, computed once (used by the timeline).
    static func daNorms(_ trace: Trace) -> [Double] {
        guard trace.hasBackward else { return Array(repeating: 0, count: trace.T) }
        return (1...trace.T).map { trace.norm(of: .da, at: $0) ?? 0 }
    }
}
