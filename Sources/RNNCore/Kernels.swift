import CKernels

/// The instruction sets the dense kernels are compiled for (the C target `CKernels`). One
/// binary holds all three on x86-64 (only `baseline` on arm64); the one a process uses is
/// chosen when it loads, from the CPU, or from `UNROLL_KERNELS=baseline|avx2|avx512`.
public enum KernelPath: String, CaseIterable, Sendable {
    /// Portable C, correct on every CPU (SSE2 on x86-64, NEON on arm64).
    case baseline
    /// AVX2 and FMA (x86-64 since 2013).
    case avx2
    /// AVX-512F and FMA (x86-64 server CPUs).
    case avx512

    var c: uk_path {
        switch self {
        case .baseline: return UK_BASELINE
        case .avx2: return UK_AVX2
        case .avx512: return UK_AVX512
        }
    }

    /// Whether this build contains the path (avx2 and avx512 only in x86-64 builds).
    public var isCompiled: Bool { uk_compiled(c) != 0 }
    /// Whether this CPU can run the path.
    public var isSupported: Bool { uk_cpu_supports(c) != 0 }

    /// The paths this CPU runs, baseline first (tests go through each of them).
    public static var supported: [KernelPath] { allCases.filter(\.isSupported) }

    /// The path this process uses (chosen once, at load).
    public static var chosen: KernelPath {
        allCases.first { $0.c == uk_chosen_path() } ?? .baseline
    }

    /// When UNROLL_KERNELS named a path this CPU cannot run (or no path), the one-line warning
    /// printed to standard error at load; nil otherwise.
    public static var choiceWarning: String? { uk_choice_warning().map { String(cString: $0) } }
}

/// The kernels of one path, by name, on raw pointers (CKernels.h gives each one's equation).
/// Matrices are row-major with row stride `ld`; nothing outside a matrix's rows × cols is touched.
/// (Sendable: the table holds only pointers to functions and to a constant name.)
public struct Kernels: @unchecked Sendable {
    public let path: KernelPath
    private let k: uk_kernels

    /// The kernels of `path`, or nil when this CPU cannot run them.
    public init?(_ path: KernelPath) {
        guard let table = uk_kernels_for(path.c) else { return nil }
        self.path = path
        k = table.pointee
    }

    /// Threads the large kernels called from this thread run on: 2 (the caller and one helper
    /// thread) where the machine has two CPUs, 1 with UNROLL_THREADS=1. Only products of about
    /// n_a = 256 and more are split (a matrix-vector product by rows or columns, a product over a
    /// sequence by blocks); every entry is summed the same way on one thread or two, so setting
    /// it (for the calling thread only; 0 goes back to the process's choice) changes no result.
    public static var threads: Int {
        get { Int(uk_threads()) }
        set { uk_set_threads(Int32(newValue)) }
    }

    /// Parts of the products split over two threads so far, and how many of them the helper ran.
    public static var splitParts: (parts: Int, helper: Int) {
        var parts = 0, helper = 0
        uk_split_counts(&parts, &helper)
        return (parts, helper)
    }

    /// The kernels of the path chosen at load.
    public static let chosen: Kernels = {
        guard let k = Kernels(.chosen) ?? Kernels(.baseline) else { preconditionFailure("the baseline kernels always run") }
        return k
    }()

    /// y = b + W·x   (W rows × cols; b nil for 0, or y itself to add). `reversed` visits the
    /// rows bottom to top: the same numbers; a loop that alternates finds W's last rows cached.
    @inline(__always)
    public func gemv(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int, _ x: UnsafePointer<Double>,
                     plus b: UnsafePointer<Double>?, into y: UnsafeMutablePointer<Double>, reversed: Bool = false) {
        k.gemv(W, rows, cols, ld, x, b, y, reversed ? 1 : 0)
    }

    /// y = b + Wᵀ·x   (W rows × cols, y cols; rows where x is 0 are skipped). `reversed` visits
    /// the columns right to left: the same numbers.
    @inline(__always)
    public func gemvT(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int, _ x: UnsafePointer<Double>,
                      plus b: UnsafePointer<Double>?, into y: UnsafeMutablePointer<Double>, reversed: Bool = false) {
        k.gemv_t(W, rows, cols, ld, x, b, y, reversed ? 1 : 0)
    }

    /// C (+)= Σ_t P[t]ᵀ·Q[t] over k rows t: C[i, j] = Σ_t P[t·ldp + i·pi]·Q[t·ldq + j]   (C m × n;
    /// pi = 1: the weight gradients of a sequence; ldp = 1 and pi a row stride: C = P·Q)
    @inline(__always)
    public func gemmTN(_ C: UnsafeMutablePointer<Double>, m: Int, n: Int, ldc: Int,
                       _ P: UnsafePointer<Double>, ldp: Int, pi: Int = 1, _ Q: UnsafePointer<Double>, ldq: Int,
                       steps k: Int, accumulate: Bool) {
        self.k.gemm_tn(C, m, n, ldc, P, ldp, pi, Q, ldq, k, accumulate ? 1 : 0)
    }

    /// Row t of Y = b + W·x<t> for k rows x<t> of X at once: Y[t·ldy + i] = b[i] + Σ_j W[i·ld + j]·X[t·ldx + j]
    /// (W rows × cols; b nil for 0); each row the same bits as `gemv` gives it.
    @inline(__always)
    public func gemmNT(_ W: UnsafePointer<Double>, rows: Int, cols: Int, ld: Int, _ X: UnsafePointer<Double>, ldx: Int,
                       steps k: Int, plus b: UnsafePointer<Double>?, into Y: UnsafeMutablePointer<Double>, ldy: Int) {
        self.k.gemm_nt(W, rows, cols, ld, X, ldx, k, b, Y, ldy)
    }

    /// D += u·vᵀ   (D rows × cols; rows where u is 0 are skipped)
    @inline(__always)
    public func ger(_ D: UnsafeMutablePointer<Double>, rows: Int, cols: Int, ld: Int,
                    _ u: UnsafePointer<Double>, _ v: UnsafePointer<Double>) {
        k.ger(D, rows, cols, ld, u, v)
    }

    /// y = b + a   (n; y may be a or b)
    @inline(__always)
    public func add(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, _ n: Int) {
        k.add(a, b, y, n)
    }

    /// y = g(z) element-wise   (n)
    @inline(__always)
    public func activate(_ g: KernelActivation, _ z: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, _ n: Int) {
        k.activate(g.c, z, y, n)
    }

    /// dz = da ⊙ g'(z), from the output y = g(z)   (n)
    @inline(__always)
    public func activateBackward(_ g: KernelActivation, _ da: UnsafePointer<Double>, output y: UnsafePointer<Double>,
                                 into dz: UnsafeMutablePointer<Double>, _ n: Int) {
        k.activate_backward(g.c, da, y, dz, n)
    }

    /// y = e^x element-wise   (n)
    @inline(__always)
    public func exp(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, _ n: Int) {
        k.exp(x, y, n)
    }

    /// y = softmax(x)   (n ≥ 1); returns (m, s) with m the max of x (0 if not finite) and
    /// s = Σ e^(x − m), so log Σ e^x = m + log s.
    @inline(__always)
    public func softmax(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, _ n: Int) -> (max: Double, sum: Double) {
        var s = 0.0
        let m = k.softmax(x, y, n, &s)
        return (m, s)
    }

    /// Σ x²   (n)
    @inline(__always)
    public func sumOfSquares(_ x: UnsafePointer<Double>, _ n: Int) -> Double { k.sum_squares(x, n) }

    /// SGD in one pass: returns Σ g²; g ← clip(g·scale, ±clip); θ' ← θ − lr·g   (n; θ' into
    /// `thetaOut`, θ itself when nil)
    @inline(__always)
    public func sgd(_ theta: UnsafePointer<Double>, _ g: UnsafeMutablePointer<Double>, _ n: Int,
                    lr: Double, scale: Double, clip: Double, thetaOut: UnsafeMutablePointer<Double>? = nil) -> Double {
        k.sgd(theta, g, thetaOut ?? UnsafeMutablePointer(mutating: theta), n, lr, scale, clip)
    }

    /// Adagrad in one pass: returns Σ g²; g ← clip(g·scale, ±clip); m' ← m + g²;
    /// θ' ← θ − lr·g/√(m' + eps)   (n; θ', m' into `thetaOut`, `mOut`, or in place when nil)
    @inline(__always)
    public func adagrad(_ theta: UnsafePointer<Double>, _ m: UnsafePointer<Double>,
                        _ g: UnsafeMutablePointer<Double>, _ n: Int,
                        lr: Double, eps: Double, scale: Double, clip: Double,
                        thetaOut: UnsafeMutablePointer<Double>? = nil, mOut: UnsafeMutablePointer<Double>? = nil) -> Double {
        k.adagrad(theta, m, g, thetaOut ?? UnsafeMutablePointer(mutating: theta), mOut ?? UnsafeMutablePointer(mutating: m),
                  n, lr, eps, scale, clip)
    }

    /// Adam in one pass: returns Σ g²; g ← clip(g·scale, ±clip); m' ← b1·m + (1−b1)·g;
    /// v' ← b2·v + (1−b2)·g²; θ' ← θ − lr·(m'/c1) / (√(v'/c2) + eps)   (n; θ', m', v' into
    /// `thetaOut`, `mOut`, `vOut`, or in place when nil)
    @inline(__always)
    public func adam(_ theta: UnsafePointer<Double>, _ m: UnsafePointer<Double>,
                     _ v: UnsafePointer<Double>, _ g: UnsafeMutablePointer<Double>, _ n: Int,
                     lr: Double, b1: Double, b2: Double, c1: Double, c2: Double, eps: Double,
                     scale: Double, clip: Double, thetaOut: UnsafeMutablePointer<Double>? = nil,
                     mOut: UnsafeMutablePointer<Double>? = nil, vOut: UnsafeMutablePointer<Double>? = nil) -> Double {
        k.adam(theta, m, v, g, thetaOut ?? UnsafeMutablePointer(mutating: theta), mOut ?? UnsafeMutablePointer(mutating: m),
               vOut ?? UnsafeMutablePointer(mutating: v), n, lr, b1, b2, c1, c2, eps, scale, clip)
    }
}

/// An element-wise activation the kernels compute.
public enum KernelActivation: Sendable {
    case tanh, relu, sigmoid

    var c: uk_activation {
        switch self {
        case .tanh: return UK_TANH
        case .relu: return UK_RELU
        case .sigmoid: return UK_SIGMOID
        }
    }
}

extension HiddenActivation {
    /// g1 as the kernels name it.
    public var kernel: KernelActivation { self == .tanh ? .tanh : .relu }
}
