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
# a false check's report goes to stderr: with stderr full the line goes to stdout
printf 'not a lesson' >"$OUT/bad.yaml"
"$BIN" check "$OUT/bad.yaml" 2>/dev/full >"$OUT/io-out.txt"; rc=$?
[ "$rc" = 74 ] && pass || fail "check 2>/dev/full: exit $rc, want 74"
grep -q "cannot write to standard error" "$OUT/io-out.txt" && pass || fail "check 2>/dev/full: nothing on stdout"
# a closed pipe: the same, not a silent SIGPIPE
"$BIN" trace lessons/08-language-model.yaml 2>"$OUT/io-err.txt" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" = 74 ] && pass || fail "trace | head: exit $rc, want 74"
