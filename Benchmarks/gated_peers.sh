#!/usr/bin/env bash
# Benchmarks/gated_peers.sh [ROUNDS]: the GRU and the LSTM in `unroll bench --cell gru|lstm` beside
# numpy (gated_peer_numpy.py) and JAX on the CPU (gated_peer_jax.py: jit, lax.scan), float64, in
# one run: forward + BPTT and whole training steps (--train: clip ±5, Adagrad lr 0.1) on one-hot
# characters at n_a 100 and 256, vocabulary 64, T 50. The three programs run in turn, ROUNDS times
# (default 3); each row gives their medians in µs per time step (unroll's wall clock and, beside it,
# its thread CPU time, the steadier figure on a shared machine), the ratios, and the 1-minute load
# average (`uptime`) seen before each round (min–max): figures taken under load are not an idle
# machine's. numpy and jax[cpu] are installed from PyPI into the venv of peers.sh
# ($UNROLL_PEERS_VENV, default ~/.cache/unroll-peers) on first use. UNROLL names the binary
# (default .build/release/unroll, built if missing). Not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
venv=${UNROLL_PEERS_VENV:-$HOME/.cache/unroll-peers}
unroll=${UNROLL:-.build/release/unroll}
[ -x "$unroll" ] || swift build -c release --static-swift-stdlib --product unroll   # the README's flags: no second release build
if ! "$venv/bin/python" -c 'import numpy, jax' 2>/dev/null; then
    echo "gated_peers: installing numpy and jax[cpu] into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q numpy 'jax[cpu]'
fi
# One BLAS thread, as Unroll uses one core; without old-OpenBLAS settings that slow a current numpy.
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 "$venv/bin/python" "$@"; }
last() { tail -n 1 | sed 's/.*: //'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
load() { awk '{print $1}' /proc/loadavg; }

echo "unroll: $("$unroll" bench --length 1 --runs 1 2>&1 | grep '^kernels' || true)"
echo "numpy: $(peer -c 'import numpy; print(numpy.__version__)'), jax: $(peer -c 'import jax; print(jax.__version__)'); $(nproc) cores; uptime: $(uptime)"
echo "µs per time step, medians of $rounds rounds (unroll cpu = its thread CPU time); load = 1-minute load average before each round"
printf '%-23s %-4s %-9s %8s %8s %9s %9s %7s %7s  %s\n' task cell mode unroll "(cpu)" numpy jax "numpy÷" "jax÷" load
for task in "100 64 50" "256 64 50"; do
    set -- $task
    args=(--hidden "$1" --vocab "$2" --length "$3" --runs 5)
    for cell in gru lstm; do
        for mode in "" --train; do
            u="" c="" n="" j="" loads=""
            for _ in $(seq "$rounds"); do
                loads="$loads $(load)"
                out=$("$unroll" bench --cell "$cell" "${args[@]}" $mode)
                u="$u $(echo "$out" | last)"
                c="$c $(echo "$out" | grep '^thread CPU' | sed 's/.*median \([0-9.]*\).*/\1/')"
                n="$n $(peer Benchmarks/gated_peer_numpy.py --cell "$cell" "${args[@]}" $mode | last)"
                j="$j $(peer Benchmarks/gated_peer_jax.py --cell "$cell" "${args[@]}" $mode 2>/dev/null | last)"
            done
            label=fwd+bptt; [ -n "$mode" ] && label=train
            mu=$(echo "$u" | median) mc=$(echo "$c" | median) mn=$(echo "$n" | median) mj=$(echo "$j" | median)
            lo=$(echo "$loads" | tr ' ' '\n' | grep -v '^$' | sort -g | sed -n '1p;$p' | paste -sd '-')
            printf '%-23s %-4s %-9s %8.2f %8.2f %9.2f %9.2f %6.1f× %6.1f×  %s\n' "n_a $1, vocab $2, T $3" "$cell" \
                "$label" "$mu" "$mc" "$mn" "$mj" "$(echo "$mn / $mu" | bc -l)" "$(echo "$mj / $mu" | bc -l)" "$lo"
        done
    done
done
echo "uptime at the end: $(uptime)"
