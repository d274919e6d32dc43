import Foundation
@testable import Lessons
import RNNCore
import Testing

/// `--keep-script` on lesson 02: the kept slides whose numbers the training changed say so (en
/// and zh), stderr's notes read once ("dropped the check …"), and `check` warns once per number.
@Suite struct KeepScriptNoteTests {
    static func keptLesson02() throws -> (text: String, dropped: [String]) {
        let path = packageRoot.appendingPathComponent("lessons/02-forward.yaml").path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let loaded = try LessonLoader.load(path: path).get()
        var trainer = Trainer(rnn: loaded.rnn, episodes: loaded.trainingEpisodes(), config: TrainingConfig(clipping: .elementwise(5)))
        trainer.train(steps: 200)
        let describe = LessonWriter.Description.trained(from: loaded, steps: 200, command: "unroll train", before: 2, after: 1)
        return try LessonWriter.trainedKeepingScript(originalText: original, path: path, out: "k.yaml", shape: trainer.shape,
                                                     params: trainer.params, optimizerState: trainer.optimizerState,
                                                     notes: "n", describe: describe).get()
    }

    @Test func keptSlidesWithChangedNumbersSaySo() throws {
        let (text, dropped) = try Self.keptLesson02()
        #expect(!dropped.isEmpty)
        #expect(dropped.allSatisfy { $0.contains(": dropped the check \"") && !$0.contains("check check") }, "\(dropped)")
        let back = try LessonLoader.load(text: text, path: "k.yaml").get()
        let note = KeptScript.untrainedNote
        let original = try LessonLoader.load(path: packageRoot.appendingPathComponent("lessons/02-forward.yaml").path).get()
        #expect(back.script.count == original.script.count + 1)
        // slide 2 (z<1>) lost its checks; slide 5 quotes Waa[2,1] = 1.5 with no check of it
        let quoting = back.script.firstIndex { $0.say.en.contains("Waa[2,1] = 1.5") }
        #expect(quoting != nil)
        for k in [2, quoting ?? 0] {
            #expect(back.script[k].say.en.hasSuffix(note.en), "slide \(k + 1): \(back.script[k].say.en)")
            #expect(back.script[k].say.zh?.hasSuffix(note.zh ?? "-") == true, "slide \(k + 1)")
        }
        // slide 1 (the formulas) states no number of the weights: no note
        #expect(back.script[1].say == original.script[0].say)
        // every stale-number warning is on a slide that carries the note, and each is said once
        let analysis = LessonLoader.analyse(text: text, path: "k.yaml")
        let says = analysis.warnings.filter { $0.message.contains(" says ") }
        #expect(!says.isEmpty)
        #expect(Set(says.map(\.message)).count == says.count, "\(says.map(\.message))")
        for w in says {
            let slide = back.script.first { $0.location.line == w.location?.line }
            #expect(slide?.say.en.hasSuffix(note.en) == true, "\(w.message)")
        }
    }
}
