import Foundation

/// The memory of a plain cell's trace: the workspace after the forward pass, and the backward
/// pass with its running-sum checkpoints, computed the first time something asks for a
/// backward quantity (or never: `unroll check` of a lesson whose checks read only forward
/// numbers runs the forward pass alone, and the backward rows of the tape are never touched).
///
/// Shared by copies of a trace; a lock makes the one backward pass happen once.
final class TracePass: @unchecked Sendable {
    private let lock = NSLock()
    private var ws: Workspace
    /// Whether the backward pass is still to run (the sequence has targets and nobody asked yet).
    private var pending: Bool
    private var kept: [Int: Gradients] = [:]
    /// Whether the checkpoints hold the output layer's sums (dWya, dby) too.
    private var outputSums = false
    private let every: Int

    /// Runs the forward pass now; the backward pass (when the episode has targets) waits to be asked for.
    init(rnn: RNN, episode: Episode, kernels: Kernels, every: Int, limit: Int? = nil) throws(TraceMemoryError) {
        ws = try Workspace(checked: rnn.shape, episode: episode, kernels: kernels, limit: limit)   // (made here, so its tape is not shared)
        ws.forward(rnn.params)
        pending = episode.hasTargets
        self.every = every
    }

    /// A workspace with no pass (a gated trace keeps its numbers in `GatedTrace`).
    init(empty workspace: Workspace) {
        ws = workspace
        pending = false
        every = 1
    }

    /// The workspace as the forward pass left it: z, a, zy, ŷ, dy and L<t> are filled.
    /// (Do not ask for `complete` while holding this copy: the backward pass would copy the tape.)
    var forward: Workspace {
        lock.lock(); defer { lock.unlock() }
        return ws
    }

    /// Whether the backward pass has run.
    var backwardDone: Bool {
        lock.lock(); defer { lock.unlock() }
        return !pending
    }

    /// Whether the output layer's running sums (dWya, dby) have been summed.
    var outputSumsDone: Bool {
        lock.lock(); defer { lock.unlock() }
        return outputSums
    }

    /// The workspace after the backward pass and the checkpoints of the running sums, running
    /// the backward pass first if it has not run, and the output layer's sums if they have not.
    var complete: (workspace: Workspace, checkpoints: [Int: Gradients]) {
        lock.lock(); defer { lock.unlock() }
        runBackward()
        if !outputSums && !kept.isEmpty {
            kept = Trace.runningSums(&ws, every: every, parts: .output, into: kept)
            outputSums = true
        }
        return (ws, kept)
    }

    /// As `complete`, but the checkpoints may hold only the recurrence's sums (dWa, dba; dWya
    /// and dby 0 × 0 and empty): the output layer's are summed when something asks for them.
    var recurrent: (workspace: Workspace, checkpoints: [Int: Gradients]) {
        lock.lock(); defer { lock.unlock() }
        runBackward()
        return (ws, kept)
    }

    /// (with the lock held) the backward pass and the recurrence's running sums, once
    private func runBackward() {
        guard pending else { return }
        ws.backward(sums: false)   // the running sums below give the totals too
        kept = Trace.runningSums(&ws, every: every, parts: .recurrent)
        pending = false
    }
}
