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
grep -q "^  cell: lstm" "$OUT/lstm-trained.yaml" && grep -q "^    Wo: " "$OUT/lstm-trained.yaml" && pass || fail "gated: trained lesson lacks the LSTM weights"
[ "$("$BIN" sample "$OUT/lstm-trained.yaml" --n 3 --seed 1 | wc -l)" = 3 ] && pass || fail "gated: sample did not give 3 names"
"$BIN" render "$OUT/lstm.yaml" >"$OUT/lstm-render.txt" 2>&1; rc=$?
[ "$rc" = 1 ] && grep -q "does not draw the lstm cell yet" "$OUT/lstm-render.txt" && pass || fail "gated: render rc $rc: $(head -c 200 "$OUT/lstm-render.txt")"
"$BIN" bench --cell gru --hidden 8 --length 5 --runs 1 | tail -1 | grep -q "^forward+bptt µs/step: [0-9.]*$" && pass || fail "gated: bench --cell gru last line"
