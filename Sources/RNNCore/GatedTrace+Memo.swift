import Foundation

/// The checkpoints of a `GatedTrace`'s running sums, and the last two running sums it built
/// between them (see `GatedTrace.gradientsSoFar`), so a
/// screen that asks for several weights' sums after the same backward step, or for the step
/// before it, does not add up every step's contribution again each time.
final class GatedRunningSumMemo: @unchecked Sendable {
    /// Running sums after backward step c + 1 (c = 0, every, 2·every, …, 0-based), built by the engine.
    let checkpoints: [Int: GatedGradients]
    let every: Int
    private let lock = NSLock()

    init(checkpoints: [Int: GatedGradients], every: Int) {
        self.checkpoints = checkpoints
        self.every = every
    }
    private var kept: [(t: Int, sums: GatedGradients)] = []

    /// The sums after backward step `t`, if kept.
    func sums(after t: Int) -> GatedGradients? {
        lock.lock(); defer { lock.unlock() }
        return kept.first { $0.t == t }?.sums
    }

    /// Keeps the sums after step `t` (and the most recent other one).
    func keep(_ sums: GatedGradients, after t: Int) {
        lock.lock(); defer { lock.unlock() }
        kept.removeAll { $0.t == t }
        kept.insert((t, sums), at: 0)
        if kept.count > 2 { kept.removeLast() }
    }
}

extension GatedTrace {
    /// The running sums after backward step t: the checkpoint there, or the nearest checkpoint
    /// after it (or the kept sums after step t + 1) plus the contributions of the steps between.
    func memoizedRunningSums(_ t: Int) -> GatedGradients {
        if let g = checkpoints[t - 1] { return g }
        if let g = memo.sums(after: t) { return g }
        var g: GatedGradients
        var from: Int
        if t < T, let next = memo.sums(after: t + 1) {
            g = next; from = t
        } else {
            let c = ((t - 1 + checkpointEvery - 1) / checkpointEvery) * checkpointEvery   // 0-based, ≥ t − 1
            if c < T, let kept = checkpoints[c] { g = kept; from = c } else { g = .zero(shape); from = T }
        }
        for s in stride(from: from, through: t, by: -1) { if let add = contribution(s) { g.add(add) } }
        memo.keep(g, after: t)
        return g
    }
}
