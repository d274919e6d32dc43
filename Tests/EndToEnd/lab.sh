# The training lab (issue 11): sourced by run.sh (start, keys, expect, screen, $BIN, $OUT).
# Lesson 08 at 120×40: T opens the lab, Space runs it, the step counter, steps per second, a
# sample line and the loss move; Space pauses (the counter stops); o, ], c change the settings;
# T leaves with the trained network on screen, r resets; q quits cleanly.

# lab_field NAME: the number after NAME in the lab's status line ("step 1200", "loss 14.302").
lab_field() { screen | grep -o "· $1 [0-9.]*" | head -1 | awk '{print $3}'; }
# wait_steps N: wait (up to 60 s, however slow the machine) until the lab has taken N steps.
wait_steps() {
    local i s
    for i in $(seq 1 600); do
        s=$(lab_field step); [ -n "$s" ] && [ "$s" -ge "$1" ] && return 0
        sleep 0.1
    done
    return 1
}

start 120 40 "$BIN lessons/08-language-model.yaml --lang en --no-progress"
expect "slide 1 / " "lab: lesson 08 opens"
keys T
expect "── training lab" "lab: T opens the lab in place of the equation panel"
expect "paused · step 0" "lab: it starts paused at step 0"
expect "o optimizer Adagrad" "lab: the settings line"
expect "Space run/pause" "lab: the footer names Space"
expect "r reset  T leave" "lab: the footer names r and T, each with its word"
expect "─t=2" "lab: the timeline stays"
keys Space
expect "running · step" "lab: Space runs"
wait_steps 20 && pass || fail "lab: the step counter did not reach 20"
first=$(lab_field loss)
wait_steps 600 && pass || fail "lab: the step counter did not reach 600"
expect "steps/s" "lab: steps per second are shown"
screen | grep -qE "^.* [0-9]+: L [0-9.]+  " && pass || { fail "lab: no sample line 'STEP: L LOSS  text'"; screen | sed 's/^/    | /'; }
later=$(lab_field loss)
awk -v a="$first" -v b="$later" 'BEGIN { exit !(a != "" && b != "" && b < a) }' && pass \
    || fail "lab: the running mean loss did not fall ($first → $later)"
keys Space
expect "paused · step" "lab: Space pauses"
p1=$(lab_field step); sleep 0.5; p2=$(lab_field step)
[ -n "$p1" ] && [ "$p1" = "$p2" ] && pass || fail "lab: paused, yet the step counter moved ($p1 → $p2)"
keys o
expect "optimizer Adam" "lab: o changes the optimizer"
expect "Adam, lr 0.01" "lab: the status line says the new settings"
keys ]
expect "learning rate 0.02" "lab: ] doubles the learning rate"
keys c
expect "clip ‖g‖ ≤ 5" "lab: c changes the clipping"
keys Space
expect "running · step" "lab: runs again with the new settings"
wait_steps $((p2 + 20)) && pass || fail "lab: the run did not go on after a change of settings"
keys T
expect "left the lab after" "lab: T leaves and says how many steps it trained"
expect "Wa = [Waa | Wax]" "lab: the equation panel is back"
expect_not "── training lab" "lab: the lab is gone"
keys r
expect "back to the lesson's starting weights" "lab: r goes back to the lesson's weights"
keys T
expect "paused · step 0" "lab: reopened after r, it starts from the lesson again"
keys q
expect "[exit 0]" "lab: q quits cleanly from the lab"

# The lab on an LSTM (12c): it trains, shows ‖dc<t>‖ under ‖da<t>‖ and samples; leaving keeps it.
start 120 40 "$BIN lessons/12c-lstm.yaml --lang en --no-progress"
expect "slide 1 / " "lab lstm: lesson 12c opens"
keys T
expect "── training lab" "lab lstm: T opens the lab on an LSTM"
expect "‖dc<t>‖ over t" "lab lstm: ‖dc<t>‖ is shown beside ‖da<t>‖"
expect "paused · step 20000" "lab lstm: the counter starts at the lesson's stored 20000 steps"
keys Space
expect "running · step" "lab lstm: Space runs"
wait_steps 20200 && pass || fail "lab lstm: the step counter did not reach 20200"
for i in $(seq 1 100); do screen | grep -qE "^.* [0-9]+: L [0-9.]+  " && break; sleep 0.1; done
screen | grep -qE "^.* [0-9]+: L [0-9.]+  " && pass || { fail "lab lstm: no sample line"; screen | sed 's/^/    | /'; }
keys T
expect "left the lab after" "lab lstm: T leaves with the trained network"
keys q
expect "[exit 0]" "lab lstm: q quits cleanly"


# Lesson 09b's lab slides at 80×24: SGD, clipping off, 1 step per screen update (paced at 10 a
# second, so the run can be watched): the loss jumps to 3.87 at the second step, the run goes on.
start 80 24 "$BIN lessons/09b-exploding-gradients.yaml --lang en --no-progress"
expect "slide 1 / 10" "lab 09b: lesson 09b opens"
keys T o o c c u u
expect "1 step per screen update, 10 updates a second" "lab 09b: u u gives 1 step per update, paced"
keys Space
wait_steps 5 && pass || fail "lab 09b: the run did not start"
expect "3.87┤" "lab 09b: the loss chart shows the jump to 3.87"
sleep 1; s=$(lab_field step)
[ -n "$s" ] && [ "$s" -le 40 ] && pass || fail "lab 09b: 1 step per update is paced (step $s after about 1.5 s)"
expect_not "diverged" "lab 09b: the jump does not stop the run"
keys Space q
expect "[exit 0]" "lab 09b: q quits cleanly"

# A run that diverges stops, says so and what to try, and the lab still answers keys after it.
start 120 40 "$BIN lessons/08-language-model.yaml --lang en --no-progress"
expect "slide 1 / " "lab diverging: lesson 08 opens"
keys T
keys o o ] ] ] ] ] ] ] ] c c   # SGD, lr 2.56, no clipping: diverges within its first 10 steps
expect "o optimizer SGD" "lab diverging: SGD"
expect "learning rate 2.56" "lab diverging: lr 2.56"
keys Space
expect "diverged at step" "lab diverging: the stop is said in words"
expect "past 10× its starting value per time step" "lab diverging: the rule is said per time step, as train says it"
expect "switch clipping on (c)" "lab diverging: it says what to try"
expect "stopped · step" "lab diverging: the status line says stopped"
expect "just before the stop" "lab diverging: it says which weights it keeps (not 'the last good' ones)"
kept=$(screen | grep -o "stopped · step [0-9]*" | head -1 | grep -o "[0-9]*$")
keys w
expect "nothing written" "lab diverging: w on a diverged run warns first and writes nothing"
[ ! -e lessons/08-language-model-lab.yaml ] && pass || fail "lab diverging: the first w wrote lessons/08-language-model-lab.yaml"
keys '>'
expect "temperature 1.5" "lab diverging: a key after the stop is answered"
keys T
expect "left the lab after $kept steps" "lab diverging: leaving counts the kept steps ($kept), as the lab did"
expect "✎ trained $kept steps" "lab diverging: the header counts the kept steps ($kept)"
keys q
expect "[exit 0]" "lab diverging: q quits cleanly"

# unroll train on a terminal: a progress bar with the loss, steps per second and the time left;
# Ctrl-C stops it, writes nothing and exits 130.
start 100 10 "$BIN train lessons/08-language-model.yaml --out $OUT/bar.yaml --steps 10000000"
expect "steps/s  ETA " "train: a progress bar with steps per second and ETA on a terminal"
screen | grep -qE "^[█·]{30} [0-9]+/10000000  loss [0-9.]+  " && pass || { fail "train: the bar line"; screen | sed 's/^/    | /'; }
keys C-c
expect "interrupted at step" "train: Ctrl-C stops between steps"
expect "[exit 130]" "train: Ctrl-C exits 130"
[ ! -e "$OUT/bar.yaml" ] && pass || fail "train: Ctrl-C wrote $OUT/bar.yaml"
