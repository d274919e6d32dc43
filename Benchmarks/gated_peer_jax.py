#!/usr/bin/env python3
"""Peer benchmark: GRU and LSTM forward + BPTT in JAX on the CPU, the same equations and task as
`unroll bench --cell gru|lstm` and gated_peer_numpy.py (one-hot characters of a random text,
n_x = n_y = --vocab, n_a = --hidden, T = --length, softmax cross-entropy), float64, the recurrence
as `lax.scan`, gradients by `jax.value_and_grad`, compiled with `jax.jit` and timed after
compilation. Not part of the build or the tests.

    python3 Benchmarks/gated_peer_jax.py --cell lstm --hidden 100 --vocab 27 --length 25 [--train]

The last line is `forward+bptt µs/step: X` (median over --runs runs, per time step), as bench's;
with --train `train µs/step: X`: whole training steps, the pass, clip ±5 and Adagrad lr 0.1 in
one jitted function (as jax_rnn.py --train).
"""
import argparse
import time

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)


def gates(cell):
    return ["u", "r", "c"] if cell == "gru" else ["f", "u", "c", "o"]


def task(cell, hidden, vocab, length, seed=42):
    rng = np.random.default_rng(seed)
    p = {f"W{k}": jnp.asarray(rng.uniform(-0.01, 0.01, (hidden, hidden + vocab))) for k in gates(cell)}
    p.update({f"b{k}": jnp.zeros(hidden) for k in gates(cell)})
    p["Wya"] = jnp.asarray(rng.uniform(-0.01, 0.01, (vocab, hidden)))
    p["by"] = jnp.zeros(vocab)
    chars = rng.integers(0, vocab, size=length + 1)
    return p, jnp.asarray(chars[:-1]), jnp.asarray(chars[1:])


def make_loss(cell, hidden, vocab):
    """L = Σ_t −log softmax(Wya a<t> + by)[y<t>] through the GRU (c<t> = a<t>) or the LSTM."""
    eye = jnp.eye(vocab)

    def loss(p, xs, ys):
        def step(state, xy):
            a, c = state
            x, y = eye[xy[0]], xy[1]
            s = jnp.concatenate([a, x])
            if cell == "gru":
                u = jax.nn.sigmoid(p["Wu"] @ s + p["bu"])
                r = jax.nn.sigmoid(p["Wr"] @ s + p["br"])
                ct = jnp.tanh(p["Wc"] @ jnp.concatenate([r * c, x]) + p["bc"])
                c = u * ct + (1 - u) * c
                a = c
            else:
                f = jax.nn.sigmoid(p["Wf"] @ s + p["bf"])
                u = jax.nn.sigmoid(p["Wu"] @ s + p["bu"])
                o = jax.nn.sigmoid(p["Wo"] @ s + p["bo"])
                ct = jnp.tanh(p["Wc"] @ s + p["bc"])
                c = f * c + u * ct
                a = o * jnp.tanh(c)
            logits = p["Wya"] @ a + p["by"]
            return (a, c), jax.nn.logsumexp(logits) - logits[y]
        zero = jnp.zeros(hidden)
        _, losses = jax.lax.scan(step, (zero, zero), (xs, ys))
        return jnp.sum(losses)
    return loss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cell", choices=["gru", "lstm"], default="lstm")
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--vocab", type=int, default=27)
    ap.add_argument("--length", type=int, default=25)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--train", action="store_true")
    o = ap.parse_args()
    p, xs, ys = task(o.cell, o.hidden, o.vocab, o.length)
    loss = make_loss(o.cell, o.hidden, o.vocab)
    grad_fn = jax.jit(jax.value_and_grad(loss))

    @jax.jit
    def train_step(p, mem, xs, ys):
        l, g = jax.value_and_grad(loss)(p, xs, ys)
        g = jax.tree.map(lambda v: jnp.clip(v, -5, 5), g)
        mem = jax.tree.map(lambda m, v: m + v * v, mem, g)
        p = jax.tree.map(lambda w, v, m: w - 0.1 * v / jnp.sqrt(m + 1e-8), p, g, mem)
        return l, p, mem

    state = {"p": p, "mem": jax.tree.map(jnp.zeros_like, p)}

    def once():
        if o.train:
            l, state["p"], state["mem"] = train_step(state["p"], state["mem"], xs, ys)
            jax.block_until_ready(state["p"])
            return l
        l, g = grad_fn(p, xs, ys)
        jax.block_until_ready(g)
        return l

    once()   # compile
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            once()
        if time.perf_counter() - t0 > 0.05:
            break
        reps *= 2
    samples = []
    for _ in range(o.runs):
        t0 = time.perf_counter()
        for _ in range(reps):
            once()
        samples.append((time.perf_counter() - t0) / reps / o.length * 1e6)
    samples.sort()
    print(f"setting: jax {jax.__version__} ({jax.default_backend()}) {o.cell}, n_a = {o.hidden}, n_x = n_y = {o.vocab}, T = {o.length}")
    label = "train" if o.train else "forward+bptt"
    print(f"{label} µs/step: {samples[len(samples) // 2]:.3f}")


if __name__ == "__main__":
    main()
