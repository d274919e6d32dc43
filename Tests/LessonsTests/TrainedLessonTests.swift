import Foundation
import Testing
import RNNCore
@testable import Lessons

/// The claims lessons 08, 08b and 09b make about commands and clipping, which their checks
/// cannot express.
@Suite struct TrainedLessonTests {
    func shipped(_ name: String) throws -> Lesson {
        try LessonLoader.load(path: packageRoot.appendingPathComponent("lessons/\(name)").path).get()
    }

    /// What `unroll sample LESSON --n N --temperature T` prints (seed 0, from ⏎, at most 50 letters).
    /// The exact letters depend on where each random draw u falls among the cumulative
    /// probabilities, which libm computes slightly differently across platforms: so every draw
    /// must also be at least 1e-9 from a boundary (then no such difference can change a letter),
    /// and a temperature-0 choice must lead the runner-up by as much.
    func samples(_ l: Lesson, n: Int, temperature: Double = 1) throws -> [String] {
        let codec = try #require(l.codec)
        let end = try #require(codec.endTokenIndex)
        var s = try #require(l.sampler(maxLength: 50, temperature: temperature, seed: 0))
        var replay = SplitMix64(seed: 0)
        var margin = Double.infinity
        let texts = (0..<n).map { _ in
            let steps = s.generate()
            for step in steps where step.sampled {
                let p = step.distribution
                if p.allSatisfy({ $0 == 0 || $0 == 1 }) {   // temperature 0: the first largest logit, no draw
                    let sorted = step.yHat.sorted(by: >)
                    margin = min(margin, sorted.count > 1 ? sorted[0] - sorted[1] : 1)
                    continue
                }
                let u = replay.nextUnit()
                let below = p.prefix(step.token).reduce(0, +)
                margin = min(margin, u - below, below + p[step.token] - u)
            }
            return String(steps.filter { $0.sampled && $0.token != end }.map { codec.vocab[$0.token] })
        }
        #expect(margin > 1e-9, "a draw falls within \(margin) of a boundary: the letters may differ with another libm")
        return texts
    }

    @Test func lesson08SamplesWhatItsSlideSays() throws {
        #expect(try samples(shipped("08-language-model.yaml"), n: 2) == ["xla", "cieugzkuootonufwxrzixplgrzzfbawlggliocabvzglmdyxda"])
    }

    @Test func lesson08bSamplesWhatItsSlideSays() throws {
        let l = try shipped("08b-language-model-trained.yaml")
        #expect(try samples(l, n: 6) == ["saawilis", "vinier", "holly", "thulia", "trbag", "elbert"])
        #expect(try samples(l, n: 2, temperature: 0) == ["alla", "alla"])
    }

    /// 08b's weights are what its notes' command makes of 08's (to 1e-9: libm may differ across platforms).
    @Test(.tags(.slow)) func lesson08bIsLesson08AfterTheTrainCommandInItsNotes() throws {
        let before = try shipped("08-language-model.yaml"), after = try shipped("08b-language-model-trained.yaml")
        #expect(after.notes?.contains("`unroll train 08-language-model.yaml --steps 30000 --optimizer adagrad --lr 0.1 --clip 5.0 --seed 0`") == true)
        var t = Trainer(rnn: before.rnn, episodes: before.trainingEpisodes(),
                        config: TrainingConfig(optimizer: .adagrad, learningRate: 0.1, clipping: .elementwise(5), order: .shuffled(seed: 0)))
        t.train(steps: 30000)
        let got = t.params.Wa.values + t.params.Wya.values + t.params.ba + t.params.by
        let want = after.rnn.params.Wa.values + after.rnn.params.Wya.values + after.rnn.params.ba + after.rnn.params.by
        let worst = zip(got, want).map { abs($0 - $1) / max(abs($0) + abs($1), 1e-12) }.max() ?? 1
        #expect(got.count == want.count && worst < 1e-9)
        // and it stores that run's optimizer state: Adagrad's sums after 30 000 steps
        let state = try #require(after.optimizerState)
        #expect(state.steps == 30000 && state.seed == 0 && state.kind == .adagrad)
        let sums = t.optimizerState.first.flatMap { $0 }, stored = state.first.flatMap { $0 }
        let worstSum = zip(sums, stored).map { abs($0 - $1) / max(abs($0) + abs($1), 1e-12) }.max() ?? 1
        #expect(sums.count == stored.count && worstSum < 1e-9)
    }

    /// 09b: clipping each entry to [−5, 5] caps the exploded entries and leaves the rest.
    @Test func lesson09bClippingDoesWhatItsSlideSays() throws {
        let lesson = try shipped("09b-exploding-gradients.yaml")
        var ws = Workspace(shape: lesson.rnn.shape, episode: lesson.episode)
        _ = ws.forward(lesson.rnn.params)
        ws.backward()
        let before = (ws.dWa, ws.dWya, ws.dba, ws.dby)
        let norm = ws.clipGradients(.elementwise(5))
        #expect(norm > 3e5)
        #expect(ws.dba == [before.2[0], -5] && ws.dWya == before.1 && ws.dby == before.3)
        #expect(ws.dWa == [before.0[0], 0, before.0[2], 5, 0, -5])   // [dWaa | dWax] row by row
    }
}
