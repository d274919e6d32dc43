# End-to-end: `unroll LESSON --watch` (sourced by run.sh: uses start, keys, expect, expect_not, $BIN, $OUT).
# The lesson is edited under the running explorer: the change appears, the slide stays; a broken
# version shows its error in a box over the last good one; fixing it takes the box away.
cp lessons/02-forward.yaml "$OUT/watched.yaml"
start 100 30 "$BIN $OUT/watched.yaml --watch --lang en --no-progress"
expect "Forward propagation" "watch: the lesson opens"
keys n n
expect "slide 3 / " "watch: on slide 3"
# a new title, written the way editors do (a new file renamed over the old)
sed 's/^title: .*/title: {en: "Watched and edited", zh: "改过了"}/' "$OUT/watched.yaml" >"$OUT/watched.tmp" && mv "$OUT/watched.tmp" "$OUT/watched.yaml"
expect "Watched and edited" "watch: the edited title appears"
expect "slide 3 / " "watch: the slide stays after a reload"
# a version that does not load: its error over the last good version, which stays
sed -i 's/^  n_a:/  n_aa:/' "$OUT/watched.yaml"
expect "watched.yaml does not load" "watch: a load error box"
expect "did you mean n_a?" "watch: the error's message in the box"
expect "Watched and edited" "watch: the last good version stays under the box"
keys n
expect "slide 4 / " "watch: keys still act under the box"
sed -i 's/^  n_aa:/  n_a:/' "$OUT/watched.yaml"
sleep 1
expect_not "does not load" "watch: fixing the file takes the box away"
expect "slide 4 / " "watch: the slide stays after the fix"
keys q

# a lesson whose check is false when the explorer opens: the same box as after a save (the
# screen shows this version); fixing the check and saving takes it away
sed 's/abs(tanh(0.5) - 0.46) < 0.005/abs(tanh(0.5) - 0.9) < 0.005/' lessons/02-forward.yaml >"$OUT/false-check.yaml"
grep -q "tanh(0.5) - 0.9" "$OUT/false-check.yaml" || fail "watch: the false check was not written"
start 100 30 "$BIN $OUT/false-check.yaml --watch --lang en --no-progress"
expect "false-check.yaml does not pass its checks" "watch: a false check at the start shows the box"
expect "is false" "watch: the false check's message in the box at the start"
expect "Showing this version anyway" "watch: the start box says the screen shows this version"
keys Escape
sleep 0.5
expect_not "does not pass its checks" "watch: Esc hides the start box"
sed -i 's/abs(tanh(0.5) - 0.9) < 0.005/abs(tanh(0.5) - 0.46) < 0.005/' "$OUT/false-check.yaml"
expect "reloaded: the lesson file changed" "watch: the fixed file reloads"
expect_not "does not pass its checks" "watch: no box after the fix"
keys q
# without --watch the explorer opens it without a box (render and the plain explorer stay fast)
sed -i 's/abs(tanh(0.5) - 0.46) < 0.005/abs(tanh(0.5) - 0.9) < 0.005/' "$OUT/false-check.yaml"
start 100 30 "$BIN $OUT/false-check.yaml --lang en --no-progress"
expect "Forward propagation" "watch: the plain explorer opens a lesson with a false check"
expect_not "does not pass its checks" "watch: the plain explorer shows no check box"
keys q
