// The AVX2 + FMA kernels (x86-64 only): 4-double vectors in ymm registers, fused multiply-add.
// Compiled for that target function by function; called only when the CPU has both (dispatch.c).
#if defined(__x86_64__)
#define UK_FMA 1
#define UK_VN 4
#define UK_TABLE uk_kernels_avx2
#define UK_NAME "avx2"
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "kernels_body.h"
#pragma clang attribute pop
#endif
