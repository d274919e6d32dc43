#!/usr/bin/env bash
# Tests/Portability/run.sh [UNROLL]: the kernels of Sources/CKernels (the same files, the same
# flags as Package.swift gives them) on CPUs this machine does not have, checked by
# kernel_check.c against plain reference loops:
#   1. aarch64: cross-compiled with clang --target=aarch64-linux-gnu, run under qemu-aarch64;
#   2. x86-64 built with -march=x86-64: run here (every path this CPU runs) and under
#      qemu-x86_64 -cpu qemu64 (SSE2, no AVX): the dispatch must choose baseline, and
#      UNROLL_KERNELS=avx2 must warn and fall back; as a control, the avx2 table called directly
#      must die of SIGILL there (so a stray AVX instruction would have been caught);
#   3. objdump -d: no VEX/EVEX instruction (AVX, AVX2, AVX-512) in any object but the avx2 and
#      avx512 tables' (here and, if built, in .build's own objects): nothing runs AVX before the
#      CPUID check has chosen a table;
#   4. with UNROLL (a built unroll), the whole program under qemu-x86_64 -cpu qemu64: `check`
#      of a plain and a gated lesson, and `bench` names the baseline kernels.
# Needs clang (the Swift toolchain's), objdump, and the Debian packages qemu-user,
# gcc-aarch64-linux-gnu and libc6-dev-arm64-cross (.ci/run installs them). A part whose tool is
# missing is skipped with a SKIP line, unless PORTABILITY_REQUIRE=1 (then it fails).
# Not covered: the Swift layer on arm64 (no Swift SDK for aarch64 here) and the avx512 path
# (QEMU 7.2's TCG has no AVX-512; it runs only where the CPU has it, e.g. in `swift test`).
set -uo pipefail
cd "$(dirname "$0")/../.."
UNROLL=${1:-}
CC=${CC:-clang}
S=Sources/CKernels
TMP=$(mktemp -d "${TMPDIR:-/tmp}/unroll-portability.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
fails=0
skips=0
pass() { echo "ok   $*"; }
failed() { echo "FAIL $*"; fails=$((fails + 1)); }
skip() {
    if [ "${PORTABILITY_REQUIRE:-0}" = 1 ]; then failed "$* (PORTABILITY_REQUIRE=1)"; else echo "SKIP $*"; skips=$((skips + 1)); fi
}
have() { command -v "$1" >/dev/null 2>&1; }

# the flags SwiftPM gives the C target: its own, then the unsafeFlags of CKernels' cSettings
# in Package.swift (read from there, so a change of them is tested as it is)
line=$(grep -E '\.target\(name: "CKernels"' Package.swift | head -1)
[ -n "$line" ] || { echo "FAIL no CKernels target in Package.swift"; exit 1; }
PFLAGS=()
if [[ "$line" =~ unsafeFlags\(\[([^]]*)\]\) ]]; then
    for f in ${BASH_REMATCH[1]//,/ }; do PFLAGS+=("${f//\"/}"); done
elif [[ "$line" == *cSettings* ]]; then
    echo "FAIL CKernels' cSettings in Package.swift are not one unsafeFlags list: update $0"; exit 1
fi
KFLAGS=(-DSWIFT_PACKAGE=1 -fblocks -I "$S/include" "${PFLAGS[@]}" -fPIC -g -fno-omit-frame-pointer)
HFLAGS=(-O1 -ffp-contract=off -Wall -Wextra -Werror -I "$S/include")
UNITS=()
for f in "$S"/*.c; do UNITS+=("$(basename "$f" .c)"); done

# build TRIPLE OUT [extra flags…]: every C file of the target and the harness, linked statically
build() {
    local triple=$1 out=$2
    shift 2
    local objs=()
    for u in "${UNITS[@]}"; do
        "$CC" --target="$triple" "$@" "${KFLAGS[@]}" -c "$S/$u.c" -o "$TMP/$out-$u.o" || return 1
        objs+=("$TMP/$out-$u.o")
    done
    "$CC" --target="$triple" "$@" "${HFLAGS[@]}" -c Tests/Portability/kernel_check.c -o "$TMP/$out-check.o" || return 1
    "$CC" --target="$triple" -static "${objs[@]}" "$TMP/$out-check.o" -lm -lpthread -o "$TMP/$out" || return 1
}

# expect_run WHAT EXPECTED-OUTPUT-PATTERN COMMAND…: exit 0 and a line matching the pattern
expect_run() {
    local what=$1 pattern=$2
    shift 2
    local out
    if out=$("$@" 2>&1) && grep -qE "$pattern" <<<"$out"; then
        pass "$what: $(grep -E "$pattern" <<<"$out" | head -1)"
    else
        failed "$what"
        sed 's/^/     /' <<<"$out" | tail -20
    fi
}

have "$CC" || { echo "FAIL no $CC (the Swift toolchain's clang)"; exit 1; }

# 1. aarch64
if ! have qemu-aarch64; then
    skip "aarch64: no qemu-aarch64 (Debian: qemu-user)"
elif ! build aarch64-linux-gnu kc-aarch64 2>"$TMP/a64.log"; then
    if grep -qiE "crt1.o|crtbegin|cannot find|unable to find" "$TMP/a64.log"; then
        skip "aarch64: no cross C library (Debian: gcc-aarch64-linux-gnu libc6-dev-arm64-cross): $(head -1 "$TMP/a64.log")"
    else
        failed "aarch64: the kernels do not compile"; sed 's/^/     /' "$TMP/a64.log" | head -30
    fi
else
    expect_run "aarch64 (qemu-aarch64): every kernel against its reference loop" '^kernel_check on aarch64: ok' \
        qemu-aarch64 "$TMP/kc-aarch64" --chosen baseline
    expect_run "aarch64: UNROLL_KERNELS=avx2 warns and keeps baseline" 'chosen baseline \(after a warning\)' \
        env UNROLL_KERNELS=avx2 qemu-aarch64 "$TMP/kc-aarch64" --chosen baseline --warned
    [ "${VERBOSE:-0}" = 1 ] && qemu-aarch64 "$TMP/kc-aarch64"
fi

# 2. x86-64 with -march=x86-64 (SSE2 only outside the avx2/avx512 files' own target attributes)
if ! build x86_64-linux-gnu kc-x86_64 -march=x86-64 2>"$TMP/x64.log"; then
    failed "x86-64: the kernels do not compile"; sed 's/^/     /' "$TMP/x64.log" | head -30
else
    expect_run "x86-64 (this CPU): every path it runs against the reference loops" '^kernel_check on x86-64: ok' \
        "$TMP/kc-x86_64"
    if ! have qemu-x86_64; then
        skip "x86-64 without AVX: no qemu-x86_64 (Debian: qemu-user)"
    else
        expect_run "x86-64 without AVX (qemu-x86_64 -cpu qemu64): baseline chosen and correct" \
            '^kernel_check on x86-64: ok' qemu-x86_64 -cpu qemu64 "$TMP/kc-x86_64" --chosen baseline
        expect_run "x86-64 without AVX: UNROLL_KERNELS=avx2 warns and keeps baseline" \
            'chosen baseline \(after a warning\)' env UNROLL_KERNELS=avx2 qemu-x86_64 -cpu qemu64 "$TMP/kc-x86_64" --chosen baseline --warned
        # (in a shell of its own, whose "Illegal instruction" report goes to /dev/null)
        rc=$(sh -c '"$@" >/dev/null 2>&1; echo $?' sh qemu-x86_64 -cpu qemu64 "$TMP/kc-x86_64" --call-avx2 2>/dev/null)
        if [ "$rc" = 132 ]; then pass "control: the avx2 table called directly under -cpu qemu64 dies of SIGILL (exit 132)"
        else failed "control: the avx2 table called directly under -cpu qemu64 exited $rc, not 132 (SIGILL): the emulator would not catch AVX"; fi
    fi
fi

# 3. no AVX instruction in the code that runs before the choice (or on the baseline path)
# vex_count OBJECT: instructions whose mnemonic starts with v (VEX/EVEX-encoded) or that name ymm/zmm
vex_count() {
    objdump -d --no-show-raw-insn "$1" | awk -F'\t' 'NF >= 2 { split($2, a, " "); if (a[1] ~ /^v/ || $2 ~ /%[yz]mm/) n++ } END { print n + 0 }'
}
if ! have objdump; then
    skip "objdump: not installed (Debian: binutils)"
elif [ -f "$TMP/kc-x86_64-dispatch.o" ]; then
    for dir in "$TMP/kc-x86_64-" .build/x86_64-unknown-linux-gnu/debug/CKernels.build/ .build/x86_64-unknown-linux-gnu/release/CKernels.build/; do
        for u in "${UNITS[@]}"; do
            case $u in kernels_avx2 | kernels_avx512) continue ;; esac
            o="$dir$u.o"
            [ -f "$o" ] || o="$dir$u.c.o"
            [ -f "$o" ] || continue
            n=$(vex_count "$o")
            if [ "$n" = 0 ]; then pass "objdump -d $o: no AVX instruction"; else failed "objdump -d $o: $n AVX instructions"; fi
        done
    done
    n=$(vex_count "$TMP/kc-x86_64-kernels_avx2.o")
    if [ "$n" -gt 0 ]; then pass "control: kernels_avx2.o has $n AVX instructions (the count sees them)"
    else failed "control: no AVX instruction found in kernels_avx2.o: the count is blind"; fi
fi

# 4. the whole program on a CPU without AVX
if [ -n "$UNROLL" ]; then
    if ! have qemu-x86_64; then
        skip "$UNROLL without AVX: no qemu-x86_64 (Debian: qemu-user)"
    else
        expect_run "$UNROLL check (plain and GRU lessons) under qemu-x86_64 -cpu qemu64" '^ok: 2 lessons' \
            qemu-x86_64 -cpu qemu64 "$UNROLL" check lessons/02-forward.yaml lessons/10-gru.yaml
        expect_run "$UNROLL bench under -cpu qemu64 with UNROLL_KERNELS=avx2: warns, runs baseline" \
            '^kernels: baseline \(this CPU runs baseline;' \
            env UNROLL_KERNELS=avx2 qemu-x86_64 -cpu qemu64 "$UNROLL" bench --runs 1 --length 5
    fi
fi

if [ "$fails" -gt 0 ]; then echo "portability: $fails FAILED ($skips skipped)"; exit 1; fi
echo "portability: all passed ($skips skipped)"
