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

    /// The workspace after the backward pass and the checkpoints of the running sums, running
    /// the backward pass first if it has not run.
    var complete: (workspace: Workspace, checkpoints: [Int: Gradients]) {
        lock.lock(); defer { lock.unlock() }
        if pending {
            ws.backward(sums: false)   // the running sums below give the totals too
            kept = Trace.runningSums(&ws, every: every)
            pending = false
        }
        return (ws, kept)
    }
}
