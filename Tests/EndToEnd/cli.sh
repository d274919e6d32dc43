# The command line: sourced by run.sh (uses BIN, OUT, pass, fail).

# unroll --version prints the version and exits 0
v=$("$BIN" --version 2>&1); rc=$?
[ "$rc" -eq 0 ] && [ "$v" = "0.2.0" ] && pass || fail "unroll --version printed '$v' (exit $rc)"

# a mistyped subcommand is not read as a lesson path
err=$("$BIN" chekc lessons/01-notation.yaml 2>&1); rc=$?
[ "$rc" -eq 64 ] && [[ "$err" == *"did you mean 'check'?"* ]] && pass || fail "unroll chekc: '$err' (exit $rc)"
err=$("$BIN" rendr 2>&1); rc=$?
[ "$rc" -eq 64 ] && [[ "$err" == *"did you mean 'render'?"* ]] && pass || fail "unroll rendr: '$err' (exit $rc)"

# render LESSON --help prints usage, not the explorer's help box
out=$("$BIN" render "$LESSON" --help 2>&1); rc=$?
[ "$rc" -eq 0 ] && [[ "$out" == *"USAGE: unroll render"* ]] && pass || fail "render LESSON --help: exit $rc"
out=$("$BIN" render "$LESSON" --help-box 2>&1)
[[ "$out" == *"help"* && "$out" != *"USAGE"* ]] && pass || fail "render --help-box draws no help box"

# negative numbers parse and get a range error, with the prefix parse errors have
err=$("$BIN" render "$LESSON" --step -1 2>&1); rc=$?
[ "$rc" -eq 64 ] && [[ "$err" == "unroll render: "*"--step must be 1 or more, got -1"* ]] && pass || fail "render --step -1: '$err' (exit $rc)"
err=$("$BIN" render "$LESSON" --stepp 2 2>&1); rc=$?
[ "$rc" -eq 64 ] && [[ "$err" == "unroll render: "* ]] && pass || fail "render parse error prefix: '$err'"
err=$("$BIN" render "$LESSON" --step 99 2>&1); rc=$?
[ "$rc" -eq 64 ] && [[ "$err" == "unroll render: --step: "* ]] && pass || fail "render range error prefix: '$err'"
err=$("$BIN" sample lessons/08-language-model.yaml --temperature -1 2>&1); rc=$?
[ "$rc" -eq 64 ] && [[ "$err" == "unroll sample: "*"--temperature must be a number ≥ 0, got -1"* ]] && pass || fail "sample --temperature -1: '$err' (exit $rc)"
