#!/usr/bin/env python3
"""Peer benchmark: GRU and LSTM forward + BPTT in numpy, the same equations and task as
`unroll bench --cell gru|lstm` (one-hot characters of a random text, n_x = n_y = --vocab,
n_a = --hidden, T = --length, softmax cross-entropy). Not part of the build or the tests.

    python3 Benchmarks/gated_peer_numpy.py --cell lstm --hidden 100 --vocab 27 --length 25 [--train]

The last line is `forward+bptt µs/step: X` (median over --runs runs, per time step), as bench's;
with --train `train µs/step: X`: whole training steps, forward, BPTT, clip ±5 and Adagrad lr 0.1
(min-char-rnn's update, as `unroll bench --cell … --train`).
Weights are drawn by numpy (not SplitMix64): only the timing is compared, not the numbers.
"""
import argparse, time
import numpy as np


def sigmoid(v):
    return 1 / (1 + np.exp(-v))


def run(cell, W, b, Wya, by, xs, ys, na):
    """One forward + BPTT pass; returns L and the gradients (dW, db per gate, dWya, dby).
    W, b: dicts per gate; xs, ys: lists of class indices."""
    T = len(xs)
    a, c, cache = np.zeros(na), np.zeros(na), []
    L = 0.0
    for t in range(T):
        x = np.zeros(W["c"].shape[1] - na); x[xs[t]] = 1
        s = np.concatenate([a, x])
        if cell == "gru":
            u = sigmoid(W["u"] @ s + b["u"]); r = sigmoid(W["r"] @ s + b["r"])
            sr = np.concatenate([r * c, x])
            ct = np.tanh(W["c"] @ sr + b["c"])
            cn = u * ct + (1 - u) * c
            an = cn
            cache.append((s, sr, u, r, ct, c, cn, None, None))
        else:
            f = sigmoid(W["f"] @ s + b["f"]); u = sigmoid(W["u"] @ s + b["u"]); o = sigmoid(W["o"] @ s + b["o"])
            ct = np.tanh(W["c"] @ s + b["c"])
            cn = f * c + u * ct
            th = np.tanh(cn)
            an = o * th
            cache.append((s, None, u, f, ct, c, cn, o, th))
        zy = Wya @ an + by
        p = np.exp(zy - zy.max()); p /= p.sum()
        L -= np.log(p[ys[t]])
        dy = p.copy(); dy[ys[t]] -= 1
        cache[-1] = cache[-1] + (an, dy)
        a, c = an, cn
    dW = {k: np.zeros_like(v) for k, v in W.items()}
    db = {k: np.zeros_like(v) for k, v in b.items()}
    dWya, dby = np.zeros_like(Wya), np.zeros_like(by)
    da_next, dc_next = np.zeros(na), np.zeros(na)
    for t in reversed(range(T)):
        s, sr, u, g2, ct, cp, cn, o, th, an, dy = cache[t]
        dWya += np.outer(dy, an); dby += dy
        da = Wya.T @ dy + da_next
        if cell == "gru":
            r = g2
            dc = da
            dzc = dc * u * (1 - ct * ct)
            dzu = dc * (ct - cp) * u * (1 - u)
            drc = (W["c"].T @ dzc)[:na]
            dzr = drc * cp * r * (1 - r)
            dW["c"] += np.outer(dzc, sr); db["c"] += dzc
            dW["u"] += np.outer(dzu, s); db["u"] += dzu
            dW["r"] += np.outer(dzr, s); db["r"] += dzr
            dcp = dc * (1 - u) + drc * r + (W["u"].T @ dzu)[:na] + (W["r"].T @ dzr)[:na]
            da_next, dc_next = dcp, dcp
        else:
            f = g2
            dc = dc_next + da * o * (1 - th * th)
            dzo = da * th * o * (1 - o)
            dzc = dc * u * (1 - ct * ct)
            dzu = dc * ct * u * (1 - u)
            dzf = dc * cp * f * (1 - f)
            for k, dz in (("f", dzf), ("u", dzu), ("c", dzc), ("o", dzo)):
                dW[k] += np.outer(dz, s); db[k] += dz
            da_next = sum((W[k].T @ dz)[:na] for k, dz in (("f", dzf), ("u", dzu), ("c", dzc), ("o", dzo)))
            dc_next = dc * f
    return L, dW, db, dWya, dby


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cell", choices=["gru", "lstm"], default="lstm")
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--vocab", type=int, default=27)
    ap.add_argument("--length", type=int, default=25)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--train", action="store_true")
    o = ap.parse_args()
    rng = np.random.default_rng(42)
    na, nx = o.hidden, o.vocab
    gates = ["u", "r", "c"] if o.cell == "gru" else ["f", "u", "c", "o"]
    W = {k: rng.uniform(-0.01, 0.01, (na, na + nx)) for k in gates}
    b = {k: np.zeros(na) for k in gates}
    Wya, by = rng.uniform(-0.01, 0.01, (nx, na)), np.zeros(nx)
    chars = rng.integers(0, nx, o.length + 1)
    xs, ys = list(chars[:-1]), list(chars[1:])
    params = [W[k] for k in gates] + [b[k] for k in gates] + [Wya, by]
    mem = [np.zeros_like(v) for v in params]

    def once():
        L, dW, db, dWya, dby = run(o.cell, W, b, Wya, by, xs, ys, na)
        if o.train:   # in place, so W, b, Wya, by are the updated weights for the next pass
            for p, g, m in zip(params, [dW[k] for k in gates] + [db[k] for k in gates] + [dWya, dby], mem):
                np.clip(g, -5, 5, out=g)
                m += g * g
                p += -0.1 * g / np.sqrt(m + 1e-8)
        return L

    passes = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(passes): once()
        if time.perf_counter() - t0 > 0.05: break
        passes *= 2
    samples = []
    for _ in range(o.runs):
        t0 = time.perf_counter()
        for _ in range(passes): once()
        samples.append((time.perf_counter() - t0) / passes / o.length * 1e6)
    samples.sort()
    label = "train" if o.train else "forward+bptt"
    print(f"setting: numpy {np.__version__} {o.cell}, n_a = {na}, n_x = n_y = {nx}, T = {o.length}")
    print(f"{label} µs/step: {samples[len(samples) // 2]:.3f}")


if __name__ == "__main__":
    main()
