// A second core for the large kernels: one helper thread, started at the first large call,
// that takes parts of a job (rows of a matrix-vector product, blocks of rows of a product over
// a sequence) while the calling thread takes the others. Every part is computed by the same code
// whichever thread runs it, and no sum crosses two parts, so the result is the same bits with
// one thread or two.
//
// The helper spins for a short while after each job (0.1 ms; a recurrence calls every few
// microseconds), then sleeps on a condition variable, so an idle program uses no CPU. The
// caller never waits for the helper to wake up: it claims parts itself until none is left, so a
// helper that is asleep costs nothing but its own parts; one that keeps the caller waiting (a
// busy machine) is left alone for a while (below).
// UNROLL_THREADS=1 turns the helper off; a call made while another thread's job is running
// does all its parts itself.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "CKernels.h"

/// How long the helper spins for the next job before it sleeps (nanoseconds).
#define SPIN_NS 100000

typedef struct {
    // the job: part p of n, run as run(arg, p)
    void (*run)(void *arg, int part);
    void *arg;
    // (sequence number << 16) | (parts << 8) | next part to claim, in one word so that a claim
    // can only succeed on the job it read; storing a new sequence number posts a job
    _Atomic uint64_t state;
    _Atomic int done;         // parts finished
    _Atomic int sleeping;     // the helper waits on `wake`
    _Atomic int busy;         // a caller owns the helper
    pthread_mutex_t lock;
    pthread_cond_t wake;
} pool;

static _Atomic long split_parts = 0, helper_parts = 0;   // parts of split jobs, and of those the helper's
static _Thread_local long async_parts = 0, async_helper_parts = 0;   // the same for the jobs this thread posted (uk_post)

static pool P = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};
static _Atomic int threads = -1;            // -1: not chosen yet
static _Thread_local int thread_override;   // 0, or the calling thread's own choice (tests)
static _Atomic int started = 0;             // 0 no helper, 1 starting or running, 2 could not start
static pthread_once_t choose_once = PTHREAD_ONCE_INIT;

static inline void relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/// Claims the next part of job `seq`, or returns −1 when none is left (or the job is over).
static int claim(uint64_t seq) {
    uint64_t cur = atomic_load(&P.state);
    while ((cur >> 16) == seq && (cur & 0xff) < ((cur >> 8) & 0xff)) {
        if (atomic_compare_exchange_weak(&P.state, &cur, cur + 1)) return (int)(cur & 0xff);
    }
    return -1;
}

static void *helper(void *unused) {
    (void)unused;
    // (from job 0: a job posted while this thread was starting is still to be taken)
    uint64_t seen = 0;
    for (;;) {
        uint64_t t0 = now_ns();
        unsigned spins = 0;
        while ((atomic_load(&P.state) >> 16) == seen) {
            relax();
            // (yield now and then: on a busy machine the caller may be waiting for this core)
            if (++spins % 64 == 0) sched_yield();
            if (spins % 256 == 0 && now_ns() - t0 > SPIN_NS) {
                pthread_mutex_lock(&P.lock);
                atomic_store(&P.sleeping, 1);
                while ((atomic_load(&P.state) >> 16) == seen) pthread_cond_wait(&P.wake, &P.lock);
                atomic_store(&P.sleeping, 0);
                pthread_mutex_unlock(&P.lock);
            }
        }
        seen = atomic_load(&P.state) >> 16;
        int p;
        while ((p = claim(seen)) >= 0) {
            P.run(P.arg, p);
            atomic_fetch_add_explicit(&P.done, 1, memory_order_release);
        }
    }
    return NULL;
}

static void choose(void) {
    const char *want = getenv("UNROLL_THREADS");
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int n = cpus >= 2 ? 2 : 1;
    if (want && want[0]) n = (strcmp(want, "1") == 0 || strcmp(want, "0") == 0) ? 1 : n;
    atomic_store(&threads, n);
}

int uk_threads(void) {
    if (thread_override) return thread_override;
    pthread_once(&choose_once, choose);
    return atomic_load(&threads);
}

void uk_set_threads(int n) { thread_override = n <= 0 ? 0 : (n >= 2 ? 2 : 1); }

/// Starts the helper once; 0 when it cannot be had.
static int have_helper(void) {
    int s = atomic_load(&started);
    if (s == 1) return 1;
    if (s == 2) return 0;
    int expected = 0;
    if (!atomic_compare_exchange_strong(&started, &expected, 1)) return atomic_load(&started) == 1;
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int ok = pthread_create(&th, &attr, helper, NULL) == 0;
    pthread_attr_destroy(&attr);
    if (!ok) atomic_store(&started, 2);
    return ok;
}

// On a busy machine the helper is often not running when a job comes, or is descheduled in the
// middle of its part while the caller waits for it: then two threads are slower than one. So
// the caller keeps count: a job where it waited for the helper longer than half its own work
// and STALL_NS more, or where one of the two did every part (the helper asleep, or the caller
// descheduled while the helper, woken on its core, did everything), is a strike (16 good jobs
// in a row clear them); after STRIKES of them it runs jobs alone for PAUSE_NS, then tries the
// helper again. (The results are the same bits.) Without STALL_NS, the odd late part on an idle
// VM (~0.6% of the largest lesson's 20 000 recurrence steps, under `chrt -f`) paused the helper
// 3–18 times a check: a third of its steps on one core, 0.3–1 s more.
#define STRIKES 4
#define PAUSE_NS 100000000u
#define STALL_NS 200000u
static _Atomic uint64_t paused_until;
static int strikes, good;                     // (read and written by the caller that owns the helper)

/// Makes this thread the helper's owner, when two threads run and the helper is not paused (a
/// thread that set two threads itself, a test, is never paused); 0 when the caller goes alone.
static int take_helper(void) {
    if (uk_threads() < 2 || (thread_override != 2 && now_ns() < atomic_load(&paused_until))) return 0;
    int expected = 0;
    if (!atomic_compare_exchange_strong(&P.busy, &expected, 1)) return 0;
    if (!have_helper()) { atomic_store(&P.busy, 0); return 0; }
    return 1;
}

/// Posts the job run(arg, part), parts 0…parts−1, to the helper this thread owns, waking it if it
/// sleeps; returns the job's sequence number (for `claim`).
static uint64_t post_to_helper(void (*run)(void *arg, int part), void *arg, int parts) {
    P.run = run;
    P.arg = arg;
    atomic_store(&P.done, 0);
    uint64_t seq = (atomic_load(&P.state) >> 16) + 1;
    atomic_store(&P.state, seq << 16 | (uint64_t)parts << 8);   // posts the job (after its fields)
    if (atomic_load(&P.sleeping)) {
        pthread_mutex_lock(&P.lock);
        pthread_cond_signal(&P.wake);
        pthread_mutex_unlock(&P.lock);
    }
    return seq;
}

/// Waits, from `since`, until the helper's parts are done (the caller ran `ran` of `parts`; the
/// helper's end soon unless it was descheduled); returns how long it waited (ns).
static uint64_t wait_for_helper(int ran, int parts, uint64_t since) {
    unsigned spins = 0;
    while (atomic_load_explicit(&P.done, memory_order_acquire) + ran < parts) {
        relax();
        if (++spins % 4096 == 0) sched_yield();
    }
    return ran < parts ? now_ns() - since : 0;
}

/// Counts a strike against the helper (STRIKES of them pause it for PAUSE_NS), or a good job
/// (16 in a row forgive the strikes).
static void judge_helper(int strike) {
    if (strike) {
        if (++strikes >= STRIKES) {
            strikes = 0;
            atomic_store(&paused_until, now_ns() + PAUSE_NS);
        }
    } else if (++good >= 16) {
        good = 0;
        strikes = 0;
    }
}

void uk_run_parts(void (*run)(void *arg, int part), void *arg, int parts) {
    if (!(parts > 1 && parts < 256 && take_helper())) {
        for (int p = 0; p < parts; p++) run(arg, p);
        return;
    }
    uint64_t t0 = now_ns(), seq = post_to_helper(run, arg, parts);
    int p, ran = 0;
    while ((p = claim(seq)) >= 0) { run(arg, p); ran++; }
    uint64_t t1 = now_ns(), waited = wait_for_helper(ran, parts, t1);
    judge_helper(ran == parts || ran == 0 || waited > (t1 - t0) / 2 + STALL_NS);
    atomic_fetch_add_explicit(&split_parts, parts, memory_order_relaxed);
    atomic_fetch_add_explicit(&helper_parts, parts - ran, memory_order_relaxed);
    atomic_store(&P.busy, 0);
}

// MARK: jobs that run while the caller goes on

/// The calling thread's posted job (one at a time): its parts, and whether the helper has it
/// (`owned`: this thread holds the helper) or the caller runs it all at `uk_join`.
typedef struct {
    void (*run)(void *arg, int part);
    void *arg;
    int parts, owned;
    uint64_t seq, posted_at;
} pending_job;
static _Thread_local pending_job pending;

void uk_post(void (*run)(void *arg, int part), void *arg, int parts) {
    uk_join();
    if (parts <= 0) return;
    pending = (pending_job){run, arg, parts, 0, 0, 0};
    if (parts >= 256 || !take_helper()) return;
    pending.owned = 1;
    pending.posted_at = now_ns();
    pending.seq = post_to_helper(run, arg, parts);
}

void uk_join(void) {
    pending_job j = pending;
    if (j.parts <= 0) return;
    pending.parts = 0;
    if (!j.owned) {
        for (int p = 0; p < j.parts; p++) j.run(j.arg, p);
        return;
    }
    // the parts the helper has not taken are the caller's (unless this thread set two threads
    // itself, a test: then the helper runs them all); then wait for the helper's
    int p, ran = 0;
    if (thread_override != 2)
        while ((p = claim(j.seq)) >= 0) { j.run(j.arg, p); ran++; }
    uint64_t t1 = now_ns(), waited = wait_for_helper(ran, j.parts, t1);
    // a strike when the helper took nothing (asleep, or not on a core), or kept the caller
    // waiting far longer than the work the caller did meanwhile (descheduled in the middle of a
    // part: milliseconds; a part merely slower than the caller's is not one)
    judge_helper(ran == j.parts || waited > 2 * (t1 - j.posted_at) + 50000);
    async_parts += j.parts;
    async_helper_parts += j.parts - ran;
    atomic_store(&P.busy, 0);
}

void uk_async_counts(long *parts, long *helper) {
    *parts = async_parts;
    *helper = async_helper_parts;
}

void uk_split_counts(long *parts, long *helper) {
    *parts = atomic_load(&split_parts);
    *helper = atomic_load(&helper_parts);
}
