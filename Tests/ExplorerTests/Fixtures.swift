import Explorer
import Lessons
import RNNCore

/// Small hand-made lessons for the explorer tests.
enum Fixtures {
    /// n_a = 2, n_x = 1, n_y = 1, tanh / sigmoid, T = 3, many-to-many with targets.
    static let params = Params(
        Waa: Matrix([[0.5, -0.3], [0.2, 0.4]]), Wax: Matrix([[1.0], [-0.5]]), Wya: Matrix([[0.7, -0.6]]),
        ba: [0.1, -0.2], by: [0.05], a0: [0, 0])
    static let shape = Shape(nx: 1, na: 2, ny: 1, g1: .tanh, g2: .sigmoid)

    static func lesson(script: [Slide] = [], targets: [[Double]]? = [[1], [0], [1]]) -> Lesson {
        let episode = try! Episode(architecture: .manyToMany, nx: 1, inputs: [[1], [0], [1]], targets: targets,
                                   outputs: targets == nil ? 3 : nil)
        return Lesson(path: "test.yaml", title: LocalizedText(en: "Tiny RNN", zh: "小小 RNN"),
                      rnn: RNN(shape: shape, params: params), episode: episode, script: script)
    }

    static func state(script: [Slide] = [], targets: [[Double]]? = [[1], [0], [1]], language: Language = .en) -> ExplorerState {
        ExplorerState(lesson: lesson(script: script, targets: targets), language: language)
    }

    /// n_a = 5, n_x = 2: sums long enough to be elided.
    static func wide() -> ExplorerState {
        let s = Shape(nx: 2, na: 5, ny: 1, g1: .tanh, g2: .sigmoid)
        let episode = try! Episode(architecture: .manyToMany, nx: 2, inputs: [[1, 0], [0, 1]], targets: [[1], [0]])
        let lesson = Lesson(path: "wide.yaml", title: LocalizedText(en: "Wide"),
                            rnn: RNN(shape: s, params: .seeded(s, seed: 7, scale: 0.5)), episode: episode, script: [])
        return ExplorerState(lesson: lesson)
    }

    /// A character language model: vocab a, b, ⏎ (the end token), n_a = 3, seeded weights,
    /// its own sequence ⏎ab⏎ and three training texts.
    static func chars(language: Language = .en) -> ExplorerState {
        let vocab: [Character] = ["a", "b", "\n"]
        let s = Shape(nx: 3, na: 3, ny: 3, g1: .tanh, g2: .softmax)
        guard let codec = CharacterCodec(vocab: vocab), let episode = codec.trainingEpisode("ab") else {
            preconditionFailure("the fixture's vocab has no repeated character")
        }
        var lesson = Lesson(path: "chars.yaml", title: LocalizedText(en: "Chars", zh: "字符"),
                            rnn: RNN(shape: s, params: .seeded(s, seed: 5, scale: 0.5)), episode: episode, vocab: vocab, script: [])
        lesson.texts = TrainingTexts(items: ["ab", "ba", "aab"])
        return ExplorerState(lesson: lesson, language: language)
    }

    /// Everything `update` may change, as one comparable string.
    static func snapshot(_ s: ExplorerState) -> String {
        "\(s.position) slide=\(String(describing: s.slide)) focus=\(String(describing: s.focus)) "
            + "inspect=\(String(describing: s.inspect)) help=\(s.helpOpen) scale=\(s.perStepScale) "
            + "play=\(s.playing) speed=\(s.speedIndex) answers=\(s.answers.sorted { $0.key < $1.key }) "
            + "scroll=\(s.panelScroll) status=\(String(describing: s.status)) quit=\(s.quit) "
            + "trained=\(s.training?.trainer.steps ?? 0) generation=\(String(describing: s.generation?.steps.map(\.token)))"
            + "/\(String(describing: s.generation?.temperature))"
    }
}

extension ExplorerState {
    func after(_ actions: Action...) -> ExplorerState {
        actions.reduce(self) { $0.updated($1) }
    }
}
