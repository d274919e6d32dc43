import Testing
import Explorer
import Lessons
import RNNCore

/// Training on the spot (`t`) and going back (`r`): pure state transitions.
@Suite struct TrainingTests {
    @Test func aBurstChangesTheWeightsAndLowersTheLoss() throws {
        let s = Fixtures.state()
        let before = try #require(s.trace.totalLoss)
        let t = s.after(.train)
        #expect(t.training?.trainer.steps == ExplorerState.burst)
        #expect(t.trace.rnn.params != s.trace.rnn.params)
        #expect(t.trace.rnn.params == t.training?.trainer.params)
        let after = try #require(t.trace.totalLoss)
        #expect(after < before)
        #expect(t.status?.hasPrefix("trained 100 steps (100 in all): L of this sequence ") == true)
        // the colour scales and timeline follow the new trace
        #expect(t.scales == ScaleTable(trace: t.trace))
        #expect(t.after(.startBackward).viewModel().timeline.items.map(\.loss) == (1...3).map { t.trace.loss($0) })
    }

    @Test func trainingIsDeterministic() {
        let a = Fixtures.state().after(.train, .train)
        let b = Fixtures.state().after(.train, .train)
        #expect(a.trace.rnn.params == b.trace.rnn.params)
        #expect(a.training?.trainer.lossHistory == b.training?.trainer.lossHistory)
        #expect(a.training?.lossCurve == b.training?.lossCurve)
        #expect(a.training?.trainer.steps == 200)
    }

    @Test func resetRestoresTheLessonExactly() {
        let s = Fixtures.state()
        let r = s.after(.train, .train, .resetTraining)
        #expect(r.trace.rnn.params == s.lesson.rnn.params)
        #expect(r.scales == s.scales)
        #expect(r.daNorms == s.daNorms)
        #expect(r.training == nil && r.viewModel().training == nil)
        // and training again repeats the same run
        #expect(r.after(.train).trace.rnn.params == s.after(.train).trace.rnn.params)
        #expect(s.after(.resetTraining).status == "nothing to reset: not trained yet (t trains)")
    }

    @Test func theCharacterLessonTrainsOnItsTexts() throws {
        let s = Fixtures.chars()
        let t = s.after(.train, .train, .train)
        #expect(t.training?.trainer.episodes.count == 3)
        #expect(try #require(t.trace.totalLoss) < (try #require(s.trace.totalLoss)))
    }

    @Test func aLessonWithoutTargetsSaysWhy() {
        let s = Fixtures.state(targets: nil).after(.train)
        #expect(s.training == nil)
        #expect(s.status == "cannot train: this lesson has no targets (y), so no loss to learn from")
        #expect(Fixtures.state(targets: nil, language: .zh).after(.train).status == "无法训练：这一课没有目标值 y，也就没有可以减小的损失")
        #expect(Fixtures.state(targets: nil).after(.resetTraining).status?.hasPrefix("cannot train") == true)
    }

    @Test func theTrainingStripShowsStepsCurveAndSettings() throws {
        let t = Fixtures.state().after(.train, .train, .train)
        let strip = try #require(t.viewModel().training)
        #expect(strip.title == "trained 300 steps")
        #expect(strip.curveLabel == "loss (mean of 10)")
        #expect(strip.curve.count == 30)
        #expect(strip.settings == "Adagrad lr 0.1, clip ±5" && strip.keys == "t +100  r reset")
        #expect(Fixtures.state(language: .zh).after(.train).viewModel().training?.title == "已训练 100 步")
        #expect(Fixtures.state().viewModel().training == nil)
    }

    @Test func theLossCurveKeepsAtMostSixtyPoints() {
        let c = LossCurve(history: (0..<1000).map(Double.init))
        #expect(c.chunk == 17 && c.points.count == 59 && c.steps == 1000)
        #expect(c.points.first == 8)
        let short = LossCurve(history: [1, 2, 3])
        #expect(short.points == [2] && short.chunk == 10)
    }
}
