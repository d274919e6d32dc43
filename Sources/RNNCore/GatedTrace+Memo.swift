import Foundation

/// The last two running sums a `GatedTrace` built (see `GatedTrace.gradientsSoFar`), so a
/// screen that asks for several weights' sums after the same backward step, or for the step
/// before it, does not add up every step's contribution again each time.
final class GatedRunningSumMemo: @unchecked Sendable {
    private let lock = NSLock()
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
    /// The running sums after backward step t, built from the kept sums after step t + 1 when
    /// there are some (the same additions in the same order: the same bits), else from step T.
    func memoizedRunningSums(_ t: Int) -> GatedGradients {
        if let g = memo.sums(after: t) { return g }
        var g: GatedGradients
        var from: Int
        if t < T, let next = memo.sums(after: t + 1) { g = next; from = t } else { g = .zero(shape); from = T }
        for s in stride(from: from, through: t, by: -1) { if let add = contribution(s) { g.add(add) } }
        memo.keep(g, after: t)
        return g
    }
}
