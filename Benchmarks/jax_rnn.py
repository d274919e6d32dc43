"""The bench task in JAX on the CPU: the same network as numpy_rnn.py, float64, the recurrence
as `lax.scan`, gradients by `jax.value_and_grad`, the whole pass (and for --train the clip ±5
and Adagrad lr 0.1 update) compiled with `jax.jit`; timed after compilation.

    python3 jax_rnn.py [--hidden 100] [--vocab 27] [--length 25] [--runs 7] [--train]

Prints `forward+bptt µs/step: X` or `train µs/step: X`, the median over --runs runs.
"""
import argparse
import time

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)


def task(hidden, vocab, length, seed=42):
    rng = np.random.default_rng(seed)
    chars = rng.integers(0, vocab, size=length + 1)
    p = {
        "Wax": jnp.asarray(rng.uniform(-0.01, 0.01, (hidden, vocab))),
        "Waa": jnp.asarray(rng.uniform(-0.01, 0.01, (hidden, hidden))),
        "Wya": jnp.asarray(rng.uniform(-0.01, 0.01, (vocab, hidden))),
        "ba": jnp.zeros(hidden),
        "by": jnp.zeros(vocab),
    }
    return p, jnp.asarray(chars[:-1]), jnp.asarray(chars[1:])


def loss(p, xs, ys):
    """L = Σ_t −log softmax(Wya a<t> + by)[y<t>], a<t> = tanh(Waa a<t-1> + Wax x<t> + ba)."""
    def step(a, xy):
        x, y = xy
        a = jnp.tanh(p["Waa"] @ a + p["Wax"][:, x] + p["ba"])
        logits = p["Wya"] @ a + p["by"]
        return a, jax.nn.logsumexp(logits) - logits[y]
    _, losses = jax.lax.scan(step, jnp.zeros(p["Waa"].shape[0]), (xs, ys))
    return jnp.sum(losses)


grad_fn = jax.jit(jax.value_and_grad(loss))


@jax.jit
def train_step(p, mem, xs, ys):
    l, g = jax.value_and_grad(loss)(p, xs, ys)
    g = jax.tree.map(lambda v: jnp.clip(v, -5, 5), g)
    mem = jax.tree.map(lambda m, v: m + v * v, mem, g)
    p = jax.tree.map(lambda w, v, m: w - 0.1 * v / jnp.sqrt(m + 1e-8), p, g, mem)
    return l, p, mem


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--vocab", type=int, default=27)
    ap.add_argument("--length", type=int, default=25)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--train", action="store_true")
    a = ap.parse_args()
    p, xs, ys = task(a.hidden, a.vocab, a.length)
    mem = jax.tree.map(jnp.zeros_like, p)
    state = {"p": p, "mem": mem}

    def once():
        if a.train:
            l, state["p"], state["mem"] = train_step(state["p"], state["mem"], xs, ys)
            return l
        l, g = grad_fn(p, xs, ys)
        jax.block_until_ready(g)
        return l

    jax.block_until_ready(once())   # compile
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            r = once()
        jax.block_until_ready(r)
        if time.perf_counter() - t0 > 0.05:
            break
        reps *= 2
    samples = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        for _ in range(reps):
            r = once()
        jax.block_until_ready(r)
        jax.block_until_ready(state["p"])
        samples.append((time.perf_counter() - t0) / reps / a.length * 1e6)
    samples.sort()
    label = "train" if a.train else "forward+bptt"
    print(f"jax {jax.__version__} ({jax.default_backend()}): n_a = {a.hidden}, vocab {a.vocab}, T = {a.length}, {a.runs} × {reps} passes")
    print(f"{label} µs/step: {samples[len(samples) // 2]:.3f}")


if __name__ == "__main__":
    main()
