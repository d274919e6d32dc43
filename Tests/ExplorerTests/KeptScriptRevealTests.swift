import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// `unroll train --keep-script`: the training slide comes first, and reveals accumulate from
/// slide 1 on, so it must not reveal what the original lesson hides until later (08: the
/// training slide showed everything, and the first kept question's ŷ<1> was on screen).
@Suite struct KeptScriptRevealTests {
    @Test(arguments: ["08-language-model.yaml", "02-forward.yaml", "05-loss.yaml"])
    func keptSlidesRevealWhatTheOriginalDid(_ name: String) throws {
        let (original, text) = try StudentTests.shipped(name)
        var trainer = Trainer(rnn: original.rnn, episodes: original.trainingEpisodes(), config: TrainingConfig())
        trainer.train(steps: 20)
        let describe = LessonWriter.Description.trained(from: original, steps: 20, command: "unroll train", before: 2, after: 1)
        let path = StudentTests.lessons.appendingPathComponent(name).path, out = StudentTests.lessons.appendingPathComponent("k.yaml").path
        let kept = try LessonWriter.trainedKeepingScript(originalText: text, path: path, out: out, shape: trainer.shape,
                                                         params: trainer.params, optimizerState: trainer.optimizerState,
                                                         notes: "n", describe: describe).get().text
        let lesson = try LessonLoader.load(text: kept, path: out).get()
        #expect(lesson.script.count == original.script.count + 1)
        #expect(lesson.script[0].show == original.script[0].show)
        for k in 1...original.script.count {
            var before = ExplorerState(lesson: original), after = ExplorerState(lesson: lesson)
            _ = before.open(slide: k)
            _ = after.open(slide: k + 1)
            #expect(after.revealedSet == before.revealedSet, "\(name) slide \(k)")
        }
    }
}
