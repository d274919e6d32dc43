import Testing
import RNNCore

/// Optimizer state carried over, divergence, and the downsampled history of a run.
@Suite struct ContinuationTests {
    /// Training k steps, storing the state, and training the rest from it is, bit for bit,
    /// one uninterrupted run of the same total steps (weights, losses, memory).
    @Test(arguments: [OptimizerKind.sgd, .adagrad, .adam])
    func continuedTrainingEqualsOneUninterruptedRun(_ kind: OptimizerKind) throws {
        let config = TrainingConfig(optimizer: kind, clipping: .elementwise(5), order: .shuffled(seed: 4))
        var (whole, _) = try tinyTrainer(config)
        whole.train(steps: 25)
        var (first, _) = try tinyTrainer(config)
        first.train(steps: 11)
        let state = first.optimizerState
        #expect(state.steps == 11 && state.seed == 4 && state.kind == kind)
        var rest = Trainer(rnn: first.rnn, episodes: first.episodes, config: config, resuming: state)
        #expect(rest.startStep == 11 && rest.episodeIndex(step: 1) == whole.episodeIndex(step: 12))
        rest.train(steps: 14)
        #expect(rest.params == whole.params)
        #expect(Array(rest.lossHistory) == Array(whole.lossHistory[11...]))
        #expect(rest.optimizerState == whole.optimizerState)
        // a fresh optimizer instead (no state) takes a different path
        var fresh = Trainer(rnn: first.rnn, episodes: first.episodes, config: config)
        fresh.train(steps: 14)
        #expect(kind == .sgd || fresh.params != whole.params)
    }

    /// Another optimizer than the stored one starts with fresh memory but keeps the step count.
    @Test func aDifferentOptimizerStartsFreshMemoryButKeepsTheStepCount() throws {
        var (a, _) = try tinyTrainer(TrainingConfig(optimizer: .adagrad, order: .shuffled(seed: 1)))
        a.train(steps: 5)
        let adam = TrainingConfig(optimizer: .adam, order: .shuffled(seed: 1))
        var b = Trainer(rnn: a.rnn, episodes: a.episodes, config: adam, resuming: a.optimizerState)
        b.train(steps: 3)
        let s = b.optimizerState
        #expect(s.kind == .adam && s.steps == 8 && s.updates == 3 && s.second.count == 4)
    }

    @Test func theDivergenceRuleSaysWhy() {
        let rule = DivergenceRule(start: 2)
        #expect(rule.limit == 20)
        #expect(rule.verdict(loss: .nan, T: 3) == .notFinite)
        #expect(rule.verdict(loss: -.infinity, T: 3) == .notFinite)
        #expect(rule.verdict(loss: 60, T: 3) == nil)       // 20 per time step: not past
        #expect(rule.verdict(loss: 60.1, T: 3) == .grew)
        #expect(DivergenceRule(start: 0).limit == 0.01)
    }

    /// Like with like: the start is a mean over all sequences, so the rule compares it with the
    /// mean of the last steps (at most `DivergenceRule.window`), not with one step's loss. One
    /// badly predicted sequence in a healthy run does not stop it; a loss that stays high does.
    @Test func oneBadStepDoesNotStopAHealthyRun() {
        var rule = DivergenceRule(start: 1)              // limit 10 per time step
        for _ in 0..<99 { #expect(rule.observe(loss: 5, T: 5) == nil) }
        #expect(rule.observe(loss: 100, T: 2) == nil)    // 50 per time step, once: mean (495 + 100) / 497 ≈ 1.2
        #expect(rule.recentSteps == 100 && abs((rule.recentPerStep ?? 0) - 595.0 / 497) < 1e-12)
        #expect(rule.observe(loss: .nan, T: 5) == .notFinite)
        var rising = DivergenceRule(start: 1)
        var stoppedAt: Int?
        for s in 1...300 where stoppedAt == nil {
            if rising.observe(loss: Double(s) * 0.2 * 5, T: 5) != nil { stoppedAt = s }   // per step 0.2 s
        }
        // the mean of the last 100 steps, 0.2 × (s + 1) / 2 up to s = 100, passes 10 at s = 100 (10.1)
        #expect(stoppedAt == 100)
        #expect(rising.grewWords.hasPrefix("the loss grew to 10.1 per time step (the mean of the last 100 steps), past 10× its starting value 1"))
        // the window slides: the oldest step leaves the sums exactly
        var sliding = DivergenceRule(start: 100)
        for s in 0..<250 { _ = sliding.observe(loss: Double(s), T: 1) }
        #expect(sliding.recentSteps == 100 && sliding.recentPerStep == (150..<250).reduce(0.0) { $0 + Double($1) } / 100)
        #expect(sliding.afresh.recentSteps == 0 && sliding.afresh.start == 100)
    }

    /// A run that diverges stops, and keeps the last weights that gave a good loss: exactly
    /// the weights of a run of `keptSteps` steps.
    @Test func aDivergedRunKeepsTheLastGoodWeights() throws {
        var found = false
        for lr in [3.0, 10, 30, 100, 300, 1000] {
            var (t, _) = try tinyTrainer(TrainingConfig(optimizer: .sgd, learningRate: lr, order: .shuffled(seed: 2)))
            t.train(steps: 200)
            guard let d = t.divergence, d.step >= 3 else { continue }
            found = true
            #expect(t.steps == d.step && t.keptSteps == d.step - 2)
            #expect(t.divergenceRule.verdict(loss: d.loss, T: t.episodes[t.episodeIndex(step: d.step)].T) == d.reason)
            var (again, _) = try tinyTrainer(TrainingConfig(optimizer: .sgd, learningRate: lr, order: .shuffled(seed: 2)))
            again.train(steps: d.keptSteps)
            #expect(t.params == again.params && t.params.Wa.values.allSatisfy(\.isFinite))
            #expect(t.optimizerState.steps == d.keptSteps)
            t.train(steps: 5)
            #expect(t.steps == d.step)   // stopped for good
            t.reset()
            #expect(t.divergence == nil && t.steps == 0)
            break
        }
        #expect(found, "no learning rate made the tiny model diverge after step 2")
    }

    /// A million values in 1024 buckets: the extremes are kept, nothing is cut.
    @Test func downsamplingKeepsMinAndMaxOverAMillionPoints() {
        var s = DownsampledSeries(capacity: 1024)
        var g = SplitMix64(seed: 5)
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
        for i in 0..<1_000_000 {
            var v = g.nextUnit()
            if i == 777_777 { v = -3 }
            if i == 123 { v = 9 }
            if i == 500_000 { v = .nan }
            s.append(v)
            if v.isFinite { lo = min(lo, v); hi = max(hi, v); sum += v }
        }
        #expect(s.count == 1_000_000 && s.buckets.count <= 1024 && s.buckets.count > 512)
        #expect(s.range == lo...hi && lo == -3 && hi == 9)
        #expect(s.buckets.map(\.count).reduce(0, +) == 1_000_000)
        #expect(s.buckets.map(\.finite).reduce(0, +) == 999_999)
        let total = s.buckets.map(\.sum).reduce(0, +)
        #expect(abs(total - sum) < 1e-6 * abs(sum))
        // the bucket holding step 777 777 has the minimum
        let b = s.buckets[777_777 / s.perBucket]
        #expect(b.min == -3)
    }

    @Test func fewValuesKeepOneBucketEach() {
        var s = DownsampledSeries(capacity: 4)
        s.append(contentsOf: [1, 2, 3])
        #expect(s.buckets.map(\.mean) == [1, 2, 3] && s.perBucket == 1)
        s.append(contentsOf: [4, 5])
        #expect(s.perBucket == 2 && s.buckets.map(\.mean) == [1.5, 3.5, 5])
        #expect(s.buckets.map(\.min) == [1, 3, 5] && s.buckets.map(\.max) == [2, 4, 5])
    }
}
