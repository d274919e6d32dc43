"""Writes the largest lesson the format allows (n_x = n_a = n_y = 1024, T = 10 000) to the path
given, for timing `unroll check` and the explorer at the limits:

    python3 Benchmarks/largest-lesson.py /tmp/largest.yaml
    /usr/bin/time -v .build/release/unroll check /tmp/largest.yaml

The vocabulary is 1024 CJK characters (U+4E00 …), the text 10 001 of them drawn with a fixed seed,
many-to-many, seeded weights; one slide with the checks an instructor would write about both
passes: L and ŷ<T> (the whole forward pass) and dWaa and da<1> (BPTT and the running sums).
With --forward-only the slide checks only L and ŷ<T>, and `check` runs the forward pass alone
(the trace runs the backward pass only when something asks for a gradient). (--backward, the
old name of the default, is still taken.)
--size N (n_x = n_a = n_y = N, 2…1024) and --steps T (1…10 000) write smaller ones, for the
README's memory figures (Benchmarks/limits-memory.sh):

    python3 Benchmarks/largest-lesson.py --forward-only --size 512 --steps 5000 /tmp/l512.yaml
"""
import argparse
import random

ap = argparse.ArgumentParser()
ap.add_argument("path")
ap.add_argument("--forward-only", action="store_true", help="check only L and ŷ<T> (no BPTT)")
ap.add_argument("--backward", action="store_true", help="(the default) also check dWaa and da<1>")
ap.add_argument("--size", type=int, default=1024, help="n_x = n_a = n_y (default 1024)")
ap.add_argument("--steps", type=int, default=10_000, help="T (default 10 000)")
a = ap.parse_args()
n, T = a.size, a.steps

vocab = "".join(chr(0x4E00 + i) for i in range(n))
rng = random.Random(7)
text = "".join(rng.choice(vocab) for _ in range(T + 1))
backward = "" if a.forward_only else ', "norm(dWaa) > 0", "norm(da<1>) > 0"'
largest = (n, T) == (1024, 10_000)
title = "The largest legal lesson" if largest else f"{n} units, T = {T}"
say = "Ten thousand steps of a 1024-unit network." if largest else f"{T} steps of a {n}-unit network."
lesson = f"""title: "{title}"
model:
  cell: rnn
  n_x: {n}
  n_a: {n}
  n_y: {n}
  g1: tanh
  g2: softmax
  init: {{seed: 7, scale: 0.02}}
architecture: many-to-many
sequence:
  vocab: "{vocab}"
  text: "{text}"
script:
  - say: "{say}"
    at: {{phase: backward, t: 1}}
    check: ["L > 0", "sum(ŷ<{T}>) ≈ 1.0000"{backward}]
"""
with open(a.path, "w", encoding="utf-8") as f:
    f.write(lesson)
