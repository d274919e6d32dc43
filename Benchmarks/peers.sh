#!/usr/bin/env bash
# Benchmarks/peers.sh [ROUNDS]: `unroll bench` beside numpy's min-char-rnn loop (numpy_rnn.py) and
# JAX on the CPU (jax_rnn.py: jit, lax.scan), float64, on the bench task (n_a 100, vocab 27, T 25)
# and a large one (n_a 512, vocab 64, T 100), forward+BPTT and training steps. The three run in
# turn, ROUNDS times (default 3); the table gives each one's median of its medians, in µs per
# time step, and the ratios. Needs network access to PyPI the first time: numpy and jax[cpu] go
# into a venv at $UNROLL_PEERS_VENV (default ~/.cache/unroll-peers). UNROLL names the binary
# (default .build/release/unroll, built if missing). Not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
venv=${UNROLL_PEERS_VENV:-$HOME/.cache/unroll-peers}
unroll=${UNROLL:-.build/release/unroll}
[ -x "$unroll" ] || swift build -c release --static-swift-stdlib --product unroll   # the README's flags: no second release build
if ! "$venv/bin/python" -c 'import numpy, jax' 2>/dev/null; then
    echo "peers: installing numpy and jax[cpu] into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q numpy 'jax[cpu]'
fi

# Some machines set OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for old OpenBLAS builds; they slow a
# current numpy, so the peers run without them (only here). One BLAS thread, as Unroll uses one core.
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 "$venv/bin/python" "$@"; }
last() { tail -n 1 | sed 's/.*: //'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "unroll: $("$unroll" bench --length 1 --runs 1 2>&1 | grep '^kernels' || true)"
echo "numpy: $(peer -c 'import numpy; print(numpy.__version__)'), jax: $(peer -c 'import jax; print(jax.__version__)')"
printf '%-26s %-13s %9s %9s %9s %8s %8s\n' "task" "µs/step" "unroll" "numpy" "jax" "numpy÷" "jax÷"
for task in "100 27 25" "512 64 100"; do
    set -- $task
    args=(--hidden "$1" --vocab "$2" --length "$3" --runs 5)
    for mode in "" "--train"; do
        u="" n="" j=""
        for _ in $(seq "$rounds"); do
            u="$u $("$unroll" bench "${args[@]}" $mode | last)"
            n="$n $(peer Benchmarks/numpy_rnn.py "${args[@]}" $mode | last)"
            j="$j $(peer Benchmarks/jax_rnn.py "${args[@]}" $mode 2>/dev/null | last)"
        done
        label=fwd+bptt; [ -n "$mode" ] && label=train
        mu=$(echo "$u" | median) mn=$(echo "$n" | median) mj=$(echo "$j" | median)
        printf '%-26s %-13s %9.3f %9.3f %9.3f %7.1f× %7.1f×\n' "n_a $1, vocab $2, T $3" "$label" \
            "$mu" "$mn" "$mj" "$(echo "$mn / $mu" | bc -l)" "$(echo "$mj / $mu" | bc -l)"
    done
done
