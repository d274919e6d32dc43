"""Writes the largest lesson the format allows (n_x = n_a = n_y = 1024, T = 10 000) to the path
given, for timing `unroll check` and the explorer at the limits:

    python3 Benchmarks/largest-lesson.py /tmp/largest.yaml
    /usr/bin/time -v .build/release/unroll check /tmp/largest.yaml

The vocabulary is 1024 CJK characters (U+4E00 …), the text 10 001 of them drawn with a fixed seed,
many-to-many, seeded weights; one slide with a check, so the whole trace is built and checked.
"""
import random
import sys

vocab = "".join(chr(0x4E00 + i) for i in range(1024))
rng = random.Random(7)
text = "".join(rng.choice(vocab) for _ in range(10_001))
lesson = f"""title: "The largest legal lesson"
model:
  cell: rnn
  n_x: 1024
  n_a: 1024
  n_y: 1024
  g1: tanh
  g2: softmax
  init: {{seed: 7, scale: 0.02}}
architecture: many-to-many
sequence:
  vocab: "{vocab}"
  text: "{text}"
script:
  - say: "Ten thousand steps of a 1024-unit network."
    at: {{phase: backward, t: 1}}
    check: ["L > 0", "sum(ŷ<10000>) ≈ 1.0000"]
"""
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(lesson)
