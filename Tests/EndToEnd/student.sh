# The student acts (issue 10): sourced by run.sh (start, keys, expect, screen, $BIN, $OUT).

# A typed answer on lesson 02, slide 6: wrong (without the bias), then right.
start 100 30 "$BIN lessons/02-forward.yaml --lang en --no-progress"
expect "slide 1 / 9" "typed: lesson opens"
keys n n n n n
expect "What is z<2>[0]?" "typed: the question"
expect "digits go to the answer box" "typed: the footer says where digits go"
keys 1 . 1 1 Enter
expect "Not quite: 1.11 is 0.40 too high." "typed: how far off"
expect "That is z<2>[0] without the bias ba[0] = -0.40." "typed: what was forgotten"
keys 0 . 7 1 Enter
expect "Right: 0.71." "typed: right"
keys q

# A decimal comma is a point (03 slide 6 asks z<4>[0] = 0.61): `0,61` is right at the first try.
start 100 30 "$BIN lessons/03-vectorised.yaml --lang en --no-progress"
expect "slide 1 / " "comma: lesson 03 opens"
keys n n n n n
expect "What is z<4>[0]?" "comma: the question"
keys 0 , 6 1
expect "0.61" "comma: the box shows the comma as a point"
keys Enter
expect "Right: 0.61." "comma: 0,61 is right"
keys q

# Nudge a weight up and back: L returns to its old value exactly.
start 120 40 "$BIN lessons/02-forward.yaml --lang en --no-progress --digits 6"
expect "slide 1 / 9" "nudge: lesson opens"
keys i e
expect "edit mode: + - change the entry by 0.1" "nudge: e turns edit mode on"
keys +
expect "✎ modified" "nudge: the header says modified"
expect "the gradient predicted dL/dw · Δ" "nudge: predicted against actual"
up=$(screen | grep -o "L: [0-9.-]* → [0-9.-]*" | head -1)
keys -
read -r _ l0 _ l1 <<<"$up"
expect_not "✎ modified" "nudge: back where it started" "L: $l1 → $l0"
back=$(screen | grep -o "L: [0-9.-]* → [0-9.-]*" | head -1)
read -r _ m0 _ m1 <<<"$back"
[ -n "$l0" ] && [ "$l0" = "$m1" ] && [ "$l1" = "$m0" ] && pass || fail "nudge: up '$up', back '$back': L did not return"
keys q

# Quit and reopen: "continue at slide N".
export KEEP_STATE="$OUT/state-keep"
start 100 30 "$BIN lessons/02-forward.yaml --lang en"
expect "slide 1 / 9" "progress: lesson opens"
keys n n n
expect "slide 4 / 9" "progress: moved on"
keys q
expect "[exit 0]" "progress: quit"
ls "$KEEP_STATE"/unroll/*.json >/dev/null 2>&1 && pass || fail "progress: no file under XDG_STATE_HOME/unroll"
start 100 30 "$BIN lessons/02-forward.yaml --lang en"
expect "Enter continues at slide 4" "progress: the offer on reopening"
keys Enter
expect "slide 4 / 9" "progress: Enter continues there"
keys q
# --no-progress neither reads nor offers
start 100 30 "$BIN lessons/02-forward.yaml --lang en --no-progress"
expect "slide 1 / 9" "progress: --no-progress opens at the start"
expect_not "continues at slide" "progress: --no-progress makes no offer"
keys q
unset KEEP_STATE

# At 80×24: the whole sign flipped is said, and the slide's text is whole after a wrong answer.
start 80 24 "$BIN lessons/02-forward.yaml --lang en --no-progress"
expect "slide 1 / 9" "80x24: lesson opens"
keys n n n n n
expect "What is z<2>[0]?" "80x24: the question"
keys - 0 . 7 1 Enter
expect "The sign is flipped: that is −z<2>[0]." "80x24: a whole-sign flip is said"
expect "it with 2 decimals and press Enter." "80x24: the slide's text is not cut after a wrong answer"
keys q

# A corrupt progress file, twice: each set aside under its own name, the warning read whole.
export KEEP_STATE="$OUT/state-corrupt"
start 80 24 "$BIN lessons/02-forward.yaml --lang en"
expect "slide 1 / 9" "corrupt: lesson opens"
keys n
keys q
expect "[exit 0]" "corrupt: quit"
progress=$(ls "$KEEP_STATE"/unroll/*.json 2>/dev/null | head -1)
for n in 1 2; do
    printf '{"broken": ' >"$progress"
    start 80 24 "$BIN lessons/02-forward.yaml --lang en"
    expect "could not be read: set aside as" "corrupt $n: the warning"
    expect "starting afresh" "corrupt $n: the warning's end is on screen"
    keys q
    expect "[exit 0]" "corrupt $n: quit"
done
[ -f "$progress.corrupt" ] && [ -f "$progress.corrupt-2" ] && pass || fail "corrupt: not both of .corrupt and .corrupt-2 kept: $(ls "$KEEP_STATE"/unroll)"
unset KEEP_STATE

# The notes' names: --set and the nudge bench say Waa[0,0], never the stacked Wa[0,0].
"$BIN" trace lessons/02-forward.yaml --set 'Waa[0,0]=nan' >"$OUT/nan.txt" 2>&1
grep -qF "Waa[0,0] must be set to a finite number, got 'nan'" "$OUT/nan.txt" && pass || fail "--set nan: $(cat "$OUT/nan.txt")"
mkdir -p "$OUT/bench-lessons" && cp lessons/02-forward.yaml "$OUT/bench-lessons/"
"$BIN" bench --render --nudge --lessons "$OUT/bench-lessons" >"$OUT/bench.txt" 2>&1
if grep -q "slowest: .* W[a-z]*\[" "$OUT/bench.txt" && ! grep -q "slowest: .* Wa\[" "$OUT/bench.txt"; then pass; else fail "bench names: $(grep slowest "$OUT/bench.txt")"; fi

# After Esc, a negative answer keeps its sign (06 slide 9, zh): `-` goes back to the box, not "slower".
start 120 40 "$BIN lessons/06-bptt.yaml --lang zh --no-progress"
expect "第 1 / " "esc-minus: lesson opens"
keys n n n n n n n n
expect "dz<1>[1] 是多少？" "esc-minus: the question"
keys Escape
expect "0-9 - . 回到答案框" "esc-minus: the footer names - and ."
keys - 0 . 1 1
expect "答案：-0.11" "esc-minus: the sign is in the box"
expect_not "每秒 0.5 步" "esc-minus: - is not slower"
keys Enter
expect "正确：-0.11。" "esc-minus: right"
keys q

# A nudge does not change the graded answer: 02 slide 6, Waa[0,0] nudged, then the lesson's 0.71.
start 120 40 "$BIN lessons/02-forward.yaml --lang en --no-progress"
expect "slide 1 / 9" "graded: lesson opens"
keys n n n n n
expect "What is z<2>[0]?" "graded: the question"
keys Right
expect "answer first, or Esc / n to skip" "graded: → says why the steps wait"
keys Escape i e + + +
expect "✎ modified" "graded: nudged"
keys Escape Escape
expect "your answer is graded on the lesson's numbers" "graded: said beside the box"
keys 0 . 7 1 Enter
expect "Right: 0.71." "graded: the lesson's number is right"
keys q

# 07b: the last slide asks; three misses, then the summary lists it and `1` jumps to slide 2,
# also after quitting and continuing.
export KEEP_STATE="$OUT/state-07b"
start 80 24 "$BIN lessons/07b-one-to-many.yaml --lang en"
expect "slide 1 / 4" "07b: lesson opens"
keys n n n
expect "slide 4 / 4" "07b: the last slide"
keys 9 Enter 8 Enter 7 Enter
expect "2 → slide 4 (this one)" "07b: the summary lists the last slide's miss"
keys 1
expect "slide 2 / 4" "07b: 1 jumps to slide 2"
keys q
start 80 24 "$BIN lessons/07b-one-to-many.yaml --lang en"
expect "Enter continues at slide 2" "07b: the offer on reopening"
keys Enter n n
expect "slide 4 / 4" "07b: back on the last slide"
expect "1 → slide 2" "07b: the summary after reopening"
keys 1
expect "slide 2 / 4" "07b: 1 still jumps after reopening"
keys q
unset KEEP_STATE
