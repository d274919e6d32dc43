#!/usr/bin/env bash
# End-to-end tests: the real binary in tmux, driven by keys, read back with capture-pane
# (the way tmux's own regress/ scripts work). Usage: run.sh PATH/TO/unroll
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUN=0
TMUX_CMD=(tmux -L "unroll-e2e-$$-$RUN" -f /dev/null)
OUT=$(mktemp -d)
failures=0
passes=0
trap '"${TMUX_CMD[@]}" kill-server >/dev/null 2>&1; rm -rf "$OUT"' EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }

# start W H CMD…: a new session running CMD in a W×H window; remain-on-exit keeps its status.
start() {
    local w=$1 h=$2; shift 2
    "${TMUX_CMD[@]}" kill-server >/dev/null 2>&1
    RUN=$((RUN + 1))   # a fresh server (socket) for each run: no race with the last one's exit
    TMUX_CMD=(tmux -L "unroll-e2e-$$-$RUN" -f /dev/null)
    # the shell traps INT (so Ctrl-C reaches only the program) and reports its exit status
    # progress goes to a fresh state directory each run (KEEP_STATE names one to reuse)
    export XDG_STATE_HOME="${KEEP_STATE:-$OUT/state-$RUN}"
    "${TMUX_CMD[@]}" new-session -d -x "$w" -y "$h" -s e2e "sh -c 'trap true INT; $*; echo \"[exit \$?]\"; sleep 30'"
    "${TMUX_CMD[@]}" set-option -t e2e remain-on-exit on >/dev/null
}
keys() { "${TMUX_CMD[@]}" send-keys -t e2e "$@"; sleep 0.3; }
screen() { "${TMUX_CMD[@]}" capture-pane -t e2e -p; }
# expect TEXT NAME: wait up to 5 s for TEXT on screen.
expect() {
    local i
    for i in $(seq 1 50); do
        if screen | grep -qF -- "$1"; then pass; return 0; fi
        sleep 0.1
    done
    fail "$2: '$1' not on screen"; screen | sed 's/^/    | /'; return 1
}
# expect_not TEXT NAME [MARKER]: TEXT is not on screen. Call it only once the screen after the
# action is known to be drawn: give MARKER (text that only that screen shows; waited for as with
# expect), or call it right after an expect that waited for that screen.
expect_not() {
    if [ $# -ge 3 ]; then expect "$3" "$2 (the screen after it)" || return 1; fi
    if screen | grep -qF -- "$1"; then fail "$2: '$1' still on screen"; screen | sed 's/^/    | /'; else pass; fi
}
# child_of PID: a child process of PID, read from /proc (no procps needed).
child_of() {
    local stat
    for stat in /proc/[0-9]*/stat; do
        # field 4 of /proc/N/stat is the parent's pid (the name in field 2 has no spaces here)
        { read -r p _ _ pp _ <"$stat"; } 2>/dev/null || continue
        [ "$pp" = "$1" ] && { echo "$p"; return; }
    done
}
alternate_on() { "${TMUX_CMD[@]}" display-message -p -t e2e '#{alternate_on}'; }

LESSON=lessons/02-forward.yaml

# 1. Open a lesson, step forward and backward, help, inspect, resize, quit.
start 100 30 "$BIN $LESSON --lang en"
expect "Forward propagation" "title"
expect "forward t = 1 / 5" "header at the start"
keys Right
expect "forward t = 2 / 5" "→ steps forward"
keys l l
expect "forward t = 4 / 5" "l steps forward"
keys Left
expect "forward t = 3 / 5" "← steps back"
keys b
expect "backward t = 5 / 5" "b jumps to the backward pass"
keys Right
expect "backward t = 4 / 5" "→ steps backward in time"
expect "dz<4>" "backward panel shows dz<t>"
keys '?'
expect "colour scale: all steps / this step" "? opens the help box"
keys Escape
expect_not "colour scale: all steps / this step" "Esc closes the help box" "→← step"
keys i
expect "nothing to inspect here yet" "i says why when every panel is still hidden"
keys n n n
expect "slide 4 / 9" "n moves through the slides"
expect "forward t = 1 / 5" "a slide moves the explorer to its step"
keys i
expect "ŷ<1>[0] = sigmoid(zy<1>[0])" "i opens the inspect box on the slide's focus"
expect "= 0.77" "the inspect box shows the numbers"
keys Escape
expect_not "sigmoid(zy<1>[0])" "Esc leaves inspect" "left inspect mode"
keys b
tmux_resize() { "${TMUX_CMD[@]}" resize-window -t e2e -x "$1" -y "$2"; sleep 0.4; }
tmux_resize 60 20
expect "terminal too small: need 80×24, have 60×20" "small terminal message"
tmux_resize 100 30
expect "backward t = 5 / 5" "back to the frame after resize"
expect_not "terminal too small" "no garbage after resize"
keys q
expect "[exit 0]" "q quits with status 0"
[ "$(alternate_on)" = "0" ] && pass || fail "terminal left on the alternate screen after q"

# 1b. Training on the spot and generation mode (lesson 08, a character model).
start 100 30 "$BIN lessons/08-language-model.yaml --lang en"
expect "forward t = 1 / 6" "lesson 08 opens"
keys t
expect "trained 100 steps (100 in all)" "t trains 100 steps"
expect "loss (mean of 10)" "the loss curve appears"
keys g
expect "generate t = 1" "g enters generation mode"
expect "generated: ⏎" "the generated text is shown"
keys Right
expect "generate t = 2" "→ draws the next character"
expect "→ x<3> = one-hot(" "the sampled character is fed back"
keys r
expect "back to the lesson's starting weights" "r resets"
expect_not "loss (mean of 10)" "the loss curve goes with the reset"
keys Escape
expect "forward t = 1 / 6" "Esc leaves generation mode"
keys q
expect "[exit 0]" "q quits after training"

# 2. Chinese.
start 100 30 "$BIN $LESSON --lang zh"
expect "前向传播" "Chinese title"
keys q
expect "[exit 0]" "q quits (zh)"

# 3. The picker: unroll with no lesson, from the repository folder.
start 100 30 "$BIN --lang en"
expect "choose a lesson" "picker opens"
expect "Notation" "picker lists lesson 01"
keys Down Enter
expect "Forward propagation" "Enter opens the selected lesson"
keys q
expect "choose a lesson" "q in a lesson goes back to the picker"
keys q
expect "[exit 0]" "q in the picker quits"

# 4. Signals restore the terminal.
start 100 30 "$BIN $LESSON"
expect "forward t = 1 / 5" "started for Ctrl-C"
keys C-c
expect "[exit 130]" "Ctrl-C exits 130"
[ "$(alternate_on)" = "0" ] && pass || fail "terminal left on the alternate screen after Ctrl-C"
start 100 30 "$BIN $LESSON"
expect "forward t = 1 / 5" "started for SIGTERM"
# the pane runs sh, whose child is unroll
shell=$("${TMUX_CMD[@]}" display-message -p -t e2e '#{pane_pid}')
pid=$(child_of "$shell")
[ -n "$pid" ] && kill -TERM "$pid"
expect "[exit 143]" "SIGTERM exits 143"
[ "$(alternate_on)" = "0" ] && pass || fail "terminal left on the alternate screen after SIGTERM"

# 5. No terminal: a one-line error, exit 2, nothing written to the output file.
"$BIN" "$LESSON" >"$OUT/out.txt" 2>"$OUT/err.txt" </dev/null; rc=$?
[ "$rc" = 2 ] && pass || fail "no terminal: exit $rc, want 2"
[ ! -s "$OUT/out.txt" ] && pass || fail "no terminal: something was written to stdout"
[ "$(wc -l <"$OUT/err.txt")" = 1 ] && grep -q "unroll render" "$OUT/err.txt" && pass || fail "no terminal: want one line naming 'unroll render', got: $(cat "$OUT/err.txt")"
start 100 30 "TERM=dumb $BIN $LESSON"
expect "[exit 2]" "TERM=dumb exits 2"
expect "cursor" "TERM=dumb names the cause"

# 6. render: plain text has no escape byte; --color always has colour.
"$BIN" render "$LESSON" --step 2 --width 100 --height 30 >"$OUT/plain.txt"
if grep -q $'\x1b' "$OUT/plain.txt"; then fail "render plain text contains an escape byte"; else pass; fi
grep -q "forward t = 2 / 5" "$OUT/plain.txt" && pass || fail "render shows the header"
"$BIN" render "$LESSON" --step 2 --color always >"$OUT/ansi.txt"
grep -q $'\x1b\[' "$OUT/ansi.txt" && pass || fail "render --color always has no escapes"

# 7. Limits and signals (issue 15)
source "$ROOT/Tests/EndToEnd/limits.sh"

# 8. export and record
source "$ROOT/Tests/EndToEnd/export.sh"

# 8b. --watch: live reload of an edited lesson (issue 13)
source "$ROOT/Tests/EndToEnd/watch.sh"

# 9. GRU and LSTM on the command line (issue 12)
source "$ROOT/Tests/EndToEnd/gated.sh"

# 10. The student acts (issue 10)
source "$ROOT/Tests/EndToEnd/student.sh"

# 12. The training lab (issue 11)
source "$ROOT/Tests/EndToEnd/lab.sh"

# 7. train: a diverging run writes nothing (unless --force); Ctrl-C writes nothing (unless
#    --save-on-interrupt); --sample-every prints the loss and samples; the file continues the run.
"$BIN" train lessons/08-language-model.yaml --out "$OUT/div.yaml" --optimizer sgd --lr 10 --steps 300 >/dev/null 2>"$OUT/div.txt"; rc=$?
[ "$rc" = 1 ] && [ ! -e "$OUT/div.yaml" ] && grep -q "training diverged at step" "$OUT/div.txt" && pass || fail "train: a diverging run exits 1 and writes nothing (exit $rc): $(cat "$OUT/div.txt")"
"$BIN" train lessons/08-language-model.yaml --out "$OUT/div.yaml" --optimizer sgd --lr 10 --steps 300 --force >/dev/null 2>&1; rc=$?
[ "$rc" = 0 ] && [ -s "$OUT/div.yaml" ] && pass || fail "train --force writes the last good weights of a diverged run (exit $rc)"
"$BIN" train lessons/08-language-model.yaml --out "$OUT/s.yaml" --steps 100 --sample-every 50 >"$OUT/s.txt" 2>/dev/null
[ "$(grep -c '^----$' "$OUT/s.txt")" = 4 ] && grep -q "^step 100/100, loss [0-9.]* (mean of the last 50 steps)$" "$OUT/s.txt" && pass || fail "train --sample-every 50 prints two samples: $(cat "$OUT/s.txt")"
# a stored run continues with its own settings (12b: Adam, lr 0.01, clip ±5), said on stderr and written; flags change them
"$BIN" train lessons/12b-gru.yaml --out "$OUT/12b.yaml" --steps 20 >/dev/null 2>"$OUT/12b.txt"
grep -qx "settings: adam (the stored run's), lr 0.01 (the stored run's), clip ±5.0 (the stored run's), seed 0 (the stored run's)" "$OUT/12b.txt" \
    && grep -qx "    clip: 5.0" "$OUT/12b.yaml" && pass || fail "train continues 12b with its stored clipping: $(cat "$OUT/12b.txt")"
"$BIN" train lessons/12b-gru.yaml --out "$OUT/12bn.yaml" --steps 20 --no-clip --lr 0.005 >/dev/null 2>"$OUT/12bn.txt"
grep -qx "settings: adam (the stored run's), lr 0.005 (given), no clipping (given), seed 0 (the stored run's)" "$OUT/12bn.txt" \
    && grep -qx "    clip: none" "$OUT/12bn.yaml" && pass || fail "train --no-clip --lr on 12b: $(cat "$OUT/12bn.txt")"
# --keep-script: the training slide reveals what the first kept slide does, so no kept question's answer shows early
"$BIN" train lessons/08-language-model.yaml --out "$OUT/k8.yaml" --steps 3000 --keep-script >/dev/null 2>"$OUT/k8.txt" \
    && "$BIN" check --strict "$OUT/k8.yaml" >"$OUT/k8c.txt" 2>&1 && pass || fail "train --keep-script writes a lesson that passes check --strict: $(cat "$OUT/k8.txt" "$OUT/k8c.txt")"
# one loss line format: plain progress lines (stderr not a terminal) and --sample-every's agree
"$BIN" train lessons/08-language-model.yaml --out "$OUT/p.yaml" --steps 100 >/dev/null 2>"$OUT/p.txt"
[ "$(grep -c '^step [0-9]*/100, loss [0-9.]* (mean of the last 5 steps)$' "$OUT/p.txt")" = 10 ] && pass || fail "train prints a plain loss line every tenth: $(cat "$OUT/p.txt")"
"$BIN" train lessons/08-language-model.yaml --out "$OUT/s3.yaml" --steps 100 --sample-every 25 >"$OUT/s3.txt" 2>&1
[ "$(grep -c '^step' "$OUT/s3.txt")" = 4 ] && [ "$(grep -c '^step [0-9]*/100, loss [0-9.]* (mean of the last 25 steps)$' "$OUT/s3.txt")" = 4 ] \
    && pass || fail "train --sample-every: its loss lines are the only ones, in the same format: $(cat "$OUT/s3.txt")"
"$BIN" train "$OUT/s.yaml" --out "$OUT/s2.yaml" --steps 10 >/dev/null 2>"$OUT/s2.txt"
grep -q "continuing from step 100" "$OUT/s2.txt" && grep -q "^    steps: 110$" "$OUT/s2.yaml" && pass || fail "train continues a trained lesson's run: $(cat "$OUT/s2.txt")"
for save in "" --save-on-interrupt; do
    rm -f "$OUT/int.yaml"
    "$BIN" train lessons/08-language-model.yaml --out "$OUT/int.yaml" --steps 10000000 $save >/dev/null 2>"$OUT/int.txt" &
    pid=$!
    sleep 2; kill -INT "$pid"; wait "$pid"; rc=$?
    if [ -z "$save" ]; then
        [ "$rc" = 130 ] && [ ! -e "$OUT/int.yaml" ] && grep -q "interrupted at step" "$OUT/int.txt" && pass || fail "train: Ctrl-C exits 130 and writes nothing (exit $rc)"
    else
        [ "$rc" = 0 ] && "$BIN" check "$OUT/int.yaml" >/dev/null && pass || fail "train --save-on-interrupt writes a valid lesson (exit $rc)"
    fi
done

# 11. the command line (issue 9)
source "$ROOT/Tests/EndToEnd/cli.sh"

echo "end-to-end: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
