# GRU and LSTM on the command line (issue 12), sourced by run.sh: it uses pass, fail, $BIN, $OUT.
# An LSTM language model made from lesson 08 (cell: lstm, no g1, forget_bias 1): check, trace,
# train, sample; the screen commands refuse it with one line.
sed -e 's/^  cell: rnn/  cell: lstm/' -e '/^  g1: tanh/d' -e 's/init: {seed: 8, scale: 0.1}/init: {seed: 8, scale: 0.1, forget_bias: 1}/' \
    -e '/^script:/,$d' lessons/08-language-model.yaml >"$OUT/lstm.yaml"
printf 'script:\n  - say: {en: "An LSTM.", zh: "一个 LSTM。"}\n' >>"$OUT/lstm.yaml"
cp lessons/names.txt "$OUT/names.txt"
"$BIN" check "$OUT/lstm.yaml" >/dev/null 2>&1 && pass || fail "gated: check of an LSTM lesson failed"
"$BIN" trace "$OUT/lstm.yaml" >"$OUT/lstm.json" 2>&1
for key in '"cell": "lstm"' '"Wf": ' '"Wo": ' '"c0": ' '"gamma_f": ' '"gamma_u": ' '"gamma_o": ' '"c_tilde": ' '"c": ' \
           '"dc": ' '"dc_prev": ' '"da_prev": ' '"dWf": ' '"dc0": '; do
    grep -qF "$key" "$OUT/lstm.json" && pass || fail "gated: trace JSON has no $key"
done
grep -q '"g1"' "$OUT/lstm.json" && fail "gated: trace JSON of an LSTM has g1" || pass
"$BIN" train "$OUT/lstm.yaml" --out "$OUT/lstm-trained.yaml" --steps 40 --optimizer adam >"$OUT/lstm-train.txt" 2>/dev/null \
    && grep -q "^trained 40 steps" "$OUT/lstm-train.txt" && pass || fail "gated: train: $(cat "$OUT/lstm-train.txt")"
grep -q "^  cell: lstm" "$OUT/lstm-trained.yaml" && grep -q "^    Wo:$" "$OUT/lstm-trained.yaml" && pass || fail "gated: trained lesson lacks the LSTM weights"
[ "$("$BIN" sample "$OUT/lstm-trained.yaml" --n 3 --seed 1 | wc -l)" = 3 ] && pass || fail "gated: sample did not give 3 names"
"$BIN" render "$OUT/lstm.yaml" --step 2 --width 120 --height 40 >"$OUT/lstm-render.txt" 2>&1; rc=$?
[ "$rc" = 0 ] && grep -q "Γf<2>" "$OUT/lstm-render.txt" && grep -q "Wf 16×43" "$OUT/lstm-render.txt" && pass \
    || fail "gated: render rc $rc: $(head -c 200 "$OUT/lstm-render.txt")"
"$BIN" render "$OUT/lstm.yaml" --phase backward --step 3 --width 120 --height 40 >"$OUT/lstm-back.txt" 2>&1
grep -q "dc<3>" "$OUT/lstm-back.txt" && grep -q "‖dc‖" "$OUT/lstm-back.txt" && pass || fail "gated: backward render lacks dc"
"$BIN" render "$OUT/lstm.yaml" --set 'Wf[0,0]=3' --step 1 >"$OUT/lstm-set.txt" 2>&1 && grep -q "what if: Wf\[0,0\] = 3" "$OUT/lstm-set.txt" \
    && pass || fail "gated: --set on Wf: $(head -c 200 "$OUT/lstm-set.txt")"
"$BIN" export "$OUT/lstm.yaml" --format txt --out "$OUT/lstm-export" >/dev/null 2>&1 && ls "$OUT"/lstm-export/*.txt >/dev/null 2>&1 \
    && pass || fail "gated: export of an LSTM lesson"
"$BIN" record "$OUT/lstm.yaml" --out "$OUT/lstm.cast" >/dev/null 2>&1 && [ -s "$OUT/lstm.cast" ] && pass || fail "gated: record of an LSTM lesson"

# The explorer on a GRU lesson: open, step, inspect a gate, train on the spot, generate, quit cleanly.
sed -e 's/cell: lstm/cell: gru/' -e 's/, forget_bias: 1//' "$OUT/lstm.yaml" >"$OUT/gru.yaml"
start 120 40 "$BIN $OUT/gru.yaml --lang en --no-progress"
expect "Γu<1>" "gated: the explorer opens a GRU lesson"
keys Right
expect "forward t = 2" "gated: → steps"
keys i Tab Tab Tab
expect "σ(Σ_j Wu" "gated: inspect explains a gate as a sum of products"
keys Escape t
expect "trained 100 steps" "gated: t trains the GRU"
keys g
expect "sampled" "gated: g generates from the GRU"
keys Escape q
expect "[exit 0]" "gated: q quits cleanly"
"$BIN" bench --cell gru --hidden 8 --length 5 --runs 1 | tail -1 | grep -q "^forward+bptt µs/step: [0-9.]*$" && pass || fail "gated: bench --cell gru last line"
"$BIN" bench --cell lstm --train --hidden 8 --length 5 --runs 1 | tail -1 | grep -q "^train µs/step: [0-9.]*$" && pass || fail "gated: bench --cell lstm --train last line"

# trace --arrays and --format npz carry the gated quantities under the trace JSON's names
"$BIN" trace "$OUT/lstm.yaml" --arrays >"$OUT/lstm-arrays.json" 2>&1
for key in '"cell": "lstm"' '"gamma_f": ' '"gamma_u": ' '"gamma_o": ' '"c_tilde": ' '"c": ' '"dc": ' '"dc_prev": ' '"dWf": ' '"dc0": ' '"c0": '; do
    grep -qF "$key" "$OUT/lstm-arrays.json" && pass || fail "gated: trace --arrays has no $key"
done
"$BIN" trace "$OUT/gru.yaml" --format npz --out "$OUT/gru-trace.npz" >/dev/null 2>&1 \
    && grep -qa "gamma_r.npy" "$OUT/gru-trace.npz" && grep -qa "dWc.npy" "$OUT/gru-trace.npz" \
    && pass || fail "gated: trace --format npz lacks gamma_r or dWc"

# train: a GRU too large for a 1 MiB lesson writes its weights and Adam's memory to NEW.npz beside NEW.yaml
mkdir -p "$OUT/gbig"
cat >"$OUT/gbig/wide.yaml" <<'YAML'
title: Wide GRU
model: {cell: gru, n_x: 3, n_a: 180, n_y: 3, g2: softmax, init: {seed: 1, scale: 0.05}}
architecture: many-to-many
sequence: {vocab: "abc", text: "abcab"}
script:
  - say: Wide.
YAML
"$BIN" train "$OUT/gbig/wide.yaml" --out "$OUT/gbig/new.yaml" --steps 2 --optimizer adam >"$OUT/gbig.txt" 2>&1; rc=$?
[ "$rc" = 0 ] && grep -q "wrote .*new.yaml and .*new.npz" "$OUT/gbig.txt" && grep -q '^  weights: {file: "new.npz"}$' "$OUT/gbig/new.yaml" \
    && grep -q '^    file: "new.npz"$' "$OUT/gbig/new.yaml" && pass || fail "gated: train of a GRU with n_a = 180: exit $rc, $(cat "$OUT/gbig.txt")"
"$BIN" check "$OUT/gbig/new.yaml" >/dev/null && pass || fail "gated: the trained n_a = 180 GRU does not pass check"
"$BIN" train "$OUT/gbig/new.yaml" --out "$OUT/gbig/more.yaml" --steps 3 >"$OUT/gbig.txt" 2>&1 \
    && grep -q "continuing from step 2 of the lesson's training run, with adam's memory" "$OUT/gbig.txt" \
    && pass || fail "gated: training the npz GRU again does not resume Adam: $(cat "$OUT/gbig.txt")"
[ "$(ls -A "$OUT/gbig" | tr '\n' ' ')" = "more.npz more.yaml new.npz new.yaml wide.yaml " ] && pass || fail "gated: train left other files: $(ls -A "$OUT/gbig")"

# train on a gated cell takes the plain cell's options: --sample-every, --keep-script, the divergence rule and --force
"$BIN" train "$OUT/lstm.yaml" --out "$OUT/lstm-s.yaml" --steps 20 --sample-every 10 >"$OUT/lstm-s.txt" 2>/dev/null
[ "$(grep -c '^step [12]0/20, loss ' "$OUT/lstm-s.txt")" = 2 ] && [ "$(grep -c '^----$' "$OUT/lstm-s.txt")" = 4 ] && pass || fail "gated: --sample-every: $(head -c 300 "$OUT/lstm-s.txt")"
"$BIN" train lessons/10-gru.yaml --out "$OUT/gru-kept.yaml" --steps 50 --keep-script >/dev/null 2>"$OUT/gru-kept.txt" \
    && grep -q "^unroll train: --keep-script: slide 8: dropped the check" "$OUT/gru-kept.txt" && [ "$(grep -c '^  - say:' "$OUT/gru-kept.yaml")" = 9 ] \
    && "$BIN" check "$OUT/gru-kept.yaml" >/dev/null 2>&1 && pass || fail "gated: --keep-script: $(cat "$OUT/gru-kept.txt")"
"$BIN" train "$OUT/lstm.yaml" --out "$OUT/lstm-div.yaml" --steps 60 --optimizer sgd --lr 30 >/dev/null 2>"$OUT/lstm-div.txt"; rc=$?
[ "$rc" = 1 ] && grep -q "training diverged at step [0-9]*: the loss grew to .*nothing written (--force writes the last good weights, from step [0-9]*)" "$OUT/lstm-div.txt" \
    && [ ! -e "$OUT/lstm-div.yaml" ] && pass || fail "gated: divergence: exit $rc, $(cat "$OUT/lstm-div.txt")"
"$BIN" train "$OUT/lstm.yaml" --out "$OUT/lstm-div.yaml" --steps 60 --optimizer sgd --lr 30 --force >/dev/null 2>&1 \
    && "$BIN" check "$OUT/lstm-div.yaml" >/dev/null 2>&1 && pass || fail "gated: --force after divergence does not write a lesson that checks"

# unroll new --cell gru|lstm: a gated lesson that passes check --strict and opens in the explorer
"$BIN" new --help 2>&1 | grep -q "rnn, gru or lstm" && pass || fail "gated: new --help does not name gru and lstm"
for cell in gru lstm; do
    "$BIN" new "$OUT/new-$cell.yaml" --cell $cell >"$OUT/new-$cell.txt" 2>&1; rc=$?
    [ "$rc" = 0 ] && grep -q "^  cell: $cell$" "$OUT/new-$cell.yaml" && ! grep -q "g1:" "$OUT/new-$cell.yaml" && pass \
        || fail "gated: new --cell $cell: exit $rc, $(cat "$OUT/new-$cell.txt")"
    "$BIN" check --strict "$OUT/new-$cell.yaml" >"$OUT/new-$cell.txt" 2>&1 && pass || fail "gated: new --cell $cell does not pass check --strict: $(cat "$OUT/new-$cell.txt")"
done
"$BIN" new "$OUT/new-x.yaml" --cell transformer >/dev/null 2>"$OUT/new-x.txt"; rc=$?
[ "$rc" = 64 ] && grep -q "rnn.*gru.*lstm" "$OUT/new-x.txt" && [ ! -e "$OUT/new-x.yaml" ] && pass || fail "gated: new --cell transformer: exit $rc, $(cat "$OUT/new-x.txt")"
start 120 40 "$BIN $OUT/new-lstm.yaml --lang en --no-progress"
expect "Γf<1>" "gated: a new LSTM lesson opens in the explorer"
keys n
expect "slide 2 / 2" "gated: the new LSTM lesson's second slide"
keys q
expect "[exit 0]" "gated: the explorer on a new LSTM lesson quits cleanly"
