import Lessons
import RNNCore

/// One character of the vocabulary with its probability in the distribution drawn from.
public struct ProbabilityBar: Equatable, Sendable {
    public var label: String
    public var probability: Double
    /// The character this step took (sampled, or read from the prefix).
    public var taken: Bool
}

/// What generation mode shows for the current step, in place of the equation panel.
public struct GenerationPanel: Equatable, Sendable {
    /// `generate  t = 3`
    public var title: String
    /// `seed 0 · temperature 1 · sample 1`
    public var settings: String
    /// `generated: ⏎mar`
    public var text: String
    /// `a<3> = tanh(Wa·[a<2>; x<3>] + ba)   ŷ<3> = softmax(Wya·a<3> + by)`
    public var equation: String
    /// What the bars are: `ŷ<3>, 27 characters, most likely first`
    public var caption: String
    /// In vocab order when the vocabulary is short, else most likely first (Frames keeps as many
    /// as fit, and always the taken one).
    public var bars: [ProbabilityBar]
    /// `sampled 'r' → x<4> = one-hot('r')` (one-to-many: `sampled 'l' → x<4> = 0 …`)
    public var fedBack: String
    /// Said at the last step: `⏎ drawn: the name is finished; → starts sample 2`.
    public var note: String?
}

extension ExplorerState {
    /// Vocabularies up to this size are drawn in vocab order; longer ones most likely first.
    public static let vocabOrderLimit = 12

    var generationPanel: GenerationPanel? {
        guard let g = generation, let s = g.current else { return nil }
        let w = words, t = s.t
        let bars = s.distribution.indices.map { ProbabilityBar(label: g.label($0), probability: s.distribution[$0], taken: $0 == s.token) }
        let byVocab = bars.count <= Self.vocabOrderLimit
        let ordered = byVocab ? bars : bars.enumerated().sorted { l, r in
            l.element.probability != r.element.probability ? l.element.probability > r.element.probability : l.offset < r.offset
        }.map(\.element)
        let g1 = trace.shape.g1.formula
        let equation = "a<\(t)> = \(g1)(Wa·[a<\(t - 1)>; x<\(t)>] + ba)   ŷ<\(t)> = softmax(Wya·a<\(t)> + by)"
        let text = g.steps.first.map { [g.label(g.prefix.first ?? $0.token)] } ?? []
        let generated = text + g.steps.map { g.label($0.token) }
        var note: String?
        if s.isLast {
            note = s.token == g.codec.endTokenIndex ? w.endDrawn(g.label(s.token), next: g.sample + 1)
                : g.feedsBack ? w.lengthLimit(g.length, next: g.sample + 1) : w.lessonLengthReached(g.length, next: g.sample + 1)
        }
        return GenerationPanel(
            title: w.generateTitle(t), settings: w.generationSettings(seed: Generation.seed, g.temperature, sample: g.sample),
            text: w.generated + generated.joined(), equation: equation,
            caption: w.barsCaption(t, g.temperature, count: bars.count, byVocab: byVocab), bars: ordered,
            fedBack: s.feedsBack ? w.fedBack(g.label(s.token), t: t, sampled: s.sampled)
                : w.notFedBack(g.label(s.token), t: t), note: note)
    }

    /// The generated steps as an unrolled network: x<t> the character fed in, ŷ the one taken.
    var generationTimeline: Timeline? {
        guard let g = generation else { return nil }
        let items = g.steps.map { s in
            TimelineItem(t: s.t, hasInput: true, hasOutput: true, hasTarget: false,
                         inputLabel: s.x.firstIndex(of: 1).map(g.label) ?? "0", outputLabel: g.label(s.token),
                         targetLabel: nil, loss: nil, daNorm: nil, isCurrent: s.t == g.current?.t)
        }
        return Timeline(items: items, phase: .forward, maxLoss: 1, maxDaNorm: 1)
    }
}
