// The dense kernels under RNNCore's engine, compiled several times for several CPUs and chosen
// at run time (see dispatch.c): `baseline` (portable C, correct on every CPU, x86-64 and arm64),
// `avx2` (AVX2 + FMA) and `avx512` (AVX-512F + FMA), the last two only on x86-64.
//
// All matrices are row-major doubles with an explicit row stride `ld` (in doubles). Nothing
// outside [0, rows) × [0, cols) of a matrix, or [0, n) of a vector, is read or written.
// Each kernel fixes its order of additions, so a path gives the same bits on every run.
#ifndef UNROLL_CKERNELS_H
#define UNROLL_CKERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#pragma clang assume_nonnull begin

/// The instruction sets a kernel table is compiled for.
typedef enum uk_path { UK_BASELINE = 0, UK_AVX2 = 1, UK_AVX512 = 2 } uk_path;

/// g of an element-wise activation: tanh, ReLU or the logistic sigmoid.
typedef enum uk_activation { UK_TANH = 0, UK_RELU = 1, UK_SIGMOID = 2 } uk_activation;

/// One set of kernels, all compiled for one instruction set.
typedef struct uk_kernels {
    /// The path's name: "baseline", "avx2" or "avx512".
    const char *name;
    /// y[i] = b[i] + Σ_j W[i·ld + j]·x[j]   for i < rows, j < cols   (b may be y, or NULL for 0);
    /// `reverse` 1 visits the rows bottom to top (same result; alternate calls reuse the cache)
    void (*gemv)(const double *W, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld,
                 const double *x, const double *_Nullable b, double *y, int reverse);
    /// y[j] = b[j] + Σ_i W[i·ld + j]·x[i]   (Wᵀx) for i < rows, j < cols; rows with x[i] = 0
    /// are skipped (b may be y, or NULL for 0); `reverse` 1 visits the columns right to left
    /// (same result)
    void (*gemv_t)(const double *W, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld,
                   const double *x, const double *_Nullable b, double *y, int reverse);
    /// C[i·ldc + j] (+)= Σ_t P[t·ldp + i·pi]·Q[t·ldq + j]   (C = Pᵀ·Q; with ldp = 1 and pi a row
    /// stride, C = P·Q) for i < m, j < n, t < k; `accumulate` 0 overwrites C, 1 adds to it
    void (*gemm_tn)(double *C, ptrdiff_t m, ptrdiff_t n, ptrdiff_t ldc,
                    const double *P, ptrdiff_t ldp, ptrdiff_t pi, const double *Q, ptrdiff_t ldq,
                    ptrdiff_t k, int accumulate);
    /// Y[t·ldy + i] = b[i] + Σ_j W[i·ld + j]·X[t·ldx + j]   (row t of Y = b + W·x<t>, for every t
    /// at once) for i < rows, j < cols, t < k; each entry the same bits as `gemv` gives it
    /// (b may be NULL for 0)
    void (*gemm_nt)(const double *W, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld,
                    const double *X, ptrdiff_t ldx, ptrdiff_t k, const double *_Nullable b,
                    double *Y, ptrdiff_t ldy);
    /// D[i·ld + j] += u[i]·v[j]   (u vᵀ) for i < rows, j < cols; rows with u[i] = 0 are skipped
    void (*ger)(double *D, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld,
                const double *u, const double *v);
    /// y[i] = b[i] + a[i]   for i < n (y may be a or b)
    void (*add)(const double *a, const double *b, double *y, ptrdiff_t n);
    /// y[i] = g(z[i])   for i < n (y may be z)
    void (*activate)(uk_activation g, const double *z, double *y, ptrdiff_t n);
    /// dz[i] = da[i]·g'(z[i]), written from the output y = g(z): tanh 1 − y², ReLU [y > 0],
    /// sigmoid y(1 − y)   for i < n
    void (*activate_backward)(uk_activation g, const double *da, const double *y, double *dz, ptrdiff_t n);
    /// y[i] = e^x[i]   for i < n (y may be x)
    void (*exp)(const double *x, double *y, ptrdiff_t n);
    /// y = softmax(x) = e^(x − m) / Σ e^(x − m) with m = max x (m = 0 when it is not finite);
    /// returns m and writes s = Σ e^(x − m) to *sum   (n ≥ 1)
    double (*softmax)(const double *x, double *y, ptrdiff_t n, double *sum);
    /// Σ_i x[i]²   for i < n
    double (*sum_squares)(const double *x, ptrdiff_t n);
    /// One fused pass of an optimizer over n parameters θ with gradient g: returns Σ g² of the
    /// gradient as given, then scales and clips it, g ← min(max(g·scale, −clip), clip) (NaN stays
    /// NaN; written back to g), and writes the updated θ to theta_out (and each memory m, v to
    /// m_out, v_out). An output may be its input (in place) or a buffer of its own (the trainer
    /// writes the new weights beside the old ones and keeps the old as the last good ones).
    /// SGD: θ ← θ − lr·g.
    double (*sgd)(const double *theta, double *g, double *theta_out, ptrdiff_t n,
                  double lr, double scale, double clip);
    /// Adagrad: m ← m + g²;  θ ← θ − lr·g / √(m + eps).
    double (*adagrad)(const double *theta, const double *m, double *g, double *theta_out, double *m_out,
                      ptrdiff_t n, double lr, double eps, double scale, double clip);
    /// Adam: m ← b1·m + (1−b1)·g;  v ← b2·v + (1−b2)·g²;  θ ← θ − lr·(m/c1) / (√(v/c2) + eps).
    double (*adam)(const double *theta, const double *m, const double *v, double *g,
                   double *theta_out, double *m_out, double *v_out, ptrdiff_t n, double lr,
                   double b1, double b2, double c1, double c2, double eps, double scale, double clip);
} uk_kernels;

/// The kernels of `path`, or NULL when this CPU cannot run them or this build has none.
const uk_kernels *_Nullable uk_kernels_for(uk_path path);

/// The path chosen once, at the first call: UNROLL_KERNELS=baseline|avx2|avx512 when set
/// (an unknown or unsupported value falls back to the fastest supported path, and
/// `uk_choice_warning` says so), otherwise the fastest path this CPU supports.
uk_path uk_chosen_path(void);

/// A one-line warning when UNROLL_KERNELS asked for a path that was not taken, else NULL.
const char *_Nullable uk_choice_warning(void);

/// Whether this CPU (and operating system) can run `path`.
int uk_cpu_supports(uk_path path);

/// Threads the large kernels called from this thread run on: 2 (the calling thread and one
/// helper) on a machine with two CPUs or more, unless UNROLL_THREADS=1; 1 otherwise. Small
/// products always run on the caller.
int uk_threads(void);

/// Sets the number of threads (1 or 2; 0: back to the process's choice) for the kernels called
/// from this thread; the results are the same bits either way. (By default the helper is left
/// alone for a while when it keeps the caller waiting, a busy machine; 2 set here always uses it.)
void uk_set_threads(int n);

/// Parts of the jobs split over two threads so far, and how many of them the helper thread ran.
void uk_split_counts(long *parts, long *helper);

/// Posts `parts` (< 256) parts of a job, run(arg, part) for part < parts, to the helper thread
/// and returns at once, so the caller goes on with other work; `uk_join` finishes it. When the
/// helper cannot take it (one thread, the helper busy with another caller's job, or left
/// alone for a while on a busy machine) the caller runs every part itself at `uk_join`. One job
/// per calling thread: posting joins the last one first. While a job is posted, the kernels
/// this thread calls run on this thread alone (the helper is taken).
void uk_post(void (*run)(void *arg, int part), void *arg, int parts);

/// Runs the parts of this thread's posted job that the helper has not taken, and waits for the
/// rest (nothing when no job is posted). (A thread that set 2 threads itself, `uk_set_threads`,
/// leaves every part of a job the helper has to the helper: tests.)
void uk_join(void);

/// Parts of the jobs this thread posted so far (uk_post) that the helper thread could take, and
/// how many of them it ran.
void uk_async_counts(long *parts, long *helper);

/// Whether this build contains the kernels of `path` (avx2 and avx512: x86-64 builds only).
int uk_compiled(uk_path path);

#pragma clang assume_nonnull end

#ifdef __cplusplus
}
#endif

#endif
