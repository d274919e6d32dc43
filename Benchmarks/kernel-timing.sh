#!/usr/bin/env bash
# Builds Benchmarks/kernel-timing.c against Sources/CKernels (Package.swift's flags) and runs it:
#   Benchmarks/kernel-timing.sh [T]     (T: steps of the products, default 2000)
# Not part of the build or the tests; for tuning the kernels at the largest lesson's shapes.
set -euo pipefail
cd "$(dirname "$0")/.."
CC=${CC:-clang}
S=Sources/CKernels
TMP=$(mktemp -d "${TMPDIR:-/tmp}/unroll-ktime.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
line=$(grep -E '\.target\(name: "CKernels"' Package.swift | head -1)
FLAGS=()
if [[ "$line" =~ unsafeFlags\(\[([^]]*)\]\) ]]; then for f in ${BASH_REMATCH[1]//,/ }; do FLAGS+=("${f//\"/}"); done; fi
objs=()
for f in "$S"/*.c; do
    o="$TMP/$(basename "$f" .c).o"
    "$CC" -DSWIFT_PACKAGE=1 -I "$S/include" "${FLAGS[@]}" ${KFLAGS:-} -c "$f" -o "$o"
    objs+=("$o")
done
"$CC" -O2 -I "$S/include" Benchmarks/kernel-timing.c "${objs[@]}" -lm -lpthread -o "$TMP/kernel-timing"
"$TMP/kernel-timing" "$@"
