#!/usr/bin/env bash
# End-to-end tests: the real binary in tmux, driven by keys, read back with capture-pane
# (the way tmux's own regress/ scripts work). Usage: run.sh PATH/TO/unroll
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SOCK="unroll-e2e-$$"
TMUX_CMD=(tmux -L "$SOCK" -f /dev/null)
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
    "${TMUX_CMD[@]}" new-session -d -x "$w" -y "$h" -s e2e "sh -c '$*; echo \"[exit \$?]\"; sleep 30'"
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
expect_not() {
    if screen | grep -qF -- "$1"; then fail "$2: '$1' still on screen"; screen | sed 's/^/    | /'; else pass; fi
}
alternate_on() { "${TMUX_CMD[@]}" display-message -p -t e2e '#{alternate_on}'; }
