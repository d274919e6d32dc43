// Chooses the kernels once, when the program loads: the fastest path the CPU supports, or the
// one UNROLL_KERNELS names. A forced path the CPU cannot run (or an unknown name) falls back to
// the fastest supported path with a one-line warning on standard error, so a script that sets
// UNROLL_KERNELS still runs on another machine.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "CKernels.h"

extern const uk_kernels uk_kernels_baseline;
#if defined(__x86_64__)
extern const uk_kernels uk_kernels_avx2;
extern const uk_kernels uk_kernels_avx512;
#endif

int uk_compiled(uk_path path) {
#if defined(__x86_64__)
    return path == UK_BASELINE || path == UK_AVX2 || path == UK_AVX512;
#else
    return path == UK_BASELINE;
#endif
}

int uk_cpu_supports(uk_path path) {
    if (!uk_compiled(path)) return 0;
#if defined(__x86_64__)
    __builtin_cpu_init();
    switch (path) {
    case UK_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case UK_AVX512:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    default: return 1;
    }
#else
    return 1;
#endif
}

const uk_kernels *uk_kernels_for(uk_path path) {
    if (!uk_cpu_supports(path)) return NULL;
    switch (path) {
#if defined(__x86_64__)
    case UK_AVX2: return &uk_kernels_avx2;
    case UK_AVX512: return &uk_kernels_avx512;
#endif
    default: return &uk_kernels_baseline;
    }
}

static uk_path chosen = UK_BASELINE;
static char warning[200];

__attribute__((constructor)) static void uk_choose(void) {
    uk_path best = uk_cpu_supports(UK_AVX512) ? UK_AVX512 : (uk_cpu_supports(UK_AVX2) ? UK_AVX2 : UK_BASELINE);
    chosen = best;
    const char *want = getenv("UNROLL_KERNELS");
    if (want == NULL || want[0] == 0) return;
    static const char *names[] = {"baseline", "avx2", "avx512"};
    for (int p = 0; p < 3; p++) {
        if (strcmp(want, names[p]) != 0) continue;
        if (uk_cpu_supports((uk_path)p)) { chosen = (uk_path)p; return; }
        snprintf(warning, sizeof warning,
                 "unroll: UNROLL_KERNELS=%s: this CPU cannot run it; using %s", want, names[best]);
        fprintf(stderr, "%s\n", warning);
        return;
    }
    snprintf(warning, sizeof warning,
             "unroll: UNROLL_KERNELS=%.40s is not one of baseline, avx2, avx512; using %s", want, names[best]);
    fprintf(stderr, "%s\n", warning);
}

uk_path uk_chosen_path(void) { return chosen; }

const char *uk_choice_warning(void) { return warning[0] ? warning : NULL; }
