#!/usr/bin/env bash
# The install, tested as a newcomer would use it: `make install PREFIX=…` into a temporary prefix,
# then the installed binary run from elsewhere, with a clean environment, finding its own lessons.
# Usage: Tests/Install/run.sh   (CONFIG=debug SWIFTFLAGS= for a quick run without the release build)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
SOCK="unroll-install-$$"
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT
failures=0; passes=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }
check() { if eval "$1"; then pass; else fail "$2"; fi; }

PREFIX="$TMP/prefix"
# `make install` builds with the README's first command's flags (else it recompiles every module
# after that command: a second 7-minute release build), and so do the benchmark scripts
readme_build=$(grep -m1 -o 'swift build -c release[^&]*--product unroll' "$ROOT/README.md")
make_build=$(make -s -n -C "$ROOT" build | grep -o 'swift build.*')
check '[ -n "$readme_build" ] && [ "$make_build" = "$readme_build" ]' "make build runs '$make_build', the README's first command '$readme_build'"
check 'grep -qF -- "$readme_build" "$ROOT/Benchmarks/peers.sh" && grep -qF -- "$readme_build" "$ROOT/Benchmarks/gated_peers.sh"' "the benchmark scripts build with other flags than the README's first command"
if ! make -C "$ROOT" install PREFIX="$PREFIX" ${CONFIG:+CONFIG="$CONFIG"} ${SWIFTFLAGS+SWIFTFLAGS="$SWIFTFLAGS"} >"$TMP/make.log" 2>&1; then
    echo "FAIL: make install"; grep -v 'prohibited flag' "$TMP/make.log" | tail -20; exit 1
fi
BIN="$PREFIX/bin/unroll"
SHARE="$PREFIX/share/unroll/lessons"
check '[ -x "$BIN" ]' "no $BIN"
check '[ -f "$SHARE/02-forward.yaml" ] && [ -f "$SHARE/names.txt" ] && [ -f "$SHARE/README.md" ]' "lessons not in $SHARE"
check '[ -s "$PREFIX/share/bash-completion/completions/unroll" ] && bash -n "$PREFIX/share/bash-completion/completions/unroll"' "bash completion missing or not valid bash"
check '[ -s "$PREFIX/share/zsh/site-functions/_unroll" ] && [ -s "$PREFIX/share/fish/vendor_completions.d/unroll.fish" ]' "zsh/fish completions missing"
if [ "${CONFIG:-release}" = release ] && [ "${SWIFTFLAGS---static-swift-stdlib}" = "--static-swift-stdlib" ]; then
    # the Swift runtime is inside the binary: it runs without the toolchain's libraries
    check '! ldd "$BIN" | grep -q "libswiftCore"' "the installed binary needs libswiftCore.so: $(ldd "$BIN" | grep swift)"
fi

# Run it from an empty folder with a clean environment (no toolchain on PATH or LD_LIBRARY_PATH).
# The checkout's lessons/ stay where they are, so the picker must show the PREFIX's lessons: keep
# two of them there, and the picker lists exactly those two.
mkdir -p "$TMP/elsewhere" "$TMP/home"
for f in "$SHARE"/*.yaml; do case "$(basename "$f")" in 02-forward.yaml|08-language-model.yaml) ;; *) rm "$f" ;; esac; done
run() { (cd "$TMP/elsewhere" && env -i HOME="$TMP/home" PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 "$@"); }

check 'run "$BIN" --version | grep -qx "0.2.0"' "--version from the installed binary"
check 'run "$BIN" check "$SHARE"/*.yaml | grep -q "ok: 2 lessons"' "check of the installed lessons"
# 12a-12c's notes reproduce them from lessons/12-untrained/: installed too, reading ../agreement.txt
check 'run "$BIN" check "$SHARE"/12-untrained/*.yaml | grep -q "ok: 3 lessons"' "check of the installed 12-untrained lessons"
check 'run "$BIN" render "$SHARE/08-language-model.yaml" --slide 2 --width 100 --height 30 | grep -q "slide 2 /"' "render of an installed lesson (its texts: names.txt beside it)"

tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 -s i \
    "cd '$TMP/elsewhere' && env -i HOME='$TMP/home' PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 '$BIN' --lang en; sleep 30"
screen() { tmux -L "$SOCK" capture-pane -t i -p; }
wait_for() { local n; for n in $(seq 1 50); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done; return 1; }
if wait_for "Forward propagation"; then
    pass
    check 'screen | grep -qF "Language model"' "the picker lists the installed 08"
    check '! screen | grep -qF "Notation and the unrolled network"' "the picker lists 01 from the checkout, not the installed lessons: $(screen | head -8)"
    tmux -L "$SOCK" send-keys -t i Enter
    if wait_for "slide 1 / 9"; then pass; else fail "Enter did not open the installed 02"; screen | sed 's/^/    | /'; fi
    tmux -L "$SOCK" send-keys -t i q q
else
    fail "the installed binary's picker did not show the installed lessons"; screen | sed 's/^/    | /'
fi

# UNROLL_LESSONS and --lessons still choose another folder
mkdir -p "$TMP/mine" && cp "$ROOT/lessons/07a-one-to-one.yaml" "$TMP/mine/"
tmux -L "$SOCK" kill-server >/dev/null 2>&1
# a new session on a server still shutting down fails ("server exited unexpectedly"): wait for its socket to go
for _ in $(seq 50); do [ -S "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK" ] || break; sleep 0.1; done
tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 -s i \
    "cd '$TMP/elsewhere' && env -i HOME='$TMP/home' PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 UNROLL_LESSONS='$TMP/mine' '$BIN' --lang en; sleep 30"
if wait_for "one-to-one"; then pass; else fail "UNROLL_LESSONS did not choose the folder"; screen | sed 's/^/    | /'; fi
check '! screen | grep -qF "Forward propagation"' "UNROLL_LESSONS: the installed lessons are listed too"

echo "install: $passes passed, $failures failed"
[ "$failures" = 0 ]
