/// One-hot coding of characters over a vocabulary, and the training episodes of a
/// character-level language model.
///
/// When the vocabulary has a newline, it is the end token: a training text w becomes the
/// characters "\n" + w + "\n" (the newline before it is the end of the line before, as when
/// min-char-rnn reads a file of names), so the model learns to start a word after "\n" and to
/// end it with "\n", and sampling starts from "\n" and stops at the next one.
public struct CharacterCodec: Equatable, Sendable {
    public static let endToken: Character = "\n"
    /// The characters, in one-hot order.
    public let vocab: [Character]
    private let index: [Character: Int]

    /// Nil when a character appears twice.
    public init?(vocab: [Character]) {
        var index: [Character: Int] = [:]
        for (i, c) in vocab.enumerated() {
            if index[c] != nil { return nil }
            index[c] = i
        }
        self.vocab = vocab
        self.index = index
    }

    public var count: Int { vocab.count }
    /// The index of `c` in the vocabulary, or nil.
    public func index(of c: Character) -> Int? { index[c] }
    /// The index of the end token "\n", when the vocabulary has one.
    public var endTokenIndex: Int? { index[Self.endToken] }

    /// one-hot(i)   (n_x = vocab.count)
    public func oneHot(_ i: Int) -> [Double] {
        var v = [Double](repeating: 0, count: vocab.count)
        v[i] = 1
        return v
    }

    /// The characters a training text stands for: "\n" + text + "\n" when the vocabulary has
    /// the end token, else the text itself.
    public func framed(_ text: String) -> [Character] {
        endTokenIndex == nil ? Array(text) : [Self.endToken] + Array(text) + [Self.endToken]
    }

    /// Many-to-many over c₀…cₙ: x<t> = one-hot(c₍t−1₎), y<t> = one-hot(c₍t₎), t = 1…n.
    /// Nil when there are fewer than 2 characters or one is not in the vocabulary.
    public func episode(_ chars: [Character]) -> Episode? {
        guard chars.count >= 2 else { return nil }
        var ids: [Int] = []
        for c in chars {
            guard let i = index[c] else { return nil }
            ids.append(i)
        }
        let episode = try? Episode(architecture: .manyToMany, nx: vocab.count,
                                   inputs: ids.dropLast().map(oneHot), targets: ids.dropFirst().map(oneHot))
        guard var episode else { return nil }
        episode.inputLabels = chars.dropLast().map { String($0) }
        episode.targetLabels = chars.dropFirst().map { String($0) }
        return episode
    }

    /// The training episode of one text (see `framed`).
    public func trainingEpisode(_ text: String) -> Episode? { episode(framed(text)) }
}
