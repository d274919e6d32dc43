// The C kernels (Sources/CKernels) of every path this CPU runs, against plain reference loops,
// without Swift: built by Tests/Portability/run.sh for aarch64 (run under qemu-aarch64) and for
// x86-64 with -march=x86-64 (run natively and under qemu-x86_64 on a CPU model without AVX).
//
//   kernel_check                      check every path uk_kernels_for() gives on this CPU
//   kernel_check --chosen NAME        also require that the dispatch chose NAME
//   kernel_check --warned             also require a uk_choice_warning (UNROLL_KERNELS refused)
//   kernel_check --call-avx2          call the avx2 table directly, bypassing the dispatch (x86-64
//                                     only): on a CPU without AVX this must die of SIGILL, which
//                                     shows that the emulator would catch a stray AVX instruction
//
// Sums in another order differ by a few ulp of Σ|terms|, so sums are checked to 1e-14·Σ|terms|;
// entry-wise results (activations, optimizer steps) in ulp; results the header promises to be
// the same bits (gemv reversed, gemm_nt against gemv) bit for bit. Inputs end at a page that
// cannot be read (a read past the end is a SIGSEGV), the padding of rows holds NaN (a read of
// it turns a result into NaN) and outputs carry sentinels that must stay unchanged.
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "CKernels.h"

#if defined(__x86_64__)
extern const uk_kernels uk_kernels_avx2;
#endif

static const char *const path_names[] = {"baseline", "avx2", "avx512"};
static const uk_kernels *K;   // the table under test
static long cases, failures;
static double worst_ratio;    // the largest error seen, as a fraction of its bound

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#include <stdarg.h>
static void fail(const char *fmt, ...) {
    if (failures++ < 20) {
        va_list ap;
        va_start(ap, fmt);
        printf("FAIL %s ", K->name);
        vprintf(fmt, ap);
        printf("\n");
        va_end(ap);
    }
}

// MARK: numbers

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next64(void) {   // SplitMix64
    uint64_t z = (rng += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
static double unit(void) { return (double)(next64() >> 11) * 0x1p-53; }
static double sym(void) { return 2 * unit() - 1; }

/// Units in the last place between a and b (0 when equal or both NaN; ±0 are equal).
static double ulps(double a, double b) {
    if (isnan(a) && isnan(b)) return 0;
    if (a == b) return 0;
    if (isnan(a) || isnan(b)) return INFINITY;
    int64_t ia, ib;
    memcpy(&ia, &a, 8);
    memcpy(&ib, &b, 8);
    if (ia < 0) ia = INT64_MIN - ia;
    if (ib < 0) ib = INT64_MIN - ib;
    uint64_t d = ia > ib ? (uint64_t)ia - (uint64_t)ib : (uint64_t)ib - (uint64_t)ia;   // exact, then rounded
    return (double)d;
}

static int same_bits(double a, double b) { return memcmp(&a, &b, 8) == 0; }

/// |got − want| ≤ 1e-14 · size (size = Σ|terms|).
static int near(double got, double want, double size) {
    double err = fabs(got - want), bound = 1e-14 * size;
    if (!(err <= bound)) return 0;
    if (bound > 0 && err / bound > worst_ratio) worst_ratio = err / bound;
    return 1;
}

// MARK: buffers

/// n doubles that end where an unreadable page begins, with 8 NaN before them (leaked: a
/// run makes a few hundred).
static double *guarded(ptrdiff_t n) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t bytes = (size_t)(n + 8) * 8, span = (bytes + page - 1) / page * page;
    char *base = mmap(NULL, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) { perror("mmap"); exit(2); }
    if (mprotect(base + span, page, PROT_NONE) != 0) { perror("mprotect"); exit(2); }
    double *p = (double *)(base + span) - n;
    for (int l = 1; l <= 8; l++) p[-l] = NAN;
    return p;
}

static int front_intact(const double *p) {
    for (int l = 1; l <= 8; l++) if (!isnan(p[-l])) return 0;
    return 1;
}

/// A rows × cols matrix with row stride ld: random entries, NaN in each row's padding.
static double *matrix(ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld) {
    ptrdiff_t n = rows == 0 ? 0 : (rows - 1) * ld + cols;
    double *m = guarded(n);
    for (ptrdiff_t i = 0; i < n; i++) m[i] = (i % ld) < cols ? sym() : NAN;
    return m;
}

static double *vector(ptrdiff_t n) {
    double *v = guarded(n);
    for (ptrdiff_t i = 0; i < n; i++) v[i] = sym();
    return v;
}

static double *filled(ptrdiff_t n, double x) {
    double *v = guarded(n);
    for (ptrdiff_t i = 0; i < n; i++) v[i] = x;
    return v;
}

// MARK: matrix-vector products

static void check_gemv(ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld) {
    double *W = matrix(rows, cols, ld), *x = vector(cols), *b = vector(rows);
    if (cols > 2) x[1] = 0;
    double *y = filled(rows, 7), *yr = filled(rows, 7), *y0 = filled(rows, 7), *acc = guarded(rows);
    K->gemv(W, rows, cols, ld, x, b, y, 0);
    K->gemv(W, rows, cols, ld, x, b, yr, 1);
    K->gemv(W, rows, cols, ld, x, NULL, y0, 0);
    memcpy(acc, b, (size_t)rows * 8);
    K->gemv(W, rows, cols, ld, x, acc, acc, 0);   // in place: y = y + W x
    for (ptrdiff_t i = 0; i < rows; i++) {
        double s = 0, size = 0;
        for (ptrdiff_t j = 0; j < cols; j++) { s += W[i * ld + j] * x[j]; size += fabs(W[i * ld + j] * x[j]); }
        cases++;
        if (!near(y[i], b[i] + s, size + fabs(b[i])))
            { fail("gemv %tdx%td ld %td: y[%td] = %.17g, reference %.17g", rows, cols, ld, i, y[i], b[i] + s); return; }
        if (!near(y0[i], s, size)) { fail("gemv %tdx%td without b: y[%td] = %.17g, reference %.17g", rows, cols, i, y0[i], s); return; }
        if (!same_bits(yr[i], y[i])) { fail("gemv %tdx%td reversed: y[%td] %.17g differs from %.17g", rows, cols, i, yr[i], y[i]); return; }
        if (!same_bits(acc[i], y[i])) { fail("gemv %tdx%td in place: y[%td] %.17g differs from %.17g", rows, cols, i, acc[i], y[i]); return; }
    }
    if (!front_intact(y) || !front_intact(yr)) fail("gemv %tdx%td wrote before y", rows, cols);
}

static void check_gemv_t(ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld) {
    double *W = matrix(rows, cols, ld), *x = vector(rows), *b = vector(cols);
    for (ptrdiff_t i = 1; i < rows; i += 5) x[i] = 0;   // zero entries are skipped
    double *y = filled(cols, 7), *yr = filled(cols, 7), *y0 = filled(cols, 7);
    K->gemv_t(W, rows, cols, ld, x, b, y, 0);
    K->gemv_t(W, rows, cols, ld, x, b, yr, 1);
    K->gemv_t(W, rows, cols, ld, x, NULL, y0, 0);
    for (ptrdiff_t j = 0; j < cols; j++) {
        double s = 0, size = 0;
        for (ptrdiff_t i = 0; i < rows; i++) { s += W[i * ld + j] * x[i]; size += fabs(W[i * ld + j] * x[i]); }
        cases++;
        if (!near(y[j], b[j] + s, size + fabs(b[j])))
            { fail("gemv_t %tdx%td ld %td: y[%td] = %.17g, reference %.17g", rows, cols, ld, j, y[j], b[j] + s); return; }
        if (!near(y0[j], s, size)) { fail("gemv_t %tdx%td without b: y[%td] = %.17g, reference %.17g", rows, cols, j, y0[j], s); return; }
        if (!same_bits(yr[j], y[j])) { fail("gemv_t %tdx%td reversed: y[%td] %.17g differs from %.17g", rows, cols, j, yr[j], y[j]); return; }
    }
    if (!front_intact(y) || !front_intact(yr)) fail("gemv_t %tdx%td wrote before y", rows, cols);
}

// MARK: products over a sequence

/// C (+)= Pᵀ Q with P[t·ldp + i·pi]: the weight-gradient form (ldp ≥ m, pi 1), the product form
/// (ldp 1, pi a row stride) and the bias form (ldp 0, pi 0: a single number for every t, i).
static void check_gemm_tn(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, int form, int accumulate) {
    ptrdiff_t ldp = form == 0 ? m + 2 : (form == 1 ? 1 : 0), pi = form == 0 ? 1 : (form == 1 ? k + 3 : 0);
    ptrdiff_t ldq = n + 1, ldc = n + 5;
    ptrdiff_t pn = form == 0 ? (k - 1) * ldp + m : (form == 1 ? (m - 1) * pi + k : 1);
    double *P = guarded(pn), *Q = matrix(k, n, ldq);
    for (ptrdiff_t i = 0; i < pn; i++)   // NaN where no (t, i) lands: a read of it shows
        P[i] = (form == 0 && i % ldp >= m) || (form == 1 && i % pi >= k) ? NAN : sym();
    if (form == 2) P[0] = 1;
    double *C0 = guarded(m * ldc), *C = guarded(m * ldc);
    for (ptrdiff_t i = 0; i < m * ldc; i++) C0[i] = sym();
    memcpy(C, C0, (size_t)(m * ldc) * 8);
    K->gemm_tn(C, m, n, ldc, P, ldp, pi, Q, ldq, k, accumulate);
    for (ptrdiff_t i = 0; i < m; i++) {
        for (ptrdiff_t j = 0; j < ldc; j++) {
            double *c = C + i * ldc + j, c0 = C0[i * ldc + j];
            if (j >= n) {
                if (!same_bits(*c, c0)) { fail("gemm_tn %tdx%td k %td form %d: wrote into the padding", m, n, k, form); return; }
                continue;
            }
            double s = 0, size = 0;
            for (ptrdiff_t t = 0; t < k; t++) {
                double term = P[t * ldp + i * pi] * Q[t * ldq + j];
                s += term;
                size += fabs(term);
            }
            double want = accumulate ? c0 + s : s;
            cases++;
            if (!near(*c, want, size + (accumulate ? fabs(c0) : 0))) {
                fail("gemm_tn %tdx%td k %td form %d acc %d: C[%td,%td] = %.17g, reference %.17g", m, n, k, form,
                     accumulate, i, j, *c, want);
                return;
            }
        }
    }
    if (!front_intact(C)) fail("gemm_tn %tdx%td wrote before C", m, n);
}

/// Y = b + W·Xᵀ: each row the bits gemv gives it, and near the reference loop.
static void check_gemm_nt(ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t k, int bias) {
    ptrdiff_t ld = cols + 3, ldx = cols + 2, ldy = rows + 1;
    double *W = matrix(rows, cols, ld), *X = matrix(k, cols, ldx), *b = vector(rows);
    double *Y = filled(k * ldy, 7), *y = guarded(rows);
    K->gemm_nt(W, rows, cols, ld, X, ldx, k, bias ? b : NULL, Y, ldy);
    for (ptrdiff_t t = 0; t < k; t++) {
        const double *x = X + t * ldx;
        K->gemv(W, rows, cols, ld, x, bias ? b : NULL, y, 0);
        for (ptrdiff_t i = 0; i < rows; i++) {
            double s = bias ? b[i] : 0, size = bias ? fabs(b[i]) : 0;
            for (ptrdiff_t j = 0; j < cols; j++) { s += W[i * ld + j] * x[j]; size += fabs(W[i * ld + j] * x[j]); }
            double got = Y[t * ldy + i];
            cases++;
            if (!same_bits(got, y[i])) { fail("gemm_nt %tdx%td k %td: Y[%td,%td] %.17g is not gemv's %.17g", rows, cols, k, t, i, got, y[i]); return; }
            if (!near(got, s, size)) { fail("gemm_nt %tdx%td k %td: Y[%td,%td] = %.17g, reference %.17g", rows, cols, k, t, i, got, s); return; }
        }
        if (Y[t * ldy + rows] != 7) { fail("gemm_nt %tdx%td: wrote into a row's padding", rows, cols); return; }
    }
    if (!front_intact(Y)) fail("gemm_nt %tdx%td wrote before Y", rows, cols);
}

static void check_ger(ptrdiff_t rows, ptrdiff_t cols) {
    ptrdiff_t ld = cols + 3, n = rows * ld;
    double *D0 = guarded(n), *D = guarded(n), *u = vector(rows), *v = vector(cols);
    u[0] = 0;
    for (ptrdiff_t i = 0; i < n; i++) D0[i] = sym();
    memcpy(D, D0, (size_t)n * 8);
    K->ger(D, rows, cols, ld, u, v);
    for (ptrdiff_t i = 0; i < rows; i++)
        for (ptrdiff_t j = 0; j < ld; j++) {
            double d0 = D0[i * ld + j];
            cases++;
            if (j >= cols) {
                if (!same_bits(D[i * ld + j], d0)) { fail("ger %tdx%td: wrote into the padding", rows, cols); return; }
                continue;
            }
            double want = d0 + u[i] * v[j];
            if (!near(D[i * ld + j], want, fabs(d0) + fabs(u[i] * v[j]))) {
                fail("ger %tdx%td: D[%td,%td] = %.17g, reference %.17g", rows, cols, i, j, D[i * ld + j], want);
                return;
            }
        }
}

static void check_add(ptrdiff_t n) {
    double *a = vector(n), *b = vector(n), *y = guarded(n);
    K->add(a, b, y, n);
    for (ptrdiff_t i = 0; i < n; i++) {
        cases++;
        if (!same_bits(y[i], b[i] + a[i])) { fail("add n %td: y[%td] = %.17g, reference %.17g", n, i, y[i], b[i] + a[i]); return; }
    }
    K->add(a, b, a, n);   // in place
    for (ptrdiff_t i = 0; i < n; i++) if (!same_bits(a[i], y[i])) { fail("add n %td in place differs at %td", n, i); return; }
}

// MARK: element-wise functions

/// Arguments over the whole range: both signs, zeros, subnormals, the largest, ±∞, NaN, the
/// edges where e^x overflows and underflows, random bit patterns (every exponent equally
/// often) and random values where the functions are not constant.
static ptrdiff_t make_arguments(double *xs, ptrdiff_t random) {
    const double fixed[] = {0, -0.0, INFINITY, -INFINITY, NAN, 0x1p-1074, -0x1p-1074, 0x1p-1022, -0x1p-1022,
                            0x1.fffffffffffffp1023, -0x1.fffffffffffffp1023, 709.782712893384, 709.7827128933841,
                            -745.1332191019411, -745.1332191019412, -708.4, -720, 1e-8, -1e-8, 0.5, -0.5,
                            19.06, 20, -20, 21, 1e300, -1e300};
    ptrdiff_t n = 0;
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) xs[n++] = fixed[i];
    for (ptrdiff_t i = 0; i < random; i++) {
        uint64_t bits = next64();
        double x;
        memcpy(&x, &bits, 8);
        xs[n++] = isnan(x) ? 1 : x;
        xs[n++] = sym() * 750;
        xs[n++] = sym() * 20;
        xs[n++] = sym() * 0.5;
    }
    return n;
}

/// σ(x) from the system's e^x, as the kernels write it (from e^−|x|, so nothing overflows).
static double sigmoid_ref(double x) { return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)); }

static void check_elementwise(ptrdiff_t random) {
    double *xs = guarded(27 + 4 * random);
    ptrdiff_t n = make_arguments(xs, random);
    double *e = guarded(n), *t = guarded(n), *s = guarded(n), *r = guarded(n);
    K->exp(xs, e, n);
    K->activate(UK_TANH, xs, t, n);
    K->activate(UK_SIGMOID, xs, s, n);
    K->activate(UK_RELU, xs, r, n);
    double we = 0, wt = 0, ws = 0, xe = 0, xt = 0, xsg = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double x = xs[i], ue = ulps(e[i], exp(x)), ut = ulps(t[i], tanh(x)), us = ulps(s[i], sigmoid_ref(x));
        if (ue > we) { we = ue; xe = x; }
        if (ut > wt) { wt = ut; xt = x; }
        if (us > ws) { ws = us; xsg = x; }
        if (!isnan(x) && signbit(t[i]) != signbit(x)) fail("tanh(%g) = %g has the wrong sign", x, t[i]);
        double relu = x > 0 || isnan(x) ? x : 0;
        if (!(same_bits(r[i], relu) || (isnan(r[i]) && isnan(relu)) || (r[i] == 0 && relu == 0)))
            fail("relu(%g) = %g", x, r[i]);
        cases += 4;
    }
    // measured on x86-64 and aarch64: exp 1 ulp, tanh 3, sigmoid 2 (the Swift tests' bounds)
    if (!(we <= 2)) fail("exp: %g ulp from libm at x = %.17g (bound 2)", we, xe);
    if (!(wt <= 4)) fail("tanh: %g ulp from libm at x = %.17g (bound 4)", wt, xt);
    if (!(ws <= 4)) fail("sigmoid: %g ulp from 1/(1 + e^-x) at x = %.17g (bound 4)", ws, xsg);
    printf("  %s: exp %g ulp, tanh %g ulp, sigmoid %g ulp worst over %td arguments\n", K->name, we, wt, ws, n);
    // the exact values: x, e^x, tanh x
    const double special[][3] = {{0, 1, 0}, {-0.0, 1, -0.0}, {INFINITY, INFINITY, 1}, {-INFINITY, 0, -1},
                                 {0x1p-1074, 1, 0x1p-1074}, {-0x1p-1074, 1, -0x1p-1074}, {710, INFINITY, 1},
                                 {-746, 0, -1}, {1e300, INFINITY, 1}};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
        double x = special[i][0], o[2];
        K->exp(&x, &o[0], 1);
        K->activate(UK_TANH, &x, &o[1], 1);
        if (!same_bits(o[0], special[i][1])) fail("exp(%g) = %.17g, not %g", x, o[0], special[i][1]);
        if (!same_bits(o[1], special[i][2])) fail("tanh(%g) = %.17g, not %g", x, o[1], special[i][2]);
    }
    double nan_in = NAN, o[3];
    K->exp(&nan_in, &o[0], 1);
    K->activate(UK_TANH, &nan_in, &o[1], 1);
    K->activate(UK_SIGMOID, &nan_in, &o[2], 1);
    if (!isnan(o[0]) || !isnan(o[1]) || !isnan(o[2])) fail("exp/tanh/sigmoid of NaN is not NaN");
    // in place (y may be z), every tail length
    for (ptrdiff_t len = 1; len <= 19; len++) {
        double *z = vector(len), *y = guarded(len);
        K->activate(UK_TANH, z, y, len);
        K->activate(UK_TANH, z, z, len);
        for (ptrdiff_t i = 0; i < len; i++) if (!same_bits(z[i], y[i])) { fail("tanh in place, n %td, differs at %td", len, i); break; }
    }
}

static void check_activate_backward(ptrdiff_t n) {
    double *da = vector(n), *z = vector(n), *y = guarded(n), *dz = guarded(n);
    const uk_activation gs[] = {UK_TANH, UK_RELU, UK_SIGMOID};
    for (int g = 0; g < 3; g++) {
        K->activate(gs[g], z, y, n);
        K->activate_backward(gs[g], da, y, dz, n);
        for (ptrdiff_t i = 0; i < n; i++) {
            double d = gs[g] == UK_TANH ? 1 - y[i] * y[i] : (gs[g] == UK_RELU ? (y[i] > 0 ? 1 : 0) : y[i] * (1 - y[i]));
            double want = da[i] * d;
            cases++;
            if (!(ulps(dz[i], want) <= 2)) { fail("activate_backward g %d n %td: dz[%td] = %.17g, reference %.17g", g, n, i, dz[i], want); return; }
        }
    }
}

static void check_softmax(ptrdiff_t n, double spread) {
    double *x = guarded(n), *y = guarded(n);
    for (ptrdiff_t i = 0; i < n; i++) x[i] = sym() * spread;
    double sum, m = K->softmax(x, y, n, &sum);
    double mx = -INFINITY;
    for (ptrdiff_t i = 0; i < n; i++) if (x[i] > mx) mx = x[i];
    double s = 0;
    for (ptrdiff_t i = 0; i < n; i++) s += exp(x[i] - mx);
    cases++;
    if (!same_bits(m, mx)) { fail("softmax n %td: max %.17g, reference %.17g", n, m, mx); return; }
    if (!(fabs(sum - s) <= 1e-14 * s)) { fail("softmax n %td: sum %.17g, reference %.17g", n, sum, s); return; }
    for (ptrdiff_t i = 0; i < n; i++) {
        double want = exp(x[i] - mx) / s;
        cases++;
        // (+ 4 ulp of the subnormals, where e^x is subnormal)
        if (!(fabs(y[i] - want) <= 1e-14 * want + 0x1p-1072)) { fail("softmax n %td: y[%td] = %.17g, reference %.17g", n, i, y[i], want); return; }
    }
}

static void check_sum_squares(ptrdiff_t n) {
    double *x = vector(n), s = 0;
    for (ptrdiff_t i = 0; i < n; i++) s += x[i] * x[i];
    cases++;
    double got = K->sum_squares(x, n);
    if (!near(got, s, s)) fail("sum_squares n %td: %.17g, reference %.17g", n, got, s);
}

// MARK: optimizer steps

static double clip_ref(double g, double scale, double c) {
    g = g * scale;
    return g > c ? c : (g < -c ? -c : g);
}

/// One optimizer kind (0 SGD, 1 Adagrad, 2 Adam) over n parameters, out of place and in place,
/// against a loop that writes the header's equations; a NaN gradient stays NaN.
static void check_optimizer(int kind, ptrdiff_t n, double scale, double clip) {
    const char *names[] = {"sgd", "adagrad", "adam"};
    double *th = vector(n), *m = guarded(n), *v = guarded(n), *g = vector(n);
    for (ptrdiff_t i = 0; i < n; i++) { g[i] *= 8; m[i] = unit(); v[i] = unit(); }
    if (n > 3) g[3] = NAN;
    double *g1 = guarded(n), *th1 = guarded(n), *m1 = guarded(n), *v1 = guarded(n);
    double *g2 = guarded(n), *th2 = guarded(n), *m2 = guarded(n), *v2 = guarded(n);
    memcpy(g1, g, (size_t)n * 8);
    memcpy(g2, g, (size_t)n * 8);
    memcpy(th2, th, (size_t)n * 8);
    memcpy(m2, m, (size_t)n * 8);
    memcpy(v2, v, (size_t)n * 8);
    const double lr = 0.01, eps = 1e-8, b1 = 0.9, b2 = 0.999, c1 = 1 - pow(0.9, 3), c2 = 1 - pow(0.999, 3);
    double ss1, ss2;
    switch (kind) {
    case 0:
        ss1 = K->sgd(th, g1, th1, n, lr, scale, clip);
        ss2 = K->sgd(th2, g2, th2, n, lr, scale, clip);
        break;
    case 1:
        ss1 = K->adagrad(th, m, g1, th1, m1, n, lr, eps, scale, clip);
        ss2 = K->adagrad(th2, m2, g2, th2, m2, n, lr, eps, scale, clip);
        break;
    default:
        ss1 = K->adam(th, m, v, g1, th1, m1, v1, n, lr, b1, b2, c1, c2, eps, scale, clip);
        ss2 = K->adam(th2, m2, v2, g2, th2, m2, v2, n, lr, b1, b2, c1, c2, eps, scale, clip);
        break;
    }
    double ss = 0;
    for (ptrdiff_t i = 0; i < n; i++) ss += g[i] * g[i];
    cases++;
    if (!(same_bits(ss1, ss2) && (isnan(ss) ? isnan(ss1) : near(ss1, ss, ss))))
        { fail("%s n %td: Σg² %.17g (in place %.17g), reference %.17g", names[kind], n, ss1, ss2, ss); return; }
    for (ptrdiff_t i = 0; i < n; i++) {
        double gi = clip_ref(g[i], scale, clip), mi = m[i], vi = v[i], ti;
        if (kind == 0) ti = th[i] - lr * gi;
        else if (kind == 1) { mi = m[i] + gi * gi; ti = th[i] - lr * gi / sqrt(mi + eps); }
        else {
            mi = b1 * m[i] + (1 - b1) * gi;
            vi = b2 * v[i] + (1 - b2) * gi * gi;
            ti = th[i] - lr * (mi / c1) / (sqrt(vi / c2) + eps);
        }
        cases++;
        if (!(ulps(g1[i], gi) == 0 && ulps(g2[i], gi) == 0)) { fail("%s n %td: clipped g[%td] = %.17g, reference %.17g", names[kind], n, i, g1[i], gi); return; }
        if (!(ulps(th1[i], ti) <= 2 && ulps(th2[i], ti) <= 2)) { fail("%s n %td: θ[%td] = %.17g (in place %.17g), reference %.17g", names[kind], n, i, th1[i], th2[i], ti); return; }
        if (kind >= 1 && !(ulps(m1[i], mi) <= 2 && ulps(m2[i], mi) <= 2)) { fail("%s n %td: m[%td] = %.17g, reference %.17g", names[kind], n, i, m1[i], mi); return; }
        if (kind == 2 && !(ulps(v1[i], vi) <= 2 && ulps(v2[i], vi) <= 2)) { fail("adam n %td: v[%td] = %.17g, reference %.17g", n, i, v1[i], vi); return; }
        if (isnan(g[i]) && !isnan(th1[i])) { fail("%s: a NaN gradient gave θ = %g", names[kind], th1[i]); return; }
    }
}

// MARK: one path

static void check_path(const uk_kernels *k) {
    K = k;
    long before = failures, cases0 = cases;
    worst_ratio = 0;
    // odd sizes exercise every tail of the vector loops (widths 4 and 8, blocks of 8 rows)
    static const ptrdiff_t sizes[][2] = {{1, 1}, {3, 5}, {8, 8}, {9, 13}, {17, 31}, {37, 70}, {100, 100}, {27, 100}, {64, 129}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        ptrdiff_t r = sizes[s][0], c = sizes[s][1];
        check_gemv(r, c, c + 3);
        check_gemv(r, c, c);
        check_gemv_t(r, c, c + 3);
        check_gemv_t(r, c, c);
        for (int form = 0; form < 3; form++)
            for (int acc = 0; acc < 2; acc++) check_gemm_tn(r, c, 7, form, acc);
        check_gemm_nt(r, c, 7, 1);
        check_gemm_nt(r, c, 4, 0);
        check_ger(r, c);
    }
    // a matrix larger than the L2 cache goes through gemv_t row by row (and column tails after)
    check_gemv_t(300, 150, 153);
    check_gemv_t(70, 600, 600);
    check_gemv_t(130, 270, 271);
    check_gemv(300, 150, 153);
    // past 524 288 entries (or 4M multiply-adds) the kernels may split the work over two threads
    check_gemv(1100, 480, 481);
    check_gemv_t(530, 1000, 1003);
    check_gemm_tn(64, 260, 300, 0, 1);
    check_gemm_nt(40, 400, 300, 1);
    // long sequences and wide C: gemm_tn in panels of steps and columns, gemm_nt in panels of steps
    check_gemm_tn(7, 300, 300, 0, 0);
    check_gemm_tn(13, 140, 260, 0, 1);
    check_gemm_tn(20, 130, 9, 1, 0);
    check_gemm_nt(7, 300, 300, 0);
    check_gemm_nt(10, 1030, 30, 1);
    for (ptrdiff_t n = 1; n <= 40; n++) check_add(n);
    check_add(1027);
    check_elementwise(25000);
    for (ptrdiff_t n = 1; n <= 20; n++) check_activate_backward(n);
    check_activate_backward(257);
    const ptrdiff_t sm[] = {1, 2, 3, 7, 8, 9, 27, 64, 65, 100};
    for (size_t i = 0; i < sizeof sm / sizeof sm[0]; i++) { check_softmax(sm[i], 10); check_softmax(sm[i], 400); }
    for (ptrdiff_t n = 1; n <= 40; n++) check_sum_squares(n);
    check_sum_squares(15527);
    const ptrdiff_t on[] = {1, 3, 4, 5, 8, 9, 17, 100, 15527};
    for (int kind = 0; kind < 3; kind++)
        for (size_t i = 0; i < sizeof on / sizeof on[0]; i++) {
            check_optimizer(kind, on[i], 1, 5);
            check_optimizer(kind, on[i], 0.25, INFINITY);
        }
    printf("  %s: %ld cases, %s (sums: worst error %.3f of the bound 1e-14·Σ|terms|)\n", k->name, cases - cases0,
           failures == before ? "all agree with the reference loops" : "FAILED", worst_ratio);
}

int main(int argc, char **argv) {
    const char *want_chosen = NULL;
    int want_warning = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--chosen") == 0 && i + 1 < argc) want_chosen = argv[++i];
        else if (strcmp(argv[i], "--warned") == 0) want_warning = 1;
        else if (strcmp(argv[i], "--call-avx2") == 0) {
#if defined(__x86_64__)
            double W[8] = {1, 2, 3, 4, 5, 6, 7, 8}, x[8] = {1, 1, 1, 1, 1, 1, 1, 1}, y[1];
            uk_kernels_avx2.gemv(W, 1, 8, 8, x, NULL, y, 0);
            printf("kernel_check: the avx2 table ran on this CPU (y = %g)\n", y[0]);
            return 0;
#else
            fprintf(stderr, "kernel_check: --call-avx2 is for x86-64 builds\n");
            return 2;
#endif
        } else {
            fprintf(stderr, "usage: kernel_check [--chosen baseline|avx2|avx512] [--warned] [--call-avx2]\n");
            return 2;
        }
    }
#if defined(__aarch64__)
    const char *arch = "aarch64";
#elif defined(__x86_64__)
    const char *arch = "x86-64";
#else
    const char *arch = "this architecture";
#endif
    uk_path chosen = uk_chosen_path();
    const char *warning = uk_choice_warning();
    printf("kernel_check on %s: compiled", arch);
    for (int p = 0; p < 3; p++) if (uk_compiled((uk_path)p)) printf(" %s", path_names[p]);
    printf("; this CPU runs");
    for (int p = 0; p < 3; p++) if (uk_cpu_supports((uk_path)p)) printf(" %s", path_names[p]);
    printf("; chosen %s%s\n", path_names[chosen], warning ? " (after a warning)" : "");
    int bad = 0;
    if (!uk_cpu_supports(UK_BASELINE) || uk_kernels_for(UK_BASELINE) == NULL) { printf("FAIL baseline is not available\n"); bad = 1; }
    if (!uk_cpu_supports(chosen)) { printf("FAIL the chosen path %s is not supported\n", path_names[chosen]); bad = 1; }
    if (want_chosen && strcmp(want_chosen, path_names[chosen]) != 0) { printf("FAIL chose %s, expected %s\n", path_names[chosen], want_chosen); bad = 1; }
    if (want_warning && warning == NULL) { printf("FAIL expected a warning about UNROLL_KERNELS\n"); bad = 1; }
#if !defined(__x86_64__)
    if (uk_compiled(UK_AVX2) || uk_compiled(UK_AVX512) || uk_kernels_for(UK_AVX2) || uk_kernels_for(UK_AVX512))
        { printf("FAIL avx2/avx512 claimed on %s\n", arch); bad = 1; }
#endif
    for (int p = 0; p < 3; p++) {
        const uk_kernels *k = uk_kernels_for((uk_path)p);
        if (k == NULL) continue;
        if (strcmp(k->name, path_names[p]) != 0) { printf("FAIL table %d is named %s\n", p, k->name); bad = 1; }
        check_path(k);
    }
    if (failures > 0 || bad) {
        printf("kernel_check on %s: FAILED (%ld failures)\n", arch, failures);
        return 1;
    }
    printf("kernel_check on %s: ok\n", arch);
    return 0;
}
