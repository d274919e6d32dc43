// Times the dense kernels at the largest lesson's shapes (n = 1024), outside the package:
//   Benchmarks/kernel-timing.sh [T]      (builds Sources/CKernels with Package.swift's flags)
// For each kernel: milliseconds per call and multiply-adds per second (GMAC/s), one thread and
// two (UNROLL_THREADS as the program reads it; uk_set_threads here), the fastest of RUNS calls.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "CKernels.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double *mat(size_t n) {
    double *p = aligned_alloc(64, (n * 8 + 63) / 64 * 64);
    for (size_t i = 0; i < n; i++) p[i] = ((double)((i * 2654435761u) % 1000) - 500) * 1e-3;
    return p;
}

#define RUNS 5
int main(int argc, char **argv) {
    const uk_kernels *k = uk_kernels_for(uk_chosen_path());
    const ptrdiff_t n = 1024, ld = 1032;
    ptrdiff_t T = argc > 1 ? atol(argv[1]) : 2000;
    double *W = mat(n * ld), *A = mat((T + 1) * ld), *DZ = mat(T * ld), *C = mat(n * ld), *DA = mat(T * ld);
    double *x = mat(ld), *y = mat(ld);
    printf("kernels: %s, n = %td, T = %td\n", k->name, n, T);
    for (int threads = 1; threads <= 2; threads++) {
        uk_set_threads(threads);
        double best;
        // the weight gradients: dWaa = Σ_t dz<t>·a<t-1>ᵀ (m = n = 1024, k = T)
        best = 1e9;
        for (int r = 0; r < RUNS; r++) {
            double t0 = now();
            k->gemm_tn(C, n, n, ld, DZ, ld, 1, A, ld, T, 0);
            double dt = now() - t0; if (dt < best) best = dt;
        }
        printf("%d thread(s) gemm_tn dWaa (1024x1024, k=T)   %8.1f ms  %5.1f GMAC/s\n", threads, best * 1e3, (double)n * n * T / best * 1e-9);
        // the outputs' part of da: DA = DY·Wya (m = T, n = 1024, k = 1024, P strided)
        best = 1e9;
        for (int r = 0; r < RUNS; r++) {
            double t0 = now();
            k->gemm_tn(DA, T, n, ld, DZ, 1, ld, W, ld, n, 0);
            double dt = now() - t0; if (dt < best) best = dt;
        }
        printf("%d thread(s) gemm_tn DY*Wya (Tx1024, k=1024)  %8.1f ms  %5.1f GMAC/s\n", threads, best * 1e3, (double)n * n * T / best * 1e-9);
        // the logits: ZY = A·Wyaᵀ (every step's Wya·a<t>)
        best = 1e9;
        for (int r = 0; r < RUNS; r++) {
            double t0 = now();
            k->gemm_nt(W, n, n, ld, A, ld, T, x, DA, ld);
            double dt = now() - t0; if (dt < best) best = dt;
        }
        printf("%d thread(s) gemm_nt Wya*a<t> (k=T)          %8.1f ms  %5.1f GMAC/s\n", threads, best * 1e3, (double)n * n * T / best * 1e-9);
        // the recurrences: Waa·a<t-1>, Waaᵀ·dz<t>, alternating direction, 1000 calls
        for (int tr = 0; tr < 2; tr++) {
            best = 1e9;
            for (int r = 0; r < RUNS; r++) {
                double t0 = now();
                for (int s = 0; s < 1000; s++) {
                    if (tr) k->gemv_t(W, n, n, ld, x, 0, y, s & 1);
                    else k->gemv(W, n, n, ld, x, x, y, s & 1);
                }
                double dt = (now() - t0) / 1000; if (dt < best) best = dt;
            }
            printf("%d thread(s) %s                          %8.1f us  %5.1f GB/s of W\n", threads, tr ? "gemv_t" : "gemv  ", best * 1e6, (double)n * n * 8 / best * 1e-9);
        }
        long parts, helper;
        uk_split_counts(&parts, &helper);
        printf("  (split parts so far %ld, helper's %ld)\n", parts, helper);
    }
    return 0;
}
