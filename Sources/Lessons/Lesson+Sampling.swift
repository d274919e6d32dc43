import RNNCore

/// How a character lesson generates: the one place that decides which token a sample starts
/// from and what each step feeds the next (used by `unroll sample`, `g`, the lab and `train`).
extension Lesson {
    /// The tokens a sample reads before it draws: the end token ⏎ when the vocab has one,
    /// followed by `prefix`; without ⏎, `prefix`, else the lesson's first input x<1>.
    /// nil when the lesson is not a character lesson (no vocab).
    public func samplingStart(prefix: [Int] = []) -> [Int]? {
        guard let codec else { return nil }
        if let end = codec.endTokenIndex { return prefix.first == end ? prefix : [end] + prefix }
        if !prefix.isEmpty { return prefix }
        return [episode.x.first?.firstIndex(of: 1) ?? 0]
    }

    /// Whether generation feeds each sampled character back as the next input. A one-to-many
    /// lesson has no input after t = 1 (its x<2>, x<3>, … are zero vectors), and generates so.
    public var samplingFeedsBack: Bool { episode.architecture != .oneToMany }

    /// The most tokens a sample draws: `limit`, or the lesson's T for a one-to-many lesson
    /// (its outputs run out with its steps).
    public func samplingLength(upTo limit: Int) -> Int {
        samplingFeedsBack ? limit : max(1, min(limit, episode.T))
    }

    /// A sampler over `rnn` (trained weights; nil: the lesson's own) or `gated` (a GRU/LSTM's
    /// weights; nil with `rnn` nil: the lesson's own GRU/LSTM, if it has one) that starts, feeds
    /// back and stops as the lesson does; nil when the lesson cannot generate (no vocab, g2 not
    /// softmax, n_x or n_y not the vocab's size, a prefix outside it).
    public func sampler(rnn: RNN? = nil, gated given: GatedRNN? = nil, prefix: [Int] = [], maxLength: Int,
                        temperature: Double, seed: UInt64) -> Sampler? {
        let plain = rnn ?? self.rnn
        guard let codec, let start = samplingStart(prefix: prefix), plain.shape.g2 == .softmax,
              plain.shape.nx == codec.count, plain.shape.ny == codec.count,
              start.allSatisfy({ (0..<codec.count).contains($0) }) else { return nil }
        let length = samplingLength(upTo: maxLength)
        var s: Sampler
        if let gated = given ?? (rnn == nil ? gated : nil) {
            s = Sampler(gated: gated, prefix: start, endToken: codec.endTokenIndex, maxLength: length,
                        temperature: temperature, seed: seed)
        } else {
            s = Sampler(rnn: plain, prefix: start, endToken: codec.endTokenIndex, maxLength: length,
                        temperature: temperature, seed: seed)
        }
        s.feedsBack = samplingFeedsBack
        return s
    }
}
