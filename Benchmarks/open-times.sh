#!/usr/bin/env bash
# How long opening takes, by one command (issue 14): `unroll check` of the largest legal lesson
# (checks on both passes, then forward checks only) with its wall and CPU time and
# peak memory, and the explorer's launch-to-first-frame for every shipped lesson.
#   Benchmarks/open-times.sh [UNROLL] [RUNS]      (default .build/release/unroll, 5 runs a lesson)
#   MEMORY=1 Benchmarks/open-times.sh …           also the trace's peak memory over n_a and T
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-.build/release/unroll}; runs=${2:-5}
[ -x "$bin" ] || { echo "open-times: no binary at $bin (swift build -c release --static-swift-stdlib --product unroll first)" >&2; exit 1; }
dir=$(mktemp -d /tmp/unroll-open-times.XXXXXX)
trap 'rm -rf "$dir"' EXIT
measure() {   # NAME CMD…: wall, user+sys and peak resident memory of one run
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/err"
    local rc=$?
    read -r wall user sys kb < <(tail -1 "$dir/time")
    printf "%-44s %7.2f s wall  %6.2f s user  %5.2f s sys  %5d MiB peak  (exit %d)\n" "$name" "$wall" "$user" "$sys" $((kb / 1024)) "$rc"
}
echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$bin" --version)"
python3 "$here/largest-lesson.py" "$dir/largest.yaml"
python3 "$here/largest-lesson.py" --forward-only "$dir/largest-forward.yaml"
measure "check largest (L, ŷ, dWaa, da<1>: both passes)" "$bin" check "$dir/largest.yaml"
measure "check largest --forward-only (L, ŷ)" "$bin" check "$dir/largest-forward.yaml"
if [ "${MEMORY:-0}" = 1 ]; then
    echo "peak memory of check (MiB) over n_x = n_a = n_y = N and T; forward checks / with BPTT:"
    for n in 256 512 1024; do
        for T in 2500 5000 10000; do
            python3 "$here/largest-lesson.py" --forward-only --size $n --steps $T "$dir/f.yaml"
            python3 "$here/largest-lesson.py" --size $n --steps $T "$dir/b.yaml"
            /usr/bin/time -f "%M" -o "$dir/tf" "$bin" check "$dir/f.yaml" >/dev/null 2>&1
            /usr/bin/time -f "%M" -o "$dir/tb" "$bin" check "$dir/b.yaml" >/dev/null 2>&1
            printf "  N = %4d  T = %5d  %5d / %5d\n" $n $T $(( $(tail -1 "$dir/tf") / 1024 )) $(( $(tail -1 "$dir/tb") / 1024 ))
        done
    done
fi
python3 "$here/first-frame.py" --runs "$runs" "$bin" lessons/*.yaml
