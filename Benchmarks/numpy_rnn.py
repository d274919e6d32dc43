"""The bench task in numpy, written as min-char-rnn's loop (Karpathy 2015): a one-hot
character RNN, tanh, softmax cross-entropy, float64, one Python iteration per time step.

    python3 numpy_rnn.py [--hidden 100] [--vocab 27] [--length 25] [--runs 7] [--train]

Prints `forward+bptt µs/step: X` (or `train µs/step: X` with --train: forward, BPTT, clip ±5
and Adagrad lr 0.1), the median over --runs runs, per time step, like `unroll bench`.
"""
import argparse
import time

import numpy as np


def task(hidden, vocab, length, seed=42):
    rng = np.random.default_rng(seed)
    chars = rng.integers(0, vocab, size=length + 1)
    p = {
        "Wxh": rng.uniform(-0.01, 0.01, (hidden, vocab)),
        "Whh": rng.uniform(-0.01, 0.01, (hidden, hidden)),
        "Why": rng.uniform(-0.01, 0.01, (vocab, hidden)),
        "bh": np.zeros((hidden, 1)),
        "by": np.zeros((vocab, 1)),
    }
    return p, list(chars[:-1]), list(chars[1:])


def loss_fun(p, inputs, targets, hprev):
    """Forward over the sequence, then backpropagation through time, as min-char-rnn does."""
    Wxh, Whh, Why, bh, by = p["Wxh"], p["Whh"], p["Why"], p["bh"], p["by"]
    xs, hs, ps = {}, {}, {}
    hs[-1] = np.copy(hprev)
    loss = 0.0
    vocab = Wxh.shape[1]
    for t in range(len(inputs)):
        xs[t] = np.zeros((vocab, 1))
        xs[t][inputs[t]] = 1
        hs[t] = np.tanh(Wxh @ xs[t] + Whh @ hs[t - 1] + bh)
        ys = Why @ hs[t] + by
        e = np.exp(ys - np.max(ys))
        ps[t] = e / np.sum(e)
        loss += -np.log(ps[t][targets[t], 0])
    dWxh, dWhh, dWhy = np.zeros_like(Wxh), np.zeros_like(Whh), np.zeros_like(Why)
    dbh, dby = np.zeros_like(bh), np.zeros_like(by)
    dhnext = np.zeros_like(hs[0])
    for t in reversed(range(len(inputs))):
        dy = np.copy(ps[t])
        dy[targets[t]] -= 1
        dWhy += dy @ hs[t].T
        dby += dy
        dh = Why.T @ dy + dhnext
        dhraw = (1 - hs[t] * hs[t]) * dh
        dbh += dhraw
        dWxh += dhraw @ xs[t].T
        dWhh += dhraw @ hs[t - 1].T
        dhnext = Whh.T @ dhraw
    grads = {"Wxh": dWxh, "Whh": dWhh, "Why": dWhy, "bh": dbh, "by": dby}
    return loss, grads, hs[len(inputs) - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--vocab", type=int, default=27)
    ap.add_argument("--length", type=int, default=25)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--train", action="store_true")
    a = ap.parse_args()
    p, inputs, targets = task(a.hidden, a.vocab, a.length)
    mem = {k: np.zeros_like(v) for k, v in p.items()}
    h0 = np.zeros((a.hidden, 1))

    def once():
        loss, g, _ = loss_fun(p, inputs, targets, h0)
        if a.train:
            for k in p:
                np.clip(g[k], -5, 5, out=g[k])
                mem[k] += g[k] * g[k]
                p[k] += -0.1 * g[k] / np.sqrt(mem[k] + 1e-8)
        return loss

    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            once()
        if time.perf_counter() - t0 > 0.05:
            break
        reps *= 2
    samples = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        for _ in range(reps):
            once()
        samples.append((time.perf_counter() - t0) / reps / a.length * 1e6)
    samples.sort()
    label = "train" if a.train else "forward+bptt"
    print(f"numpy {np.__version__}: n_a = {a.hidden}, vocab {a.vocab}, T = {a.length}, {a.runs} × {reps} passes")
    print(f"{label} µs/step: {samples[len(samples) // 2]:.3f}")


if __name__ == "__main__":
    main()
