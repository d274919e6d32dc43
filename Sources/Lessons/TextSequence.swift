import RNNCore
import Yams

/// Character-level sequences: `vocab` and `text`, one-hot encoded.
///
/// With text c₀c₁…cₙ: many-to-many takes x<t> = one-hot(c_{t-1}) and y<t> = one-hot(c_t) for
/// t = 1…n (T = n = len(text) − 1); many-to-one reads c₀…c_{n-1} and predicts cₙ; one-to-many
/// reads c₀ and predicts c₁…cₙ; one-to-one reads c₀ and predicts c₁ (text of 2 characters).
extension NodeReader {
    func readText(_ f: Fields, shape: Shape?, architecture: Architecture?) -> SequenceData? {
        let vocabNode = require(f, "vocab", "the characters, in one-hot order")
        let textNode = require(f, "text", "the characters of the sequence")
        guard let vocabNode, let vocabText = string(vocabNode, "vocab") else { return nil }
        let vocab = Array(vocabText)
        var index: [Character: Int] = [:]
        for (i, c) in vocab.enumerated() {
            if index[c] != nil {
                error("vocab has '\(Vocabulary.label(c))' twice; each character may appear once",
                      at: source.location(in: vocabNode, offset: i))
                return nil
            }
            index[c] = i
        }
        if let shape {
            if shape.g2 != .softmax { error("text needs g2: softmax (one class per character), got g2: \(shape.g2.rawValue)", at: vocabNode) }
            if shape.nx != vocab.count || shape.ny != vocab.count {
                error("vocab has \(vocab.count) characters, so n_x and n_y must be \(vocab.count), got n_x = \(shape.nx), n_y = \(shape.ny)", at: vocabNode)
                return nil
            }
            if shape.g2 != .softmax { return nil }
        }
        guard let textNode, let text = string(textNode, "text").map(Array.init) else { return nil }
        var ok = true
        for (i, c) in text.enumerated() where index[c] == nil {
            error("text[\(i)] '\(Vocabulary.label(c))' is not in vocab", at: source.location(in: textNode, offset: i))
            ok = false
        }
        if text.count < 2 { error("text needs at least 2 characters (an input and the next one)", at: textNode); return nil }
        if text.count - 1 > Limits.maxSteps {
            error("text has \(text.count) characters; a lesson may have at most \(Limits.maxSteps) steps", at: textNode); return nil
        }
        guard ok, let architecture else { return nil }
        let n = text.count - 1
        let inputs: ArraySlice<Character>, targets: ArraySlice<Character>
        switch architecture {
        case .manyToMany: inputs = text[0..<n]; targets = text[1...]
        case .manyToOne: inputs = text[0..<n]; targets = text[n...]
        case .oneToMany: inputs = text[0..<1]; targets = text[1...]
        case .oneToOne:
            guard text.count == 2 else {
                error("one-to-one with text needs exactly 2 characters (an input and its target), got \(text.count)", at: textNode)
                return nil
            }
            inputs = text[0..<1]; targets = text[1...]
        case .encoderDecoder:
            error("text works with many-to-many, many-to-one, one-to-many and one-to-one; for encoder-decoder write x and y", at: textNode)
            return nil
        }
        func oneHot(_ c: Character) -> [Double] { (0..<vocab.count).map { $0 == index[c] ? 1 : 0 } }
        return SequenceData(inputs: inputs.map(oneHot), targets: targets.map(oneHot),
                            inputLabels: inputs.map { LocalizedText(en: Vocabulary.label($0)) },
                            targetLabels: targets.map { LocalizedText(en: Vocabulary.label($0)) },
                            vocab: vocab)
    }
}

/// How a vocabulary character is shown on screen.
public enum Vocabulary {
    /// A newline as ⏎, a space as ␠, a tab as ⇥, other control characters as �; the rest as is.
    public static func label(_ c: Character) -> String {
        switch c {
        case "\n", "\r\n": return "⏎"
        case " ": return "␠"
        case "\t": return "⇥"
        default:
            return c.unicodeScalars.contains(where: Sanitizer.isControl) ? "\u{FFFD}" : String(c)
        }
    }
}
