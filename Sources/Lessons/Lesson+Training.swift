import RNNCore

extension Lesson {
    /// The episodes a training run takes, one per step: one per text of `sequence.texts`
    /// (many-to-many over "\n" + text + "\n" when vocab has "\n", see `CharacterCodec`), or the
    /// lesson's own episode when it has no texts.
    public func trainingEpisodes() -> [Episode] {
        guard let texts, let vocab, let codec = CharacterCodec(vocab: vocab) else { return [episode] }
        return texts.items.compactMap(codec.trainingEpisode)
    }

    /// The episodes a training run takes, or nil when the lesson cannot be trained: no episode,
    /// or one without targets (no loss to lower). The one rule for `unroll train` and `t`.
    public var trainableEpisodes: [Episode]? {
        let episodes = trainingEpisodes()
        return !episodes.isEmpty && episodes.allSatisfy(\.hasTargets) ? episodes : nil
    }

    /// Whether `trainableEpisodes` is not nil, without building every episode (the footer asks
    /// on every frame): a character episode always has targets, so one text that codes is enough.
    public var canTrain: Bool {
        guard let texts, let vocab, let codec = CharacterCodec(vocab: vocab) else { return episode.hasTargets }
        return texts.items.contains { codec.trainingEpisode($0) != nil }
    }

    /// The one-hot coding of the lesson's characters, for a character-level lesson.
    public var codec: CharacterCodec? { vocab.flatMap(CharacterCodec.init(vocab:)) }
}
