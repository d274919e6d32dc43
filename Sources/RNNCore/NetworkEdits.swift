/// Changes to a lesson's network that the student or the lesson asks for ("what if"): entries
/// of the weights, biases, a<0> and the inputs x<t>, and the activations g1, g2. `unroll render
/// --set`, a slide's `set:` and the explorer's nudge editor all go through this one type.
///
/// Entries are kept under one canonical name each, so `Waa[0,1]` and `Wa[0,1]` are the same
/// edit: `Wa[i,j]` (Waa and Wax are blocks of Wa), `Wya[i,j]`, `ba[i]`, `by[i]`, `a<0>[i]`,
/// `x<t>[k]`.
public struct NetworkEdits: Equatable, Hashable, Sendable {
    /// The new value of each edited entry (canonical references).
    public private(set) var values: [EntryRef: Double] = [:]
    /// A replacement for g1 (nil: the lesson's).
    public var g1: HiddenActivation?
    /// A replacement for g2 (nil: the lesson's).
    public var g2: OutputActivation?

    public init() {}

    public var isEmpty: Bool { values.isEmpty && g1 == nil && g2 == nil }

    /// The edited entries in a fixed order (parameters first, then inputs by step).
    public var entries: [(ref: EntryRef, value: Double)] {
        values.map { ($0.key, $0.value) }.sorted { Self.order($0.ref).lexicographicallyPrecedes(Self.order($1.ref)) }
    }

    static func order(_ r: EntryRef) -> [Int] {
        let kinds: [Symbol] = [.Wa, .ba, .Wya, .by, .a0, .x]
        return [kinds.firstIndex(of: r.symbol) ?? 99, r.t ?? 0, r.row ?? 0, r.col ?? 0]
    }

    /// The edit of a canonical entry, if there is one.
    public func value(of ref: EntryRef) -> Double? { values[ref] }

    /// Sets an entry (already checked by `NetworkEdits.canonical`); nil removes the edit.
    public mutating func set(_ ref: EntryRef, _ value: Double?) { values[ref] = value }

    /// These edits, then `other`'s on top.
    public func merging(_ other: NetworkEdits) -> NetworkEdits {
        var m = self
        for (r, v) in other.values { m.values[r] = v }
        m.g1 = other.g1 ?? g1
        m.g2 = other.g2 ?? g2
        return m
    }

    /// The symbols whose entries can be set.
    public static let settableNames = ["Waa", "Wax", "Wa", "Wya", "ba", "by", "a<0>", "x"]

    /// The canonical form of an entry that can be set in a network of `shape` over `episode`,
    /// or a sentence saying why it cannot (not a parameter or input, no index, out of range,
    /// a step without an input).
    public static func canonical(_ ref: EntryRef, shape: Shape, episode: Episode) -> Result<EntryRef, EntryRefError> {
        let na = shape.na, nx = shape.nx, ny = shape.ny
        func rows(_ n: Int, _ what: String) -> EntryRefError {
            .init("'\(ref)' is out of range (\(what) has \(n) entries, indices 0…\(n - 1))")
        }
        func matrix(_ r: Int, _ c: Int) -> Result<(Int, Int), EntryRefError> {
            guard let i = ref.row, let j = ref.col else {
                return .failure(.init("'\(ref)' names a \(r)×\(c) matrix: set one entry, like \(ref.symbol.label)[0,0]"))
            }
            guard i < r, j < c else { return .failure(.init("'\(ref)' is out of range (\(ref.symbol.label) is \(r)×\(c))")) }
            return .success((i, j))
        }
        func vector(_ n: Int) -> Result<Int, EntryRefError> {
            guard let i = ref.row else {
                return .failure(.init("'\(ref)' names a vector of \(n): set one entry, like \(ref.description)[0]"))
            }
            guard ref.col == nil else { return .failure(.init("'\(ref)' is a vector of \(n): index it as [i]")) }
            guard i < n else { return .failure(rows(n, ref.description.split(separator: "[").first.map(String.init) ?? "it")) }
            return .success(i)
        }
        switch ref.symbol {
        case .Wa: return matrix(na, na + nx).map { EntryRef(symbol: .Wa, row: $0.0, col: $0.1) }
        case .Waa: return matrix(na, na).map { EntryRef(symbol: .Wa, row: $0.0, col: $0.1) }
        case .Wax: return matrix(na, nx).map { EntryRef(symbol: .Wa, row: $0.0, col: na + $0.1) }
        case .Wya: return matrix(ny, na).map { EntryRef(symbol: .Wya, row: $0.0, col: $0.1) }
        case .ba: return vector(na).map { EntryRef(symbol: .ba, row: $0) }
        case .by: return vector(ny).map { EntryRef(symbol: .by, row: $0) }
        case .a0: return vector(na).map { EntryRef(symbol: .a0, row: $0) }
        case .x:
            guard let t = ref.t else { return .failure(.init("'x' has a value at every step: write it with a step, like x<1>[0]")) }
            guard t >= 1, t <= episode.T else {
                return .failure(.init("step \(t) is outside this lesson's steps 1…\(episode.T) in '\(ref)'"))
            }
            guard episode.layout.hasInput[t - 1] else { return .failure(.init("step \(t) has no input to set in '\(ref)'")) }
            return vector(nx).map { EntryRef(symbol: .x, t: t, row: $0) }
        case .Wf, .Wu, .Wr, .Wo, .Wc, .bf, .bu, .br, .bo, .bc, .c0:   // a GRU's or LSTM's own
            return .failure(.init("'\(ref)' cannot be set on the rnn cell: set one of \(settableNames.joined(separator: ", "))"))
        default:
            return .failure(.init("'\(ref)' is computed by the network, not set: set a weight, bias, a<0> or input (\(settableNames.joined(separator: ", ")))"))
        }
    }
}

extension RNN {
    /// The network with `edits` applied (entries of Wa, Wya, ba, by, a<0>; g1, g2).
    public func applying(_ edits: NetworkEdits) -> RNN {
        var s = shape, p = params
        if let g1 = edits.g1 { s.g1 = g1 }
        if let g2 = edits.g2 { s.g2 = g2 }
        for (ref, v) in edits.values {
            switch ref.symbol {
            case .Wa: if let i = ref.row, let j = ref.col { p.Wa[i, j] = v }
            case .Wya: if let i = ref.row, let j = ref.col { p.Wya[i, j] = v }
            case .ba: if let i = ref.row { p.ba[i] = v }
            case .by: if let i = ref.row { p.by[i] = v }
            case .a0: if let i = ref.row { p.a0[i] = v }
            default: break
            }
        }
        return RNN(shape: s, params: p)
    }
}

extension Episode {
    /// The episode with the edited inputs x<t>[k] of `edits` (other edits do not touch it).
    public func applying(_ edits: NetworkEdits) -> Episode {
        let inputs = edits.values.filter { $0.key.symbol == .x }
        guard !inputs.isEmpty else { return self }
        var xs = x
        for (ref, v) in inputs {
            if let t = ref.t, let k = ref.row, xs.indices.contains(t - 1), xs[t - 1].indices.contains(k) { xs[t - 1][k] = v }
        }
        return Episode(replacing: self, x: xs)
    }
}

extension Trace {
    /// The value an edit would replace: the entry of the unedited network (canonical references).
    public func original(_ ref: EntryRef) -> Double? {
        guard case .success(let v) = number(ref) else { return nil }
        return v
    }
}

extension Episode {
    /// A copy of `other` with the inputs `x` (one vector of n_x per step) in place of its own.
    init(replacing other: Episode, x: [[Double]]) {
        self.architecture = other.architecture
        self.layout = other.layout
        self.x = x
        self.y = other.y
        self.inputLabels = other.inputLabels
        self.targetLabels = other.targetLabels
    }
}
