#!/usr/bin/env bash
# Benchmarks/gated_peers.sh [ROUNDS]: `unroll bench --cell rnn|gru|lstm` beside numpy
# (numpy_rnn.py for the plain cell, gated_peer_numpy.py) and JAX on the CPU (jax_rnn.py,
# gated_peer_jax.py: jit, lax.scan), float64, forward + BPTT on the bench task (n_a 100, vocab 27,
# T 25) and a larger one (n_a 256, vocab 64, T 50), in one run. The three run in turn, ROUNDS
# times (default 3); the table gives each one's median, in µs per time step, and the ratios.
# numpy and jax[cpu] come from the venv of peers.sh ($UNROLL_PEERS_VENV, default
# ~/.cache/unroll-peers; made on first use). UNROLL names the binary (default
# .build/release/unroll, built if missing). Not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
venv=${UNROLL_PEERS_VENV:-$HOME/.cache/unroll-peers}
unroll=${UNROLL:-.build/release/unroll}
[ -x "$unroll" ] || swift build -c release --product unroll
if ! "$venv/bin/python" -c 'import numpy, jax' 2>/dev/null; then
    echo "gated_peers: installing numpy and jax[cpu] into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q numpy 'jax[cpu]'
fi
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 "$venv/bin/python" "$@"; }
last() { tail -n 1 | sed 's/.*: //'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "unroll: $("$unroll" bench --length 1 --runs 1 2>&1 | grep '^kernels' || true)"
echo "numpy: $(peer -c 'import numpy; print(numpy.__version__)'), jax: $(peer -c 'import jax; print(jax.__version__)')"
printf '%-28s %-5s %9s %9s %9s %8s %8s\n' "task (forward+bptt µs/step)" "cell" "unroll" "numpy" "jax" "numpy÷" "jax÷"
for task in "100 27 25" "256 64 50"; do
    set -- $task
    args=(--hidden "$1" --vocab "$2" --length "$3" --runs 5)
    for cell in rnn gru lstm; do
        u="" n="" j=""
        for _ in $(seq "$rounds"); do
            if [ "$cell" = rnn ]; then
                u="$u $("$unroll" bench "${args[@]}" | last)"
                n="$n $(peer Benchmarks/numpy_rnn.py "${args[@]}" | last)"
                j="$j $(peer Benchmarks/jax_rnn.py "${args[@]}" 2>/dev/null | last)"
            else
                u="$u $("$unroll" bench --cell "$cell" "${args[@]}" | last)"
                n="$n $(peer Benchmarks/gated_peer_numpy.py --cell "$cell" "${args[@]}" | last)"
                j="$j $(peer Benchmarks/gated_peer_jax.py --cell "$cell" "${args[@]}" 2>/dev/null | last)"
            fi
        done
        mu=$(echo "$u" | median) mn=$(echo "$n" | median) mj=$(echo "$j" | median)
        printf '%-28s %-5s %9.3f %9.3f %9.3f %7.1f× %7.1f×\n' "n_a $1, vocab $2, T $3" "$cell" \
            "$mu" "$mn" "$mj" "$(echo "$mn / $mu" | bc -l)" "$(echo "$mj / $mu" | bc -l)"
    done
done
