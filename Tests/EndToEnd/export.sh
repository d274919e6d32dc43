# End-to-end: export and record (sourced by run.sh: uses BIN, LESSON, OUT, pass, fail).

# export txt of one slide is what render prints for it, without the key bar and the title bar's
# `? help` (a page takes no keys); render keeps both (it prints the explorer's frame)
"$BIN" export "$LESSON" --format txt --slide 2 --out "$OUT/exp" >/dev/null
"$BIN" render "$LESSON" --slide 2 | head -n -1 | sed '1s/ *? help$//' >"$OUT/render-s2.txt"
cmp -s "$OUT/exp/02-forward.txt" "$OUT/render-s2.txt" && pass || fail "export --slide 2 --format txt differs from render --slide 2 without its key bar and ? help"
head -1 "$OUT/exp/02-forward.txt" | grep -q "slide 2 / " && ! grep -q "? help" "$OUT/exp/02-forward.txt" && pass || fail "export's title bar: $(head -1 "$OUT/exp/02-forward.txt")"
"$BIN" render "$LESSON" --slide 2 | head -1 | grep -q "? help$" && pass || fail "render lost the explorer's ? help"
# a panel taller than 100×30 (06, slide 8, backward t = 1): the page frame grows, no scroll hint
"$BIN" export "$ROOT/lessons/06-bptt.yaml" --format txt --slide 8 --out "$OUT/tall" >/dev/null
[ "$(wc -l <"$OUT/tall/06-bptt.txt")" -gt 30 ] && grep -q "dWya 1×3" "$OUT/tall/06-bptt.txt" && grep -q "da_prev<1> 3" "$OUT/tall/06-bptt.txt" \
    && ! grep -q "⋮" "$OUT/tall/06-bptt.txt" && pass || fail "export of 06 slide 8 cuts its panel: $(grep -n "⋮" "$OUT/tall/06-bptt.txt")"
# one file per slide, and --steps: one per step of the walk
"$BIN" export "$LESSON" --format svg --out "$OUT/svg" >/dev/null
n=$(ls "$OUT/svg" | wc -l); slides=$(grep -c '^  - say:' "$LESSON")
[ "$n" = "$slides" ] && pass || fail "export svg: $n files for $slides slides"
"$BIN" export "$LESSON" --format ansi --steps --out "$OUT/ans" >/dev/null
[ "$(ls "$OUT/ans" | wc -l)" -gt "$slides" ] && pass || fail "export --steps wrote no more files than slides"
grep -q $'\x1b\[' "$OUT/ans/02-forward-s01-01.ans" && pass || fail "export ansi has no escapes"
# a typed question on a page: the question, without the answer box and its keys (they do nothing there)
"$BIN" export "$LESSON" --format txt --slide 6 --out "$OUT/typed" >/dev/null
grep -q "Type it with 2 decimals" "$OUT/typed/02-forward.txt" && ! grep -q "answer: \|answer box" "$OUT/typed/02-forward.txt" \
    && pass || fail "export of a typed question keeps the answer box: $(tail -4 "$OUT/typed/02-forward.txt")"
# --no-chrome: no title bar, no key bar
"$BIN" export "$LESSON" --format txt --slide 1 --no-chrome --out "$OUT/nc" >/dev/null
if grep -q "? help\|quit" "$OUT/nc/02-forward.txt"; then fail "export --no-chrome kept a bar"; else pass; fi
"$BIN" export "$LESSON" --format html --out "$OUT/html" >/dev/null
grep -q '<section class="frame first"' "$OUT/html/02-forward.html" && pass || fail "export html has no frames"
# an out-of-range slide: one line, exit 64
"$BIN" export "$LESSON" --format txt --slide 99 --out "$OUT/bad" 2>"$OUT/err.txt"; rc=$?
[ "$rc" = 64 ] && grep -q "slide 99 is out of range" "$OUT/err.txt" && pass || fail "export --slide 99: exit $rc, $(cat "$OUT/err.txt")"

# record: an asciicast v2 header, events, and no overwrite without --force
"$BIN" record "$LESSON" --out "$OUT/l.cast" --pace 0.5 >/dev/null
head -1 "$OUT/l.cast" | grep -q '"version": 2, "width": 100, "height": 30' && pass || fail "record header: $(head -1 "$OUT/l.cast")"
sed -n 2p "$OUT/l.cast" | grep -q '^\[0.000, "o", "' && pass || fail "record: first event"
"$BIN" record "$LESSON" --out "$OUT/l.cast" 2>"$OUT/err.txt"; rc=$?
[ "$rc" = 1 ] && grep -q "add --force" "$OUT/err.txt" && pass || fail "record over an existing file: exit $rc"

# --set as in render: the exported frame is render's frame of the changed network
"$BIN" export "$LESSON" --format txt --slide 5 --set 'Waa[0,1]=0.5' --set g1=relu --out "$OUT/set" >/dev/null
# (below the title bar: without `? help` the page's title has room for the long what-if marker)
"$BIN" render "$LESSON" --slide 5 --set 'Waa[0,1]=0.5' --set g1=relu | head -n -1 | tail -n +2 >"$OUT/render-set.txt"
tail -n +2 "$OUT/set/02-forward.txt" | cmp -s - "$OUT/render-set.txt" && pass || fail "export --set differs from render --set"
head -1 "$OUT/set/02-forward.txt" | grep -q "what if: g1 = relu, Waa\[0,1\] = 0.5" && pass || fail "export --set title bar: $(head -1 "$OUT/set/02-forward.txt")"
"$BIN" render "$LESSON" --slide 5 | head -n -1 | tail -n +2 >"$OUT/render-s5.txt"
tail -n +2 "$OUT/set/02-forward.txt" | cmp -s - "$OUT/render-s5.txt" && fail "export --set changed nothing" || pass
"$BIN" export "$LESSON" --format txt --set 'Wba[0,1]=0.5' --out "$OUT/bad" 2>"$OUT/err.txt"; rc=$?
[ "$rc" = 64 ] && grep -q "^unroll export: --set 'Wba\[0,1\]=0.5': unknown entry 'Wba'" "$OUT/err.txt" && pass || fail "export --set Wba: exit $rc, $(cat "$OUT/err.txt")"
"$BIN" record "$LESSON" --out "$OUT/set.cast" --pace 0.5 --set g1=relu >/dev/null && grep -q "relu" "$OUT/set.cast" && pass || fail "record --set g1=relu: no relu in the recording"
