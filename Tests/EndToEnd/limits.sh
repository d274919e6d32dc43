# Limits and signals (issue 15), sourced by run.sh: it uses start, expect, pass, fail, $BIN, $OUT.

# Write errors: stdout full or closed → one line on stderr, exit 74; stderr closed → the line on stdout.
io_case() {   # NAME CMD…
    local name=$1; shift
    "$@" >/dev/full 2>"$OUT/io-err.txt"; rc=$?
    [ "$rc" = 74 ] && pass || fail "$name >/dev/full: exit $rc, want 74"
    # (train's progress lines also go to stderr: the error is its last line, said once)
    [ "$(grep -c "cannot write" "$OUT/io-err.txt")" = 1 ] && tail -1 "$OUT/io-err.txt" | grep -q "^unroll: cannot write to standard output: " \
        && pass || fail "$name >/dev/full: want one line on stderr, got: $(head -c 300 "$OUT/io-err.txt")"
    "$@" >&- 2>"$OUT/io-err.txt"; rc=$?
    [ "$rc" = 74 ] && pass || fail "$name >&-: exit $rc, want 74"
    grep -q "cannot write to standard output" "$OUT/io-err.txt" && pass || fail "$name >&-: no message"
}
io_case check "$BIN" check "$LESSON"
io_case trace "$BIN" trace "$LESSON"
io_case render "$BIN" render "$LESSON" --step 2
io_case sample "$BIN" sample lessons/08-language-model.yaml --n 2
io_case train "$BIN" train "$LESSON" --steps 2 --out "$OUT/io-trained.yaml" --force
io_case bench "$BIN" bench --hidden 2 --vocab 3 --length 2 --runs 1
io_case export "$BIN" export "$LESSON" --format txt --slide 1 --out "$OUT/io-export"
# a false check's report goes to stderr: with stderr full the line goes to stdout
printf 'not a lesson' >"$OUT/bad.yaml"
"$BIN" check "$OUT/bad.yaml" 2>/dev/full >"$OUT/io-out.txt"; rc=$?
[ "$rc" = 74 ] && pass || fail "check 2>/dev/full: exit $rc, want 74"
grep -q "cannot write to standard error" "$OUT/io-out.txt" && pass || fail "check 2>/dev/full: nothing on stdout"
# a closed pipe: the same, not a silent SIGPIPE
"$BIN" trace lessons/08-language-model.yaml 2>"$OUT/io-err.txt" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" = 74 ] && pass || fail "trace | head: exit $rc, want 74"

# Signals: each one that ends the explorer restores the terminal first (alternate screen off,
# tty modes back) and ends it by that signal (exit 128 + N), whatever it was doing.
signal_case() {   # SIGNAL STATUS
    start 100 30 "ulimit -c 0; $BIN $LESSON; echo \"[unroll \$?]\"; stty -a | grep -c -- -icanon"
    expect "forward t = 1 / 5" "started for SIG$1" || return
    local shell pid
    shell=$("${TMUX_CMD[@]}" display-message -p -t e2e '#{pane_pid}')
    pid=$(child_of "$shell")
    [ -n "$pid" ] && kill -"$1" "$pid"
    expect "[unroll $2]" "SIG$1 ends the explorer with $2"
    [ "$(alternate_on)" = "0" ] && pass || fail "SIG$1 left the alternate screen on"
    expect "[exit 1]" "SIG$1: the tty is back in canonical mode (stty shows no -icanon)"
}
signal_case HUP 129
signal_case INT 130
signal_case QUIT 131
signal_case USR1 138
signal_case PIPE 141
signal_case ALRM 142
signal_case TERM 143

# Long work is no shelter: SIGTERM during `t` (training) on the language model ends at once.
start 100 30 "$BIN lessons/08-language-model.yaml; echo \"[unroll \$?]\""
expect "t = 1 /" "started for SIGTERM during training"
keys t
shell=$("${TMUX_CMD[@]}" display-message -p -t e2e '#{pane_pid}')
pid=$(child_of "$shell")
[ -n "$pid" ] && kill -TERM "$pid"
expect "[unroll 143]" "SIGTERM during training ends the explorer"
[ "$(alternate_on)" = "0" ] && pass || fail "SIGTERM during training left the alternate screen on"

# With SIGHUP ignored (as under nohup), closing the terminal ends the explorer: no spinning.
start 100 30 "trap \"\" HUP; $BIN $LESSON"
expect "forward t = 1 / 5" "started with SIGHUP ignored"
shell=$("${TMUX_CMD[@]}" display-message -p -t e2e '#{pane_pid}')
pid=$(child_of "$shell")
"${TMUX_CMD[@]}" kill-server >/dev/null 2>&1
gone=0
for i in $(seq 1 50); do [ -e "/proc/$pid" ] || { gone=1; break; }; sleep 0.1; done
[ "$gone" = 1 ] && pass || { fail "closed terminal with SIGHUP ignored: unroll still running"; kill -KILL "$pid" 2>/dev/null; }

# No alternate screen (TERM=vt100): the screen is cleared on exit, the last frame does not stay.
start 100 30 "TERM=vt100 $BIN $LESSON"
expect "forward t = 1 / 5" "started under TERM=vt100"
keys q
expect "[exit 0]" "q under TERM=vt100"
expect_not "forward t = 1 / 5" "TERM=vt100: the last frame is cleared on exit"

# render --color auto gives no colour on TERM=dumb, even on a terminal (script(1) gives it one)
if command -v script >/dev/null 2>&1; then
    TERM=dumb script -qc "$BIN render $LESSON --step 2 --color auto" /dev/null </dev/null >"$OUT/dumb.txt" 2>&1
    grep -q "forward t = 2 / 5" "$OUT/dumb.txt" && pass || fail "render under script(1) printed no frame"
    if grep -q $'\x1b\\[' "$OUT/dumb.txt"; then fail "render --color auto on TERM=dumb wrote colour"; else pass; fi
    TERM=xterm-256color script -qc "$BIN render $LESSON --step 2 --color auto" /dev/null </dev/null >"$OUT/xterm.txt" 2>&1
    grep -q $'\x1b\\[' "$OUT/xterm.txt" && pass || fail "render --color auto on a colour terminal wrote no colour"
fi

# train --force keeps the replaced file's mode, and refuses a file the user could not write.
"$BIN" train "$LESSON" --steps 2 --out "$OUT/mode.yaml" >/dev/null 2>&1
chmod 640 "$OUT/mode.yaml"
"$BIN" train "$LESSON" --steps 2 --out "$OUT/mode.yaml" --force >/dev/null 2>&1
[ "$(stat -c %a "$OUT/mode.yaml")" = 640 ] && pass || fail "train --force widened 0640 to $(stat -c %a "$OUT/mode.yaml")"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
    shared=$(mktemp -d); chmod 777 "$shared"
    cp "$LESSON" "$shared/in.yaml"; chmod 644 "$shared/in.yaml"
    echo "root's" >"$shared/theirs.yaml"; chmod 444 "$shared/theirs.yaml"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" train "$shared/in.yaml" --steps 2 --out "$shared/theirs.yaml" --force >/dev/null 2>"$OUT/force.txt"; rc=$?
    [ "$rc" = 1 ] && grep -q "is not writable by you (mode 0444, owner uid 0); --force only replaces a file you could write yourself" "$OUT/force.txt" \
        && pass || fail "train --force as another user: exit $rc, $(cat "$OUT/force.txt")"
    [ "$(cat "$shared/theirs.yaml")" = "root's" ] && pass || fail "train --force replaced another user's read-only file"
    rm -rf "$shared"
fi

# sample refuses a model whose probabilities are not finite, naming the weights
sed -e 's/^  init: .*$/  weights: {Waa: [[0, 0], [0, 0]], Wax: [[1000, 1000], [1000, 1000]], Wya: [[1e308, 1e308], [1e308, -1e308]]}/' \
    Tests/Fixtures/lessons/chars-ab.yaml >"$OUT/nan.yaml"
"$BIN" sample "$OUT/nan.yaml" >"$OUT/nan-out.txt" 2>"$OUT/nan-err.txt"; rc=$?
[ "$rc" = 1 ] && [ ! -s "$OUT/nan-out.txt" ] && grep -q "^unroll sample: the probabilities are not finite (NaN) from step 1 on: the weights are too large for the arithmetic (Wya up to 1e+308, Wax up to 1000, Waa up to 0); nothing sampled$" "$OUT/nan-err.txt" \
    && pass || fail "sample with NaN probabilities: exit $rc, $(cat "$OUT/nan-err.txt")"

# train: a model too large for a 1 MiB lesson writes its weights to NEW.npz beside NEW.yaml (issue 15, item 4)
mkdir -p "$OUT/big"
cat >"$OUT/big/wide.yaml" <<'YAML'
title: Wide
model: {n_x: 3, n_a: 300, n_y: 3, g1: tanh, g2: softmax, init: {seed: 1, scale: 0.05}}
architecture: many-to-many
sequence: {vocab: "abc", text: "abcab"}
script:
  - say: Wide.
YAML
"$BIN" train "$OUT/big/wide.yaml" --out "$OUT/big/new.yaml" --steps 2 >"$OUT/big.txt" 2>&1; rc=$?
[ "$rc" = 0 ] && grep -q "wrote .*new.yaml and .*new.npz" "$OUT/big.txt" && grep -q '^  weights: {file: "new.npz"}$' "$OUT/big/new.yaml" \
    && pass || fail "train of n_a = 300: exit $rc, $(cat "$OUT/big.txt")"
"$BIN" check "$OUT/big/new.yaml" >/dev/null && pass || fail "the trained n_a = 300 lesson does not pass check"
[ "$(ls -A "$OUT/big" | tr '\n' ' ')" = "new.npz new.yaml wide.yaml " ] && pass || fail "train left other files: $(ls -A "$OUT/big")"
rm "$OUT/big/new.yaml"
"$BIN" train "$OUT/big/wide.yaml" --out "$OUT/big/new.yaml" --steps 2 >/dev/null 2>"$OUT/big.txt"; rc=$?
[ "$rc" = 1 ] && grep -q "new.npz already exists" "$OUT/big.txt" && [ ! -e "$OUT/big/new.yaml" ] && pass || fail "train over an existing NEW.npz without --force: exit $rc, $(cat "$OUT/big.txt")"
# texts that would be written into a lesson in another folder and make it pass 1 MiB: refused before training
awk 'BEGIN { for (i = 0; i < 100000; i++) print "abababab" }' >"$OUT/big/names.txt"
sed -e 's/^  text: "abab"$/  text: "abab"\n  texts: names.txt/' Tests/Fixtures/lessons/chars-ab.yaml >"$OUT/big/texts.yaml"
"$BIN" train "$OUT/big/texts.yaml" --out "$OUT/texts-elsewhere.yaml" --steps 100000 >/dev/null 2>"$OUT/big.txt"; rc=$?
[ "$rc" = 1 ] && grep -q "is not in the folder of names.txt, so the new lesson would hold its 100000 texts" "$OUT/big.txt" && [ ! -e "$OUT/texts-elsewhere.yaml" ] \
    && pass || fail "train with texts inlined past 1 MiB: exit $rc, $(cat "$OUT/big.txt")"

# A trace whose memory the system refuses (here: ulimit -v below its 208 MB tape): one line
# naming the size and the fix, exit 1, from check, trace, render and the explorer — no trap.
mkdir -p "$OUT/mem"
{ printf 'title: t\nmodel: {n_x: 2, n_a: 512, n_y: 2, g1: tanh, g2: softmax, init: {seed: 1, scale: 0.01}}\n'
  printf 'architecture: many-to-many\nsequence: {vocab: "ab", text: "'
  awk 'BEGIN { for (i = 0; i < 5000; i++) printf "ab"; printf "a" }'
  printf '"}\nscript:\n  - say: s\n'; } >"$OUT/mem/wide.yaml"
mem_case() {   # NAME CMD…
    local name=$1; shift
    (ulimit -v 150000; "$@" >/dev/null 2>"$OUT/mem/err.txt"); rc=$?
    [ "$rc" = 1 ] && [ "$(wc -l <"$OUT/mem/err.txt")" = 1 ] \
        && grep -q "wide.yaml: error: not enough memory for a trace of 2[0-9][0-9] MB (n_a = 512, T = 10000): free memory or raise the limit (ulimit -v)" "$OUT/mem/err.txt" \
        && pass || fail "$name under ulimit -v: exit $rc, $(head -c 400 "$OUT/mem/err.txt")"
}
mem_case check "$BIN" check "$OUT/mem/wide.yaml"
mem_case trace "$BIN" trace "$OUT/mem/wide.yaml"
mem_case render "$BIN" render "$OUT/mem/wide.yaml"
"$BIN" check "$OUT/mem/wide.yaml" >/dev/null && pass || fail "the wide lesson does not pass check without a limit"
start 100 30 "ulimit -v 150000; $BIN $OUT/mem/wide.yaml"
expect "error: not enough memory for a trace of" "the explorer says the trace's memory is refused"
expect "[exit 1]" "the explorer exits 1 when the trace's memory is refused"
