#!/usr/bin/env python3
"""Writes the largest legal lessons (the limits of lessons/README.md) into a folder, for the
README's limits table (issue 15). Nothing here is committed but this script.

    python3 Benchmarks/big-lessons.py OUT_DIR
    Benchmarks/limits.sh .build/release/unroll OUT_DIR     # times and peak memory of each command

big-1024.yaml   n_x = n_a = n_y = 1024, T = 10 000: a character model over 1024 characters
                (vocab and text, so the file stays small; weights from init: {seed: …})
thin-1024.yaml  n_x = 1, n_a = 1024, n_y = 1, T = 10 000 (x and y written out)
texts-100k.yaml a character lesson with 100 000 texts in names.txt beside it
gru-1024.yaml   the largest GRU lesson: n_x = n_a = n_y = 1024, T = 10 000, the text of big-1024
lstm-1024.yaml  the same with an LSTM
gru-N-T.yaml    smaller GRU lessons for the memory table (N = 256, 512, 1024; T = 2 500, 5 000, 10 000)
"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "big-lessons"
os.makedirs(out, exist_ok=True)
rng = random.Random(15)

# 1024 distinct printable characters (CJK ideographs: one code point each, no YAML meaning)
vocab = "".join(chr(0x4E00 + i) for i in range(1024))
text = "".join(rng.choice(vocab) for _ in range(10_001))
with open(os.path.join(out, "big-1024.yaml"), "w", encoding="utf-8") as f:
    f.write(f"""title: Largest legal lesson (1024 × 1024 × 1024, T = 10 000)
model:
  n_x: 1024
  n_a: 1024
  n_y: 1024
  g1: tanh
  g2: softmax
  init: {{seed: 1, scale: 0.05}}
architecture: many-to-many
sequence:
  vocab: "{vocab}"
  text: "{text}"
script:
  - say: The largest lesson the format allows.
    check: "L > 0"
""")

xs = ", ".join(f"[{rng.uniform(-1, 1):.3f}]" for _ in range(10_000))
ys = ", ".join(str(rng.randint(0, 1)) for _ in range(10_000))
with open(os.path.join(out, "thin-1024.yaml"), "w", encoding="utf-8") as f:
    f.write(f"""title: Thin and long (1 × 1024 × 1, T = 10 000)
model:
  n_x: 1
  n_a: 1024
  n_y: 1
  g1: tanh
  g2: sigmoid
  init: {{seed: 2, scale: 0.05}}
architecture: many-to-many
sequence:
  x: [{xs}]
  y: [{ys}]
script:
  - say: One input, 1024 hidden units, ten thousand steps.
    check: "L > 0"
""")

letters = "abcdefghijklmnopqrstuvwxyz"
with open(os.path.join(out, "names.txt"), "w", encoding="utf-8") as f:
    for _ in range(100_000):
        f.write("".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) + "\n")
with open(os.path.join(out, "texts-100k.yaml"), "w", encoding="utf-8") as f:
    f.write(f"""title: A hundred thousand names
model:
  n_x: 27
  n_a: 64
  n_y: 27
  g1: tanh
  g2: softmax
  init: {{seed: 3}}
architecture: many-to-many
sequence:
  vocab: "\\n{letters}"
  text: "\\nanna\\n"
  texts: names.txt
script:
  - say: One hundred thousand training names.
""")


def gated(name, cell, n, T):
    """A character lesson over the first n characters of big-1024's vocabulary, cell gru or lstm."""
    v = vocab[:n]
    t = "".join(rng.choice(v) for _ in range(T + 1))
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(f"""title: A large {cell.upper()} lesson ({n} × {n} × {n}, T = {T})
model:
  cell: {cell}
  n_x: {n}
  n_a: {n}
  n_y: {n}
  g2: softmax
  init: {{seed: 4, scale: 0.05}}
architecture: many-to-many
sequence:
  vocab: "{v}"
  text: "{t}"
script:
  - say: A gated cell at the format's limits.
    check: "L > 0"
""")


gated("gru-1024.yaml", "gru", 1024, 10_000)
gated("lstm-1024.yaml", "lstm", 1024, 10_000)
for n in (256, 512, 1024):
    for T in (2_500, 5_000, 10_000):
        gated(f"gru-{n}-{T}.yaml", "gru", n, T)
print(f"wrote {out}/big-1024.yaml, thin-1024.yaml, texts-100k.yaml (+ names.txt), gru-1024.yaml, lstm-1024.yaml, gru-N-T.yaml")
