# Makes the .npy/.npz fixtures of NumpyTests with numpy itself (python3 make_fixtures.py).
import numpy as np
Waa = np.array([[0.5, -0.25], [0.125, 0.75]])
Wax = np.array([[1.0, 0.0, -1.5], [0.25, 2.0, 0.5]])
Wya = np.array([[1.0, -1.0]])
ba = np.array([[0.1], [-0.2]])          # the notebook's (n, 1) biases
by = np.array([[0.3]])
a0 = np.array([[0.0, 0.5, 1.0], [0.0, -0.5, -1.0]])   # (n_a, m): a batch of 3
x = np.arange(2 * 3 * 3 * 4, dtype=np.float64)[:3 * 3 * 4].reshape(3, 3, 4) / 10   # (n_x, m, T_x)
np.savez("notebook.npz", Waa=Waa, Wax=Wax, Wya=Wya, ba=ba, by=by, a0=a0, x=x)
np.savez_compressed("compressed.npz", Waa=Waa.astype(">f4"), Wax=np.asfortranarray(Wax), Wya=Wya.astype("<f4"))
np.savez("bad.npz", Waa=Waa.T[:1], Wax=Wax, Wya=Wya.astype(np.int64))
np.save("big-endian.npy", np.array([[1.5, -2.25, 3.0]], dtype=">f8"))
np.savez("wrong-shape.npz", Waa=Waa[:1], Wax=np.zeros((2, 3)), Wya=np.zeros((1, 2)))
