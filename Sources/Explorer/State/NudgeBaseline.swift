import Lessons
import RNNCore

/// What a run of nudges on one entry is measured from: the network with that entry at the
/// lesson's value (the slide's what-if and the student's other edits as they are), so ten `+`
/// on x<1>[0] read `1.00 → 2.00`, not only the last step's `1.90 → 2.00`.
struct NudgeBaseline: Equatable, Sendable {
    /// The entry (canonical) and its value in the lesson.
    var ref: EntryRef
    var value: Double
    /// L and ∂L/∂(the entry) there (nil without targets or a backward pass).
    var loss: Double?
    var gradient: Double?
    /// a<t> for every step there (only for an input x<t>: how far its change travels).
    var activations: [[Double]]?
    /// What the baseline was computed under: the other edits and the steps trained.
    var others: NetworkEdits
    var trainedSteps: Int
}

extension ExplorerState {
    /// The edits in force without the student's edit of `ref`.
    func activeEdits(without ref: EntryRef) -> NetworkEdits {
        var mine = student.edits
        mine.set(ref, nil)
        return (currentSlide?.edits ?? NetworkEdits()).merging(mine)
    }

    /// The baseline for nudging `ref`: kept while nothing else changed, else taken from `old`
    /// (the trace before this nudge) when `ref` was unedited there, else computed afresh.
    mutating func nudgeBaseline(_ ref: EntryRef, old: Trace, oldWasUnedited: Bool) -> NudgeBaseline? {
        let others = activeEdits(without: ref)
        if let b = student.baseline, b.ref == ref, b.others == others, b.trainedSteps == trainedSteps { return b }
        guard let value = uneditedValue(ref) else { return nil }
        let base: Trace
        if oldWasUnedited { base = old }
        else if let g = baseGated { base = Trace(gated: g.applying(others), episode: lesson.episode.applying(others)) }
        else { base = Trace(rnn: RNN(shape: lesson.rnn.shape, params: baseParams).applying(others), episode: lesson.episode.applying(others)) }
        let activations = ref.symbol == .x ? (1...base.T).map { base.vector(.a, $0) ?? [] } : nil
        let b = NudgeBaseline(ref: ref, value: value, loss: base.totalLoss, gradient: base.gradient(of: ref),
                              activations: activations, others: others, trainedSteps: trainedSteps)
        student.baseline = b
        return b
    }
}

extension NudgeBaseline {
    /// The report from the lesson's value to the entry's value in `trace`.
    func report(to trace: Trace) -> NudgeReport {
        NudgeReport(ref: ref, before: value, after: trace.editableValue(ref) ?? .nan,
                    lossBefore: loss, lossAfter: trace.totalLoss, gradient: gradient)
    }

    /// ‖a<t>(trace) − a<t>(baseline)‖ for every step (nil unless the entry is an input).
    func activationShift(to trace: Trace) -> [Double]? {
        activations.map { base in
            base.indices.map { i in
                guard let b = trace.vector(.a, i + 1), b.count == base[i].count else { return 0 }
                return zip(base[i], b).reduce(0.0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }.squareRoot()
            }
        }
    }
}
