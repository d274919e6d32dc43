#!/usr/bin/env bash
# Times and peak memory of each command on the largest legal lessons (Benchmarks/big-lessons.py),
# for the README's limits table. Usage: Benchmarks/limits.sh UNROLL DIR
set -u
bin=$1; dir=$2
measure() {   # NAME CMD…: wall time and peak RSS, output discarded
    local name=$1; shift
    local rc
    /usr/bin/time -f "%e s, %M KB" -o /tmp/limits-time.$$ "$@" >/dev/null 2>/dev/null; rc=$?
    echo "$name: $(tail -1 /tmp/limits-time.$$) (exit $rc)"
    rm -f /tmp/limits-time.$$
}
for lesson in big-1024 thin-1024; do
    measure "check $lesson" "$bin" check "$dir/$lesson.yaml"
    measure "trace $lesson" "$bin" trace "$dir/$lesson.yaml"
    measure "render $lesson" "$bin" render "$dir/$lesson.yaml" --step 10000
    measure "train 1 step $lesson" "$bin" train "$dir/$lesson.yaml" --steps 1 --out "$dir/trained-$lesson.yaml" --force
done
for lesson in gru-1024 lstm-1024; do   # a gated trace runs both passes when it is made
    measure "check $lesson" "$bin" check "$dir/$lesson.yaml"
done
measure "check texts-100k" "$bin" check "$dir/texts-100k.yaml"
measure "train 5 steps texts-100k, --out elsewhere" "$bin" train "$dir/texts-100k.yaml" --steps 5 --out /tmp/limits-texts-out.yaml --force
rm -f /tmp/limits-texts-out.yaml
