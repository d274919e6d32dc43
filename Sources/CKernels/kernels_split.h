// The large kernels split over two threads (threads.c): rows of W·x, columns of Wᵀ·x, blocks
// of rows (or columns) of the products over a sequence. Each part is the one-thread kernel on
// a slice of the output, and every entry of the output is summed by exactly the same code
// whichever slice holds it (the slices of Wᵀ·x start at a multiple of 8 vectors, where its
// one-thread strips start too), so the result is the same bits with one thread or two.
// Included by kernels_body.h after the one-thread kernels.

void uk_run_parts(void (*run)(void *arg, int part), void *arg, int parts);

/// Entries of W (rows × cols) from which W·x and Wᵀ·x are split: n_a ≈ 724 and above (n_a = 1024:
/// 8 MB streamed from the L3 cache per product). At n_a = 512 (2 MB) the halves cost more in
/// waiting than they save (measured: 1 thread 92–101 µs per step, 2 threads 107–120), and the
/// second core has the work off the recurrence to do instead (`Overlap`).
#ifndef SPLIT_GEMV_MIN
#define SPLIT_GEMV_MIN 524288
#endif
/// Multiply-adds from which the products over a sequence are split.
#ifndef SPLIT_GEMM_MIN
#define SPLIT_GEMM_MIN 4194304.0
#endif

typedef struct {
    const double *W, *x, *b;
    double *y;
    ptrdiff_t rows, cols, ld, step;
    int reverse;
} split_gemv;

/// Part p of y = b + W x: rows [p·step, (p+1)·step).
static void gemv_part(void *arg, int p) {
    const split_gemv *j = arg;
    ptrdiff_t i = p * j->step, n = j->rows - i < j->step ? j->rows - i : j->step;
    gemv_one(j->W + i * j->ld, n, j->cols, j->ld, j->x, j->b ? j->b + i : 0, j->y + i, j->reverse);
}

static void gemv(const double *W, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld,
                 const double *x, const double *b, double *y, int reverse) {
    if (rows * cols < SPLIT_GEMV_MIN || rows < 64 || uk_threads() < 2) {
        gemv_one(W, rows, cols, ld, x, b, y, reverse);
        return;
    }
    // two halves (8 rows a block), the first half the caller's in the usual case
    split_gemv j = {W, x, b, y, rows, cols, ld, (rows + 15) / 16 * 8, reverse};
    uk_run_parts(gemv_part, &j, 2);
}

/// Part p of y = b + Wᵀ x: columns [p·step, (p+1)·step), step a multiple of 8 vectors.
static void gemv_t_part(void *arg, int p) {
    const split_gemv *j = arg;
    ptrdiff_t c = p * j->step, n = j->cols - c < j->step ? j->cols - c : j->step;
    gemv_t_one(j->W + c, j->rows, n, j->ld, j->x, j->b ? j->b + c : 0, j->y + c, j->reverse);
}

static void gemv_t(const double *W, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld,
                   const double *x, const double *b, double *y, int reverse) {
    ptrdiff_t strip = 8 * VN, step = (cols + 2 * strip - 1) / (2 * strip) * strip;
    if (rows * cols < SPLIT_GEMV_MIN || cols < 2 * strip || uk_threads() < 2) {
        gemv_t_one(W, rows, cols, ld, x, b, y, reverse);
        return;
    }
    split_gemv j = {W, x, b, y, rows, cols, ld, step, reverse};
    uk_run_parts(gemv_t_part, &j, 2);
}

typedef struct {
    double *C;
    const double *P, *Q;
    ptrdiff_t m, n, ldc, ldp, pi, ldq, k, step;
    int accumulate, byRows;
} split_gemm_tn;

/// Part p of C (+)= Pᵀ Q: rows (or columns) [p·step, (p+1)·step) of C.
static void gemm_tn_part(void *arg, int p) {
    const split_gemm_tn *j = arg;
    ptrdiff_t s = p * j->step;
    if (j->byRows) {
        ptrdiff_t m = j->m - s < j->step ? j->m - s : j->step;
        gemm_tn_one(j->C + s * j->ldc, m, j->n, j->ldc, j->P + s * j->pi, j->ldp, j->pi, j->Q, j->ldq, j->k, j->accumulate);
    } else {
        ptrdiff_t n = j->n - s < j->step ? j->n - s : j->step;
        gemm_tn_one(j->C + s, j->m, n, j->ldc, j->P, j->ldp, j->pi, j->Q + s, j->ldq, j->k, j->accumulate);
    }
}

/// (split along the longer side of C, so that the operand both parts copy is the smaller one)
static void gemm_tn(double *C, ptrdiff_t m, ptrdiff_t n, ptrdiff_t ldc, const double *P, ptrdiff_t ldp, ptrdiff_t pi,
                    const double *Q, ptrdiff_t ldq, ptrdiff_t k, int accumulate) {
    int byRows = m >= n;
    ptrdiff_t side = byRows ? m : n, unit = byRows ? GR : GW;
    if ((double)m * (double)n * (double)k < SPLIT_GEMM_MIN || side < 4 * unit || uk_threads() < 2) {
        gemm_tn_one(C, m, n, ldc, P, ldp, pi, Q, ldq, k, accumulate);
        return;
    }
    split_gemm_tn j = {C, P, Q, m, n, ldc, ldp, pi, ldq, k, (side + 2 * unit - 1) / (2 * unit) * unit, accumulate, byRows};
    uk_run_parts(gemm_tn_part, &j, 2);
}

typedef struct {
    const double *W, *X, *b;
    double *Y;
    ptrdiff_t rows, cols, ld, ldx, k, ldy, step;
} split_gemm_nt;

/// Part p of Y = b + W Xᵀ: rows [p·step, (p+1)·step) of W (columns of Y).
static void gemm_nt_part(void *arg, int p) {
    const split_gemm_nt *j = arg;
    ptrdiff_t i = p * j->step, n = j->rows - i < j->step ? j->rows - i : j->step;
    gemm_nt_one(j->W + i * j->ld, n, j->cols, j->ld, j->X, j->ldx, j->k, j->b ? j->b + i : 0, j->Y + i, j->ldy);
}

static void gemm_nt(const double *W, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t ld, const double *X, ptrdiff_t ldx,
                    ptrdiff_t k, const double *b, double *Y, ptrdiff_t ldy) {
    if ((double)rows * (double)cols * (double)k < SPLIT_GEMM_MIN || rows < 4 * NR || uk_threads() < 2) {
        gemm_nt_one(W, rows, cols, ld, X, ldx, k, b, Y, ldy);
        return;
    }
    split_gemm_nt j = {W, X, b, Y, rows, cols, ld, ldx, k, ldy, (rows + 2 * NR - 1) / (2 * NR) * NR};
    uk_run_parts(gemm_nt_part, &j, 2);
}
