// The products over a whole sequence, C (+)= Pᵀ·Q (`gemm_tn`: the shared weights' gradients,
// the outputs' part of da) and Y = b + W·Xᵀ (`gemm_nt`: every step's logits), included by
// kernels_body.h (so compiled once per instruction set, with its vd, vfma, ldv, … helpers).
// Small products run on the operands where they lie; large ones on packed copies (below).
#include <stdlib.h>

/// Multiply-adds from which gemm_tn packs its operands.
#ifndef GEMM_PACKED_MIN
#define GEMM_PACKED_MIN 262144.0
#endif

// MARK: products over a sequence, on the operands in place

/// The register block of C (+)= Pᵀ Q: GR rows × GS vectors of accumulators, plus GS vectors
/// of Q and one broadcast of P, all in registers (16 ymm with AVX2, 32 zmm with AVX-512,
/// 16 xmm on baseline x86-64 where a 4-double vector takes two, 32 on arm64). A block that
/// spills an accumulator waits on memory every t.
#if UK_VN == 8
#define GR 6
#define GS 4
#elif UK_FMA && !defined(__aarch64__)
#define GR 6
#define GS 2
#elif defined(__aarch64__)
#define GR 6
#define GS 2
#else
#define GR 2
#define GS 2
#endif

/// R rows × S vectors of C (+)= Pᵀ Q, in registers while t runs (row i of C takes P[t·ldp + i·pi]).
INLINE void gemm_tn_block(int R, int S, double *C, ptrdiff_t ldc, const double *P, ptrdiff_t ldp, ptrdiff_t pi,
                          const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    vd acc[GR][GS];
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++)
#pragma clang loop unroll(full)
        for (int s = 0; s < S; s++) acc[r][s] = splat(0);
    for (ptrdiff_t t = 0; t < k; t++) {
        const double *q = Q + t * ldq, *p = P + t * ldp;
        vd qv[GS];
#pragma clang loop unroll(full)
        for (int s = 0; s < S; s++) qv[s] = ldv(q + s * VN);
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) {
            vd pv = splat(p[r * pi]);
#pragma clang loop unroll(full)
            for (int s = 0; s < S; s++) acc[r][s] = vfma(pv, qv[s], acc[r][s]);
        }
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++)
#pragma clang loop unroll(full)
        for (int s = 0; s < S; s++) {
            double *c = C + r * ldc + s * VN;
            stv(c, accumulate ? ldv(c) + acc[r][s] : acc[r][s]);
        }
}

/// One column j of R rows of C (+)= Pᵀ Q.
INLINE void gemm_tn_column(int R, double *C, ptrdiff_t ldc, const double *P, ptrdiff_t ldp, ptrdiff_t pi,
                           const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    double s[GR];
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++) s[r] = 0;
    for (ptrdiff_t t = 0; t < k; t++) {
        double q = Q[t * ldq];
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) s[r] = sfma(P[t * ldp + r * pi], q, s[r]);
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++) C[r * ldc] = accumulate ? C[r * ldc] + s[r] : s[r];
}

INLINE void gemm_tn_rows(int R, double *C, ptrdiff_t n, ptrdiff_t ldc, const double *P, ptrdiff_t ldp, ptrdiff_t pi,
                         const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    ptrdiff_t j = 0;
    for (; j + GS * VN <= n; j += GS * VN) gemm_tn_block(R, GS, C + j, ldc, P, ldp, pi, Q + j, ldq, k, accumulate);
    for (; j + VN <= n; j += VN) gemm_tn_block(R, 1, C + j, ldc, P, ldp, pi, Q + j, ldq, k, accumulate);
    for (; j < n; j++) gemm_tn_column(R, C + j, ldc, P, ldp, pi, Q + j, ldq, k, accumulate);
}

INLINE void gemm_tn_panel(double *C, ptrdiff_t m, ptrdiff_t n, ptrdiff_t ldc, const double *P, ptrdiff_t ldp, ptrdiff_t pi,
                          const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    ptrdiff_t i = 0;
    for (; i + GR <= m; i += GR) gemm_tn_rows(GR, C + i * ldc, n, ldc, P + i * pi, ldp, pi, Q, ldq, k, accumulate);
    for (; i + 2 <= m; i += 2) gemm_tn_rows(2, C + i * ldc, n, ldc, P + i * pi, ldp, pi, Q, ldq, k, accumulate);
    for (; i < m; i++) gemm_tn_rows(1, C + i * ldc, n, ldc, P + i * pi, ldp, pi, Q, ldq, k, accumulate);
}

/// Steps and columns in panels of GT_STEPS × GT_COLS, so the part of Q a block reads stays in
/// the L2 cache while every block of rows uses it (a long sequence, or a wide C whose stores
/// push Q out, would otherwise stream Q from memory once per block of rows). Within a panel
/// every entry is one chain of fused multiply-adds over t in order, whatever block holds it;
/// panels of steps are added to C in order. Up to GT_STEPS steps (the bench task, the lessons)
/// that is one chain over all t.
#ifndef GT_STEPS
#define GT_STEPS 128
#endif
#define GT_COLS 128
INLINE void gemm_tn_panels(double *C, ptrdiff_t m, ptrdiff_t n, ptrdiff_t ldc, const double *P, ptrdiff_t ldp,
                           ptrdiff_t pi, const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    if (k <= GT_STEPS && n <= GT_COLS) { gemm_tn_panel(C, m, n, ldc, P, ldp, pi, Q, ldq, k, accumulate); return; }
    for (ptrdiff_t t = 0; t < k; t += GT_STEPS) {
        ptrdiff_t kt = k - t < GT_STEPS ? k - t : GT_STEPS;
        for (ptrdiff_t j = 0; j < n; j += GT_COLS) {
            ptrdiff_t nj = n - j < GT_COLS ? n - j : GT_COLS;
            gemm_tn_panel(C + j, m, nj, ldc, P + t * ldp, ldp, pi, Q + t * ldq + j, ldq, kt, accumulate || t > 0);
        }
    }
}

/// (pi = 1, the weight gradients, compiled apart so its broadcasts need no multiply)
static void gemm_tn_inplace(double *C, ptrdiff_t m, ptrdiff_t n, ptrdiff_t ldc, const double *P, ptrdiff_t ldp, ptrdiff_t pi,
                    const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    if (pi == 1) gemm_tn_panels(C, m, n, ldc, P, ldp, 1, Q, ldq, k, accumulate);
    else gemm_tn_panels(C, m, n, ldc, P, ldp, pi, Q, ldq, k, accumulate);
}

// MARK: C (+)= Pᵀ Q on packed panels

// A large product reads its operands from copies laid out in the order the register block
// uses them (as BLAS libraries do): a panel of KC steps × up to NCP columns of Q, in blocks of
// GW columns, each block its KC rows one after the other (8 KB with AVX2: it stays in the L1
// cache while every block of rows passes over it); and MC rows of P at a time, in blocks of GR
// rows, step by step (96 KB: the L2 cache). In place, each step of a block reads a new row of
// P and of Q, a page apart when the rows are long: the hot loop waited on the TLB and the L2
// cache, not on the multiplies (~3 GFLOP/s at n = 1024). The sums are the same chains as
// `gemm_tn_panels` makes: each entry of a panel of KC = GT_STEPS steps one chain of fused
// multiply-adds over t in order from 0, then added to C, panel after panel (rows and columns
// beyond the matrices are zeros in the copies and never stored), so both give the same bits.
#define GW (GS * VN)
#define KC GT_STEPS
#define MC (16 * GR)
#define NCP 1024

/// Pp[b·kc·GR + t·GR + r] = P[t·ldp + (b·GR + r)·pi]   for the blocks b of rows < m (0 past m), t < kc
INLINE void gemm_pack_p(double *Pp, const double *P, ptrdiff_t ldp, ptrdiff_t pi, ptrdiff_t m, ptrdiff_t kc) {
    for (ptrdiff_t i = 0; i < m; i += GR) {
        ptrdiff_t R = m - i < GR ? m - i : GR;
        double *d = Pp + i * kc;
        const double *s = P + i * pi;
        for (ptrdiff_t t = 0; t < kc; t++) {
            for (ptrdiff_t r = 0; r < R; r++) d[t * GR + r] = s[t * ldp + r * pi];
            for (ptrdiff_t r = R; r < GR; r++) d[t * GR + r] = 0;
        }
    }
}

/// Qp[b·kc·GW + t·GW + c] = Q[t·ldq + b·GW + c]   for the blocks b of columns < n (0 past n), t < kc
/// (row by row, so Q is read in its own order)
INLINE void gemm_pack_q(double *Qp, const double *Q, ptrdiff_t ldq, ptrdiff_t n, ptrdiff_t kc) {
    for (ptrdiff_t t = 0; t < kc; t++) {
        const double *q = Q + t * ldq;
        ptrdiff_t j = 0;
        for (; j + GW <= n; j += GW) {
            double *d = Qp + j * kc + t * GW;
#pragma clang loop unroll(full)
            for (int s = 0; s < GS; s++) stv(d + s * VN, ldv(q + j + s * VN));
        }
        if (j < n) {
            double *d = Qp + j * kc + t * GW;
            for (ptrdiff_t c = 0; c < GW; c++) d[c] = j + c < n ? q[j + c] : 0;
        }
    }
}

/// The R × w corner (R ≤ GR, w ≤ GW) of a GR × GW block of C (+)= Pᵀ Q over kc steps, from a
/// block of packed rows Pp and of packed columns Qp: GR·GS accumulators in registers.
INLINE void gemm_tn_micro(const double *Pp, const double *Qp, ptrdiff_t kc, double *C, ptrdiff_t ldc,
                          ptrdiff_t R, ptrdiff_t w, int accumulate) {
    vd acc[GR][GS];
#pragma clang loop unroll(full)
    for (int r = 0; r < GR; r++)
#pragma clang loop unroll(full)
        for (int s = 0; s < GS; s++) acc[r][s] = splat(0);
    for (ptrdiff_t t = 0; t < kc; t++) {
        vd qv[GS];
#pragma clang loop unroll(full)
        for (int s = 0; s < GS; s++) qv[s] = ldv(Qp + t * GW + s * VN);
#pragma clang loop unroll(full)
        for (int r = 0; r < GR; r++) {
            vd pv = splat(Pp[t * GR + r]);
#pragma clang loop unroll(full)
            for (int s = 0; s < GS; s++) acc[r][s] = vfma(pv, qv[s], acc[r][s]);
        }
    }
    if (R == GR && w == GW) {
#pragma clang loop unroll(full)
        for (int r = 0; r < GR; r++)
#pragma clang loop unroll(full)
            for (int s = 0; s < GS; s++) {
                double *c = C + r * ldc + s * VN;
                stv(c, accumulate ? ldv(c) + acc[r][s] : acc[r][s]);
            }
        return;
    }
    double part[GR][GW];
#pragma clang loop unroll(full)
    for (int r = 0; r < GR; r++)
#pragma clang loop unroll(full)
        for (int s = 0; s < GS; s++) stv(&part[r][s * VN], acc[r][s]);
    for (ptrdiff_t r = 0; r < R; r++)
        for (ptrdiff_t c = 0; c < w; c++) C[r * ldc + c] = accumulate ? C[r * ldc + c] + part[r][c] : part[r][c];
}

/// Doubles of the buffer `gemm_tn_packed` needs for a product with n columns and k steps.
static ptrdiff_t gemm_packed_size(ptrdiff_t n, ptrdiff_t k) {
    ptrdiff_t kc = k < KC ? k : KC, nc = n < NCP ? n : NCP;
    return kc * ((nc + GW - 1) / GW * GW) + kc * MC;
}

/// C (+)= Pᵀ Q (as `gemm_tn`) on packed copies in `buf` (gemm_packed_size(n, k) doubles).
static void gemm_tn_packed(double *C, ptrdiff_t m, ptrdiff_t n, ptrdiff_t ldc, const double *P, ptrdiff_t ldp,
                           ptrdiff_t pi, const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate, double *buf) {
    ptrdiff_t kcMax = k < KC ? k : KC, ncMax = n < NCP ? n : NCP;
    double *Qp = buf, *Pp = buf + kcMax * ((ncMax + GW - 1) / GW * GW);
    for (ptrdiff_t t = 0; t < k; t += KC) {
        ptrdiff_t kc = k - t < KC ? k - t : KC;
        int add = accumulate || t > 0;
        for (ptrdiff_t j = 0; j < n; j += NCP) {
            ptrdiff_t nc = n - j < NCP ? n - j : NCP;
            gemm_pack_q(Qp, Q + t * ldq + j, ldq, nc, kc);
            for (ptrdiff_t i = 0; i < m; i += MC) {
                ptrdiff_t mc = m - i < MC ? m - i : MC;
                gemm_pack_p(Pp, P + t * ldp + i * pi, ldp, pi, mc, kc);
                for (ptrdiff_t jb = 0; jb < nc; jb += GW) {
                    ptrdiff_t w = nc - jb < GW ? nc - jb : GW;
                    for (ptrdiff_t ib = 0; ib < mc; ib += GR) {
                        ptrdiff_t R = mc - ib < GR ? mc - ib : GR;
                        gemm_tn_micro(Pp + ib * kc, Qp + jb * kc, kc, C + (i + ib) * ldc + j + jb, ldc, R, w, add);
                    }
                }
            }
        }
    }
}

/// C (+)= Pᵀ Q: on packed copies when the product is large enough to repay them (and the
/// memory for them can be had), else in place; the same bits either way.
static void gemm_tn_one(double *C, ptrdiff_t m, ptrdiff_t n, ptrdiff_t ldc, const double *P, ptrdiff_t ldp, ptrdiff_t pi,
                    const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    if (m >= GR && n >= GW && k >= 8 && (double)m * (double)n * (double)k >= GEMM_PACKED_MIN) {
        size_t bytes = ((size_t)gemm_packed_size(n, k) * 8 + 63) / 64 * 64;
        double *buf = aligned_alloc(64, bytes);
        if (buf) {
            gemm_tn_packed(C, m, n, ldc, P, ldp, pi, Q, ldq, k, accumulate, buf);
            free(buf);
            return;
        }
    }
    gemm_tn_inplace(C, m, n, ldc, P, ldp, pi, Q, ldq, k, accumulate);
}

// MARK: Y = b + W Xᵀ

/// The register block of Y = b + W·Xᵀ: NR rows of W × NS rows of X, NR·NS accumulators plus NR
/// vectors of W and one of X in registers.
#if UK_VN == 8 || UK_FMA || defined(__aarch64__)
#define NR 3
#define NS 3
#else
#define NR 2
#define NS 2
#endif

/// R rows of W against S rows of X: R·S accumulators (one per entry, over j), each entry then
/// summed exactly as `gemv_rows` sums it, so Y's rows are gemv's results bit for bit.
INLINE void gemm_nt_block(int R, int S, const double *W, ptrdiff_t cols, ptrdiff_t ld, const double *X, ptrdiff_t ldx,
                          const double *b, double *Y, ptrdiff_t ldy) {
    vd acc[NS][NR];
#pragma clang loop unroll(full)
    for (int s = 0; s < S; s++)
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) acc[s][r] = splat(0);
    ptrdiff_t j = 0;
    for (; j + VN <= cols; j += VN) {
        vd w[NR];
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) w[r] = ldv(W + r * ld + j);
#pragma clang loop unroll(full)
        for (int s = 0; s < S; s++) {
            vd xv = ldv(X + s * ldx + j);
#pragma clang loop unroll(full)
            for (int r = 0; r < R; r++) acc[s][r] = vfma(w[r], xv, acc[s][r]);
        }
    }
#pragma clang loop unroll(full)
    for (int s = 0; s < S; s++) {
        double sum[NR];
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) sum[r] = hsum(acc[s][r]);
        for (ptrdiff_t jt = j; jt < cols; jt++) {
#pragma clang loop unroll(full)
            for (int r = 0; r < R; r++) sum[r] = sfma(W[r * ld + jt], X[s * ldx + jt], sum[r]);
        }
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) Y[s * ldy + r] = (b ? b[r] : 0.0) + sum[r];
    }
}

INLINE void gemm_nt_rows(int R, const double *W, ptrdiff_t cols, ptrdiff_t ld, const double *X, ptrdiff_t ldx,
                         ptrdiff_t k, const double *b, double *Y, ptrdiff_t ldy) {
    ptrdiff_t t = 0;
    for (; t + NS <= k; t += NS) gemm_nt_block(R, NS, W, cols, ld, X + t * ldx, ldx, b, Y + t * ldy, ldy);
    for (; t < k; t++) gemm_nt_block(R, 1, W, cols, ld, X + t * ldx, ldx, b, Y + t * ldy, ldy);
}

/// Steps in panels of about 192 KB of X (a multiple of NS steps), each panel staying in the L2
/// cache while every block of W's rows passes over it (a block of rows stays in L1 meanwhile):
/// without panels, a long sequence streams all of X from memory once per block of rows. Each
/// entry is the same sum whatever panel holds it.
static void gemm_nt_one(const double *W, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld, const double *X, ptrdiff_t ldx,
                    ptrdiff_t k, const double *b, double *Y, ptrdiff_t ldy) {
    ptrdiff_t panel = 24576 / (cols > 0 ? cols : 1) / NS * NS;
    if (panel < NS) panel = NS;
    for (ptrdiff_t t = 0; t < k; t += panel) {
        ptrdiff_t kt = k - t < panel ? k - t : panel;
        const double *Xt = X + t * ldx;
        double *Yt = Y + t * ldy;
        ptrdiff_t i = 0;
        for (; i + NR <= rows; i += NR) gemm_nt_rows(NR, W + i * ld, cols, ld, Xt, ldx, kt, b ? b + i : 0, Yt + i, ldy);
        for (; i < rows; i++) gemm_nt_rows(1, W + i * ld, cols, ld, Xt, ldx, kt, b ? b + i : 0, Yt + i, ldy);
    }
}

