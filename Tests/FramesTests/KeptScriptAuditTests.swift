import Explorer
import Foundation
@testable import Frames
import Lessons
import RNNCore
import Testing

/// `unroll train --keep-script` on 08 writes a file whose kept questions pass the leak rule
/// that `check --strict` applies: the training slide in front must not reveal the first
/// question's ŷ<1> (it did, by showing everything).
@Suite struct KeptScriptAuditTests {
    @Test func keptQuestionsOf08DoNotLeak() throws {
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let path = lessons.appendingPathComponent("08-language-model.yaml").path, out = lessons.appendingPathComponent("08k.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let original = try LessonLoader.load(path: path).get()
        var trainer = Trainer(rnn: original.rnn, episodes: original.trainingEpisodes(), config: TrainingConfig())
        trainer.train(steps: 300)
        let describe = LessonWriter.Description.trained(from: original, steps: 300, command: "unroll train", before: 2, after: 1)
        let kept = try LessonWriter.trainedKeepingScript(originalText: text, path: path, out: out, shape: trainer.shape,
                                                         params: trainer.params, optimizerState: trainer.optimizerState,
                                                         notes: "n", describe: describe).get().text
        let lesson = try LessonLoader.load(text: kept, path: out).get()
        let leaks = QuestionAudit.answerLeaks(in: lesson)
        #expect(leaks.isEmpty, "\(leaks.map(\.description))")
    }
}
