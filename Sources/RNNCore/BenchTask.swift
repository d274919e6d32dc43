/// The benchmark's task, shared by `unroll bench`, the peer scripts and the tests: a one-hot
/// character sequence like min-char-rnn's, with the inputs the characters of a seeded random
/// text and each target the next character; tanh, softmax, weights seeded at scale 0.01.
public enum BenchTask {
    /// n_a = hidden, n_x = n_y = vocab, T = length; the text's characters are SplitMix64(seed)
    /// draws modulo vocab, the weights `Params.seeded(shape, seed: seed, scale: 0.01)`.
    public static func character(hidden: Int, vocab: Int, length: Int, seed: UInt64) -> (RNN, Episode) {
        var g = SplitMix64(seed: seed)
        let chars = (0...length).map { _ in Int(g.next() % UInt64(vocab)) }
        func oneHot(_ i: Int) -> [Double] { (0..<vocab).map { $0 == i ? 1 : 0 } }
        let shape = Shape(nx: vocab, na: hidden, ny: vocab, g1: .tanh, g2: .softmax)
        let params = Params.seeded(shape, seed: seed, scale: 0.01)
        // the sizes are consistent by construction, so the episode cannot fail
        let episode = try? Episode(architecture: .manyToMany, nx: vocab,
                                   inputs: chars.dropLast().map(oneHot), targets: chars.dropFirst().map(oneHot))
        guard let episode else { preconditionFailure("bench episode sizes are consistent by construction") }
        return (RNN(shape: shape, params: params), episode)
    }
}
