// The baseline kernels: portable C for every CPU (SSE2 on x86-64, NEON on arm64), 4-double
// vectors that the compiler splits into the target's registers. Fused multiply-add only on
// arm64, where every CPU has it.
#if defined(__aarch64__)
#define UK_FMA 1
#else
#define UK_FMA 0
#endif
#define UK_VN 4
#define UK_TABLE uk_kernels_baseline
#define UK_NAME "baseline"
#include "kernels_body.h"
