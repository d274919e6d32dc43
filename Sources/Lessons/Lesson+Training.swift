import RNNCore

extension Lesson {
    /// The episodes a training run takes, one per step: one per text of `sequence.texts`
    /// (many-to-many over "\n" + text + "\n" when vocab has "\n", see `CharacterCodec`), or the
    /// lesson's own episode when it has no texts.
    public func trainingEpisodes() -> [Episode] {
        guard let texts, let vocab, let codec = CharacterCodec(vocab: vocab) else { return [episode] }
        return texts.items.compactMap(codec.trainingEpisode)
    }

    /// The one-hot coding of the lesson's characters, for a character-level lesson.
    public var codec: CharacterCodec? { vocab.flatMap(CharacterCodec.init(vocab:)) }
}
