import CKernels

/// Work handed to the second core while the calling thread goes on (CKernels' `uk_post` and
/// `uk_join`): the engine posts the part of a pass that is off the recurrence — a block's
/// outputs, a block's weight gradients — and keeps stepping. One job at a time: `post` joins
/// the last one first. When the helper thread cannot take a job (one thread, `UNROLL_THREADS=1`,
/// the helper busy), `join` runs it on the caller, so the numbers never depend on who ran it.
///
/// A job must not hold the workspace's tape strongly (a second reference would make the next
/// `uniqueTape()` copy it): capture it `unowned(unsafe)`; the pass that posts it joins before it
/// returns.
struct Overlap: ~Copyable {
    /// The posted closure, kept alive until it is joined.
    private final class Job {
        let body: (Int) -> Void
        init(_ body: @escaping (Int) -> Void) { self.body = body }
    }
    private var job: Job?

    init() {}

    /// Runs `body(part)` for part < parts (1…255) on the helper thread, or on this one at `join`.
    mutating func post(parts: Int = 1, _ body: @escaping (Int) -> Void) {
        join()
        let j = Job(body)
        job = j
        uk_post({ arg, part in Unmanaged<Job>.fromOpaque(arg).takeUnretainedValue().body(Int(part)) },
                Unmanaged.passUnretained(j).toOpaque(), Int32(parts))
    }

    /// Waits for the posted job (running the parts the helper has not taken).
    mutating func join() {
        guard job != nil else { return }
        uk_join()
        job = nil
    }

    deinit { if job != nil { uk_join() } }
}

extension Kernels {
    /// Parts of the jobs this thread posted so far (`Overlap`) that the helper thread could take,
    /// and how many of them it ran.
    public static var postedParts: (parts: Int, helper: Int) {
        var parts = 0, helper = 0
        uk_async_counts(&parts, &helper)
        return (parts, helper)
    }
}
