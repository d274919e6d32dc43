// The AVX-512 kernels (x86-64 only): 8-double vectors in zmm registers, fused multiply-add.
// Compiled for that target function by function; called only when the CPU has AVX-512F (dispatch.c).
#if defined(__x86_64__)
#define UK_FMA 1
#define UK_VN 8
#define UK_TABLE uk_kernels_avx512
#define UK_NAME "avx512"
#pragma clang attribute push(__attribute__((target("avx512f,avx2,fma"))), apply_to = function)
#include "kernels_body.h"
#pragma clang attribute pop
#endif
