import Foundation
import Testing
import Lessons
import RNNCore
@testable import Explorer

@Suite struct TrainingLabTests {
    func lesson(_ name: String) throws -> Lesson {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try LessonLoader.load(path: root.appendingPathComponent("lessons/\(name)").path).get()
    }

    /// The lab's slices add up to one run: 3 × 40 steps are the same weights as 120 at once,
    /// and the history keeps every step's loss and ‖∂L/∂W‖.
    @Test func slicesAddUpToOneRun() throws {
        var a = try #require(TrainingLab(lesson: try lesson("08-language-model.yaml")))
        var b = a
        for _ in 0..<3 { a.run(steps: 40) }
        b.run(steps: 120)
        #expect(a.params == b.params && a.steps == 120 && a.loss.count == 120 && a.gradientNorms.count == 120)
        #expect(a.smoothedLoss.count == 120 && a.loss.range != nil)
        var t = Trainer(rnn: try lesson("08-language-model.yaml").rnn, episodes: try lesson("08-language-model.yaml").trainingEpisodes(),
                        config: TrainingConfig(optimizer: .adagrad, learningRate: 0.1, clipping: .elementwise(5), order: .shuffled(seed: 0)))
        t.train(steps: 120)
        #expect(t.params == a.params)
    }

    /// A change of settings continues from the weights (and, for the same optimizer, its memory).
    @Test func settingsContinueTheRun() throws {
        var lab = try #require(TrainingLab(lesson: try lesson("08-language-model.yaml")))
        #expect(lab.clip == .elementwise && lab.clipLevel == 5)   // the line at C for elementwise clipping too
        lab.run(steps: 30)
        let trained = lab.params
        lab.scaleLearningRate(0.5)
        #expect(lab.learningRate == 0.05 && lab.params == trained && lab.trainer?.startStep == 30)
        lab.cycleOptimizer()
        #expect(lab.optimizer == .adam && lab.learningRate == 0.01 && lab.params == trained)
        lab.cycleClip()
        #expect(lab.clip == .norm && lab.clipLevel == 5)
        lab.cycleClipBound()
        #expect(lab.clipBound == 10 && lab.clipLevel == 10)
        lab.run(steps: 10)
        #expect(lab.steps == 40 && lab.params != trained)
        let toggled = lab.toggleSequences()
        #expect(toggled && lab.sequences == .own && lab.trainer?.episodes.count == 1)
    }

    /// A stored Adam run (12a) goes on with Adam and its memory, not with fresh Adagrad.
    @Test func aStoredRunGoesOnWithItsOptimizer() throws {
        let l = try lesson("12a-rnn.yaml")
        let stored = try #require(l.optimizerState)
        let lab = try #require(TrainingLab(lesson: l))
        #expect(stored.kind == .adam && lab.optimizer == .adam && lab.learningRate == 0.01)
        #expect(lab.optimizerState == stored)
    }

    /// Lesson 08b continues its stored run: its loss goes on falling.
    @Test func the08bLabContinuesTheStoredRun() throws {
        let l = try lesson("08b-language-model-trained.yaml")
        var lab = try #require(TrainingLab(lesson: l))
        #expect(lab.trainer?.startStep == 30000)
        let before = lab.meanLoss()
        lab.run(steps: 200)
        #expect(lab.meanLoss() < before)
    }

    /// What lesson 09b's lab slides tell the student to do and see. SGD at 0.01 (o twice), no
    /// clipping (c twice), 1 step per update (u twice): ‖∂L/∂W‖ is 3.2 × 10⁵ at the first step and
    /// below 10 after it; the loss jumps at the second step from 1.21 to nearly 3.88 (slide 7) and
    /// stays above 1.21 for dozens of steps (here: 50), with unit 1 dead at a = +1. After r, the
    /// same with clipping at ±5: the same first ‖∂L/∂W‖, but the loss falls at the second step to
    /// nearly 0.17 (slide 8) and goes on falling, with unit 1 alive. The run is not stopped.
    @Test func lesson09bLabShowsTheJumpAndTheCure() throws {
        let l = try lesson("09b-exploding-gradients.yaml")
        for clipped in [false, true] {
            var lab = try #require(TrainingLab(lesson: l))
            lab.cycleOptimizer(); lab.cycleOptimizer()
            if !clipped { lab.cycleClip(); lab.cycleClip() }
            lab.cycleStepsPerUpdate(); lab.cycleStepsPerUpdate()
            #expect(lab.optimizer == .sgd && lab.learningRate == 0.01 && lab.stepsPerUpdate == 1)
            #expect(lab.clip == (clipped ? .elementwise : .off) && lab.clipBound == 5)
            lab.run(steps: 50)
            #expect(lab.divergence == nil)
            let norms = lab.gradientNorms.buckets.map(\.max), losses = lab.loss.buckets.map(\.max)
            #expect(abs(norms[0] - 3.2e5) < 0.05e5 && norms.dropFirst().allSatisfy { $0 < 10 }, "clipped \(clipped): \(norms)")
            #expect(abs(losses[0] - 1.21) < 0.005)
            if clipped {
                #expect(abs(losses[1] - 0.17) < 0.01 && zip(losses.dropFirst(), losses.dropFirst(2)).allSatisfy { $0 > $1 }, "\(losses)")
            } else {
                #expect(losses[1] > 3.8 && losses[1] < 3.88 && losses.dropFirst().allSatisfy { $0 > 1.21 }, "\(losses)")
            }
            let trained = try #require(lab.trainer).rnn
            let a30 = try #require(Trace(rnn: trained, episode: l.episode).vector(.a, 30))[1]
            #expect(clipped ? abs(a30) < 0.99 : a30 == 1, "clipped \(clipped): a<30>[1] = \(a30)")
        }
    }

    /// A run that diverges stops itself, keeps its last good weights, and may go on after a change.
    @Test func divergenceStopsTheRun() throws {
        var lab = try #require(TrainingLab(lesson: try lesson("08-language-model.yaml")))
        lab.cycleClip(); lab.cycleClip()          // elementwise → norm → off
        #expect(lab.clip == .off && lab.clipLevel == nil)
        for _ in 0..<10 { lab.scaleLearningRate(2) }   // Adagrad at 102.4
        let started = lab.toggleRunning()
        #expect(started && lab.running)
        lab.run(steps: 300)
        let d = try #require(lab.divergence)
        #expect(!lab.running && lab.params?.Wa.values.allSatisfy(\.isFinite) == true)
        let restarted = lab.toggleRunning()
        #expect(!restarted)
        // the header and samples speak of the kept weights: their step, and the loss they gave
        #expect(lab.keptStep == d.keptSteps && lab.keptStep == lab.steps - 2)
        let keptLoss = try #require(lab.keptLoss)
        #expect(keptLoss.isFinite && keptLoss < lab.loss.buckets.last?.max ?? 0)
        lab.takeSamples()
        #expect(lab.samples.last?.step == lab.keptStep && lab.samples.last?.loss == keptLoss)
        lab.scaleLearningRate(1.0 / 1024)
        #expect(lab.divergence == nil && lab.steps == d.step && lab.keptStep == d.keptSteps)
        lab.run(steps: 10)                    // the window of the rule starts afresh: no stop at once
        #expect(lab.divergence == nil && lab.keptStep == d.keptSteps + 10)
        let first = d.keptSteps > 0 ? "\(d.keptSteps) steps Adagrad lr 102.4 clip off, then " : ""   // a span of 0 steps is not named
        #expect(lab.history == first + "10 steps Adagrad lr 0.1 clip off")
    }

    /// The written lesson names every span of settings; nothing is written before a step.
    @Test func theHistoryNamesEveryOptimizerSpan() throws {
        var lab = try #require(TrainingLab(lesson: try lesson("08-language-model.yaml")))
        #expect(!lab.hasTrained && lab.history == "")
        lab.run(steps: 30)
        lab.cycleOptimizer()                  // Adam, 0 steps: not named
        lab.cycleOptimizer()                  // SGD
        lab.run(steps: 5)
        lab.cycleOptimizer()                  // back to Adagrad: a new span
        lab.cycleClip()
        lab.run(steps: 1)
        #expect(lab.hasTrained && lab.totalSteps == 36)
        #expect(lab.history == "30 steps Adagrad lr 0.1 clip ±5, then 5 steps SGD lr 0.01 clip ±5, then 1 step Adagrad lr 0.1 clip ‖g‖ ≤ 5")
        // 08b: its stored 30000 steps come first, and the lab counts on from them
        var stored = try #require(TrainingLab(lesson: try lesson("08b-language-model-trained.yaml")))
        #expect(stored.baseStep == 30000 && stored.keptStep == 30000 && !stored.hasTrained)
        stored.run(steps: 3)
        #expect(stored.keptStep == 30003 && stored.hasTrained)
        #expect(stored.history == "30000 steps before the lab, then 3 steps Adagrad lr 0.1 clip ±5")
    }

    /// Leaving the lab on 08's first slide (which hides ŷ and L) says where the trained network shows.
    @Test func leavingTheLabWhereNothingShowsSaysWhere() throws {
        var state = ExplorerState(lesson: try lesson("08-language-model.yaml"))
        state.update(.lab(.toggle)); state.update(.lab(.hundred)); state.update(.lab(.toggle))
        #expect(state.lab == nil && state.status == "left the lab after 100 steps: this slide hides ŷ and L; the trained ones show from slide 2 (n), and g generates from it; r goes back")
    }

    /// 08b's lab counts on from its stored 30000 steps: the top line and the charts' x axis.
    @Test func the08bLabCountsOnFromItsStoredSteps() throws {
        var state = ExplorerState(lesson: try lesson("08b-language-model-trained.yaml"))
        state.update(.lab(.toggle)); state.update(.lab(.hundred))
        let panel = try #require(state.labPanel)
        #expect(panel.firstStep == 30000 && panel.steps == 100 && panel.status.hasPrefix("paused · step 30100"))
        #expect(panel.lossTitle == state.words.labLossTitle(log: panel.lossLog))
        var one = ExplorerState(lesson: try lesson("09b-exploding-gradients.yaml"))
        one.update(.lab(.toggle)); one.update(.lab(.hundred))
        #expect(one.labPanel?.lossTitle == one.words.labLossTitleOne(log: one.labPanel?.lossLog == true) && one.labPanel?.samplesTitle == "")
        // one sequence: the line is each step's loss, not a running mean
        let lab = try #require(one.lab)
        #expect(lab.smoothedLoss.buckets.map(\.mean) == lab.loss.buckets.map(\.mean))
    }

    /// `t` in the lab trains 100 steps and pauses (as `t` outside it), whether or not it ran.
    @Test func tInTheLabTrainsAHundredSteps() throws {
        var state = ExplorerState(lesson: try lesson("08-language-model.yaml"))
        state.update(.lab(.toggle))
        #expect(state.action(for: .char("t")) == .lab(.hundred))
        state.update(.lab(.hundred))
        #expect(state.lab?.steps == 100 && state.lab?.running == false && state.lab?.samples.count == 1)
        state.update(.lab(.run))
        state.update(.lab(.hundred))
        #expect(state.lab?.steps == 200 && state.lab?.running == false)
        #expect(TrainingLab.pacedUpdatesPerSecond(1) == 10 && TrainingLab.pacedUpdatesPerSecond(10) == 10
                && TrainingLab.pacedUpdatesPerSecond(100) == nil)
        #expect(state.words.labPace(1) == "1 step per screen update, 10 updates a second")
    }

    @Test func samplesCarryTheStepAndTheLoss() throws {
        var lab = try #require(TrainingLab(lesson: try lesson("08-language-model.yaml")))
        lab.run(steps: 50)
        lab.takeSamples()
        let s = try #require(lab.samples.last)
        #expect(s.step == 50 && s.texts.count == TrainingLab.sampleCount && s.loss.isFinite)
        lab.changeTemperature(+1)
        #expect(lab.temperature == 1.5)
        #expect(TrainingLab(lesson: Fixtures.lesson(targets: nil)) == nil)
    }

    /// A slice of training (`tick`) leaves the explorer's trace behind, so a slice costs
    /// training alone; the loop's `show` before a frame, or any key, brings it to the lab's weights.
    @Test func ticksTrainAndShowOrAKeyCatchesTheTraceUp() throws {
        let l = try lesson("08-language-model.yaml")
        var state = ExplorerState(lesson: l)
        state.update(.lab(.toggle)); state.update(.lab(.run))
        let untrained = state.trace.totalLoss
        state.update(.lab(.tick(steps: 50)))
        #expect(state.lab?.steps == 50 && state.trace.totalLoss == untrained)
        state.update(.lab(.show))
        let shown = Trace(rnn: RNN(shape: l.rnn.shape, params: try #require(state.lab?.params)), episode: l.episode).totalLoss
        #expect(state.trace.totalLoss == shown && shown != untrained)
        state.update(.lab(.tick(steps: 50)))
        state.update(.lab(.hotter))    // a key: its frame shows the weights of now
        let keyed = Trace(rnn: RNN(shape: l.rnn.shape, params: try #require(state.lab?.params)), episode: l.episode).totalLoss
        #expect(state.trace.totalLoss == keyed && keyed != shown)
    }
}

/// A diverged lab run, as the tester drove it (08, SGD lr 2.56, clipping off): the status says
/// truly which weights are kept, `w` warns first and writes on the second press, and leaving
/// the lab counts the kept steps everywhere.
@Suite struct LabDivergenceWordsTests {
    @Test func aDivergedRunIsNamedTrulyAndWarnsBeforeWriting() throws {
        let (lesson, _) = try StudentTests.shipped("08-language-model.yaml")
        var s = ExplorerState(lesson: lesson)
        s.update(.lab(.toggle))
        for _ in 0..<3 where s.lab?.optimizer != .sgd { s.update(.lab(.optimizer)) }
        for _ in 0..<8 { s.update(.lab(.fasterRate)) }                       // 0.01 × 256 = 2.56
        for _ in 0..<3 where s.lab?.clip != .off { s.update(.lab(.clip)) }
        #expect(s.lab?.optimizer == .sgd && s.lab?.learningRate == 2.56)
        s.update(.lab(.run))
        for _ in 0..<40 where s.lab?.divergence == nil { s.update(.lab(.tick(steps: 100))) }
        let lab = try #require(s.lab)
        #expect(lab.divergence != nil && lab.keptStep > lab.baseStep, "\(s.status ?? "")")
        let kept = lab.keptStep
        #expect(s.status?.contains("Stopped; the weights are step \(kept)'s, from just before the stop") == true, "\(s.status ?? "")")
        #expect(s.status?.contains("last good") == false)
        // w: a warning first, nothing written; the second w may write
        #expect(!lab.mayWrite)
        s.update(.lab(.save))
        #expect(s.status == s.words.labDivergedSave(try #require(s.lab)) && s.status?.contains("step \(kept)") == true)
        #expect(s.lab?.saveHeld == true && s.lab?.mayWrite == true)   // the hook writes nothing for this w
        s.update(.lab(.save))
        #expect(s.lab?.saveHeld == false && s.status == s.words.labSaving)   // the second w writes
        // leaving: the header and the status count the kept steps, as the lab did
        s.update(.lab(.toggle))
        #expect(s.lab == nil && s.trainedSteps == kept)
        #expect(s.status?.contains("after \(kept) steps") == true, "\(s.status ?? "")")
    }

    /// The lab's settings in Chinese words, for the zh slide of the file `w` writes.
    @Test func theHistoryInChinese() throws {
        let (lesson, _) = try StudentTests.shipped("08-language-model.yaml")
        var lab = try #require(TrainingLab(lesson: lesson))
        lab.run(steps: 5)
        lab.cycleClip(); lab.cycleClip()
        lab.run(steps: 2)
        #expect(lab.history(.zh) == "5 步 Adagrad，学习率 0.1，裁剪 ±5；然后 2 步 Adagrad，学习率 0.1，不裁剪", "\(lab.history(.zh))")
        #expect(lab.history == "5 steps Adagrad lr 0.1 clip ±5, then 2 steps Adagrad lr 0.1 clip off")
    }
}
