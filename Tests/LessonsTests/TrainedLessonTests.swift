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
    func samples(_ l: Lesson, n: Int, temperature: Double = 1) throws -> [String] {
        let codec = try #require(l.codec)
        let end = try #require(codec.endTokenIndex)
        var s = Sampler(rnn: l.rnn, prefix: [end], endToken: end, maxLength: 50, temperature: temperature, seed: 0)
        return (0..<n).map { _ in String(s.generate().filter { $0.sampled && $0.token != end }.map { codec.vocab[$0.token] }) }
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
    }

    /// 09b: clipping each entry to [−5, 5] caps the exploded entries and leaves the rest.
    @Test func lesson09bClippingDoesWhatItsSlideSays() throws {
        let lesson = try shipped("09b-exploding-gradients.yaml")
        var ws = Workspace(shape: lesson.rnn.shape, episode: lesson.episode)
        _ = ws.forward(lesson.rnn.params)
        ws.backward(lesson.rnn.params)
        let before = (ws.dWa, ws.dWya, ws.dba, ws.dby)
        let norm = ws.clipGradients(.elementwise(5))
        #expect(norm > 3e5)
        #expect(ws.dba == [before.2[0], 5] && ws.dWya == before.1 && ws.dby == before.3)
        #expect(ws.dWa == [before.0[0], 0, before.0[2], 5, 0, 5])   // [dWaa | dWax] row by row
    }
}
