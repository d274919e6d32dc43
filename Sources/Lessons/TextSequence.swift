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
        var ids: [Int] = []   // each character's place in vocab, looked up once
        ids.reserveCapacity(text.count)
        for (i, c) in text.enumerated() {
            if let j = index[c] { ids.append(j); continue }
            error("text[\(i)] '\(Vocabulary.label(c))' is not in vocab", at: source.location(in: textNode, offset: i))
            ok = false
        }
        if text.count < 2 { error("text needs at least 2 characters (an input and the next one)", at: textNode); return nil }
        if text.count - 1 > Limits.maxSteps {
            error("text has \(text.count) characters; a lesson may have at most \(Limits.maxSteps) steps", at: textNode); return nil
        }
        guard ok, let architecture else { return nil }
        let n = text.count - 1
        let inputs: ArraySlice<Int>, targets: ArraySlice<Int>
        switch architecture {
        case .manyToMany: inputs = ids[0..<n]; targets = ids[1...]
        case .manyToOne: inputs = ids[0..<n]; targets = ids[n...]
        case .oneToMany: inputs = ids[0..<1]; targets = ids[1...]
        case .oneToOne:
            guard text.count == 2 else {
                error("one-to-one with text needs exactly 2 characters (an input and its target), got \(text.count)", at: textNode)
                return nil
            }
            inputs = ids[0..<1]; targets = ids[1...]
        case .encoderDecoder:
            error("text works with many-to-many, many-to-one, one-to-many and one-to-one; for encoder-decoder write x and y", at: textNode)
            return nil
        }
        // one vector and one label per character of vocab, shared by every step that has it
        // (arrays are copy-on-write): T one-hot rows of n_x would be 80 MB at the limits
        var oneHots: [[Double]?] = Array(repeating: nil, count: vocab.count)
        var labels: [LocalizedText?] = Array(repeating: nil, count: vocab.count)
        func oneHot(_ j: Int) -> [Double] {
            if let v = oneHots[j] { return v }
            var v = [Double](repeating: 0, count: vocab.count)
            v[j] = 1
            oneHots[j] = v
            return v
        }
        func label(_ j: Int) -> LocalizedText {
            if let l = labels[j] { return l }
            let l = LocalizedText(en: Vocabulary.label(vocab[j]))
            labels[j] = l
            return l
        }
        return SequenceData(inputs: inputs.map(oneHot), targets: targets.map(oneHot),
                            inputLabels: inputs.map(label), targetLabels: targets.map(label),
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
