import Testing
import Explorer
import Lessons
import RNNCore

/// Generation mode (`g`): one sampled character per step, fed back as the next input.
@Suite struct GenerationTests {
    @Test func gStartsAtStepOneFromTheEndToken() throws {
        let s = Fixtures.chars().after(.toggleGeneration)
        let g = try #require(s.generation)
        #expect(g.steps.count == 1 && g.current?.t == 1)
        #expect(g.current?.x == [0, 0, 1])          // x<1> = one-hot(⏎)
        #expect(g.temperature == 1 && g.sample == 1)
        #expect(s.keyMode == .generate)
        #expect(s.action(for: .right) == .generateNext && s.action(for: .char(">")) == .hotter)
        #expect(s.viewModel().header.step == "generate t = 1")
    }

    @Test func eachStepFeedsTheSampledTokenBack() throws {
        var s = Fixtures.chars().after(.toggleGeneration)
        for _ in 0..<5 { s.update(.generateNext) }
        let steps = try #require(s.generation?.steps)
        for (a, b) in zip(steps, steps.dropFirst()) where !a.isLast {
            #expect(b.x == a.nextX && b.t == a.t + 1)
        }
    }

    @Test func theSameSeedGivesTheSameCharacters() {
        let keys: [Action] = [.toggleGeneration] + Array(repeating: .generateNext, count: 30)
        let a = keys.reduce(Fixtures.chars()) { $0.updated($1) }
        let b = keys.reduce(Fixtures.chars()) { $0.updated($1) }
        #expect(a.generation?.steps == b.generation?.steps)
        #expect(a.generation?.sample == b.generation?.sample)
        // leaving and entering again starts the same stream from the beginning
        let again = a.after(.toggleGeneration, .toggleGeneration)
        #expect(again.generation?.steps == Fixtures.chars().after(.toggleGeneration).generation?.steps)
    }

    @Test func afterTheLastStepANewSampleStarts() throws {
        var s = Fixtures.chars().after(.toggleGeneration)
        var guardSteps = 0
        while s.generation?.current?.isLast != true && guardSteps < 100 { s.update(.generateNext); guardSteps += 1 }
        let last = try #require(s.generation?.current)
        #expect(last.isLast)
        #expect(s.viewModel().generation?.note != nil)
        s.update(.generateNext)
        #expect(s.generation?.sample == 2 && s.generation?.steps.count == 1)
        #expect(s.status == "sample 2: from a<0> again")
    }

    @Test func temperatureRestartsWithinItsRange() {
        let s = Fixtures.chars().after(.toggleGeneration, .generateNext)
        let hot = s.after(.hotter)
        #expect(hot.generation?.temperature == 1.5 && hot.generation?.steps.count == 1)
        #expect(hot.status == "temperature 1.5: a new sample from the start")
        let cold = s.after(.cooler, .cooler, .cooler)
        #expect(cold.generation?.temperature == 0 && cold.status == "temperature stays at 0")
        // temperature 0: the most likely character, every time
        let argmax = cold.after(.generateNext).generation?.steps.allSatisfy { step in
            step.distribution[step.token] == 1 && step.yHat[step.token] == step.yHat.max()
        }
        #expect(argmax == true)
    }

    @Test func thePanelShowsBarsTheTakenTokenAndTheFeedBack() throws {
        let s = Fixtures.chars().after(.toggleGeneration)
        let p = try #require(s.viewModel().generation)
        let step = try #require(s.generation?.current)
        #expect(p.bars.map(\.label) == ["a", "b", "⏎"])           // a short vocab: in vocab order
        #expect(p.bars.filter(\.taken).count == 1 && p.bars[step.token].taken)
        #expect(p.bars.map(\.probability) == step.distribution)
        let c = p.bars[step.token].label
        #expect(p.fedBack == "sampled '\(c)' → x<2> = one-hot('\(c)')")
        #expect(p.text == "generated: ⏎" + c)
        #expect(p.settings == "seed 0 · temperature 1 · sample 1")
        #expect(p.caption == "ŷ<1>, 3 characters, in vocab order")
        #expect(s.viewModel().timeline.items.map(\.inputLabel) == ["⏎"])
    }

    @Test func trainingAndResetRestartGenerationWithTheNewWeights() throws {
        let s = Fixtures.chars().after(.toggleGeneration, .generateNext, .generateNext)
        let t = s.after(.train)
        #expect(t.generation?.steps.count == 1)
        #expect(t.generation.map { $0.steps[0].yHat } != s.generation.map { $0.steps[0].yHat })
        let r = t.after(.resetTraining)
        #expect(r.generation?.steps == Fixtures.chars().after(.toggleGeneration).generation?.steps)
    }

    @Test func movingAlongTheStoryLeavesGeneration() {
        let s = Fixtures.chars().after(.toggleGeneration)
        #expect(s.after(.firstStep).generation == nil)
        #expect(s.after(.toggleInspect).generation == nil)
        #expect(s.after(.escape).generation == nil && s.after(.escape).status == "left generation mode")
        #expect(s.after(.nextSlide).generation != nil)
        #expect(s.after(.toggleHelp).generation != nil)
    }

    @Test func aLessonWithoutAVocabSaysWhy() {
        let s = Fixtures.state().after(.toggleGeneration)
        #expect(s.generation == nil)
        #expect(s.status == "no generation here: it needs a character lesson (vocab, softmax, n_x = n_y)")
        #expect(Fixtures.state(language: .zh).after(.toggleGeneration).status?.hasPrefix("这一课不能生成") == true)
        #expect(Fixtures.state().after(.generateNext).status == "press g first to generate")
    }
}

/// Generation follows the lesson's architecture: 07b (one-to-many) has no input after t = 1.
@Suite struct OneToManyGenerationTests {
    @Test func lesson07bFeedsZerosAfterTheFirstStepAndStopsAtT() throws {
        let lesson = try LessonLoader.load(path: SlideTextTests.lessons + "/07b-one-to-many.yaml").get()
        #expect(!lesson.samplingFeedsBack && lesson.samplingStart() == [0])   // 'h', the lesson's x<1>
        var s = ExplorerState(lesson: lesson)
        s.update(.toggleGeneration)
        s.update(.cooler); s.update(.cooler)   // temperature 0: the most likely letter each step
        while s.generation?.current?.isLast == false { s.update(.generateNext) }
        guard let g = s.generation else { Issue.record("not generating"); return }
        #expect(g.steps.map { g.label($0.token) }.joined() == "ello")   // the lesson's T = 4 outputs, not 50
        #expect(g.steps.dropFirst().allSatisfy { $0.x.allSatisfy { $0 == 0 } })
        #expect(s.viewModel().generation?.fedBack == "sampled 'o' → x<5> = 0 (one-to-many: no input after t = 1)")
        #expect(s.viewModel().generation?.note == "T = 4 steps, as the lesson's network is unrolled; → starts sample 2")
        #expect(s.viewModel().timeline.items.map(\.inputLabel) == ["h", "0", "0", "0"])
        // a language model feeds each letter back
        let lm = try LessonLoader.load(path: SlideTextTests.lessons + "/08-language-model.yaml").get()
        #expect(lm.samplingFeedsBack && lm.samplingStart() == [lm.codec?.endTokenIndex ?? -1])
    }
}
