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
