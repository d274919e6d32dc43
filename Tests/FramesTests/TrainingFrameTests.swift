import Explorer
import Foundation
import Frames
import Lessons
import TextGrid
import Testing

/// Training on the spot and generation mode, drawn: the shipped language model (lesson 08,
/// n_a = 16, vocab of 27) at 100×30 and 80×24, as plain-text snapshots.
@Suite struct TrainingFrameTests {
    static func lesson08(language: Language = .en) throws -> ExplorerState {
        let path = LessonSnapshotTests.lessonsDirectory + "/08-language-model.yaml"
        var s = ExplorerState(lesson: try LessonLoader.load(path: path).get(), language: language)
        _ = s.open(slide: 3)   // ŷ revealed
        return s
    }

    static func scenes() throws -> [(name: String, state: ExplorerState)] {
        let en = try lesson08(), zh = try lesson08(language: .zh)
        let trained = en.after(.train, .train, .train)
        return [
            ("lesson08-trained-300", trained),
            ("lesson08-generate-t4", en.after(.toggleGeneration, .generateNext, .generateNext, .generateNext)),
            ("lesson08-trained-generate-t3", trained.after(.toggleGeneration, .generateNext, .generateNext)),
            ("lesson08-zh-trained-generate-t2", zh.after(.train, .toggleGeneration, .generateNext)),
            ("tiny-generate-t2", try FrameFixtures.state().after(.toggleGeneration, .generateNext)),
        ]
    }

    @Test func snapshots() throws {
        for scene in try Self.scenes() {
            for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
                let grid = FrameRenderer.render(scene.state.viewModel(), size: size, depth: .none)
                Snapshot.check(grid.plainText(), named: "\(scene.name)-\(size.width)x\(size.height)")
                for line in grid.plainText() {
                    #expect(DisplayWidth.of(line) <= size.width, "\(scene.name) at \(size): \(line)")
                }
            }
        }
    }

    /// The training line: the step count, a sparkline and its range.
    @Test func theTrainingLineShowsStepsAndTheCurve() throws {
        let s = try Self.lesson08().after(.train, .train)
        let lines = FrameRenderer.render(s.viewModel(), size: Size(width: 100, height: 30), depth: .none).plainText()
        let line = try #require(lines.first { $0.hasPrefix(" trained 200 steps  loss (mean of 10) ") })
        #expect(line.contains { Sparkline.glyphs.contains($0) })
        #expect(line.contains("…") && line.hasSuffix("t +100  r reset"))
        let wide = FrameRenderer.render(s.viewModel(), size: Size(width: 120, height: 40), depth: .none).plainText()
        #expect(wide.contains { $0.hasPrefix(" trained 200 steps") && $0.hasSuffix("Adagrad lr 0.1, clip ±5 · t +100  r reset") })
    }

    /// Generation: the taken character is marked and kept even when the bars are cut.
    @Test func theTakenCharacterIsAlwaysShown() throws {
        let s = try Self.lesson08().after(.toggleGeneration, .generateNext)
        let bars = s.viewModel().generation?.bars ?? []
        let taken = try #require(bars.first { $0.taken })
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
            let lines = FrameRenderer.render(s.viewModel(), size: size, depth: .none).plainText()
            #expect(lines.contains { $0.hasPrefix(" ▸ \(taken.label) ") }, "\(size)")
            #expect(lines.contains { $0.contains("sampled '\(taken.label)' → x<3> = one-hot('\(taken.label)')") })
        }
    }

    /// A burst of training at the shipped size is 100 steps (its speed is `unroll bench --train`'s business).
    @Test func aBurstIsAHundredSteps() throws {
        let t = try Self.lesson08().after(.train)
        #expect(t.training?.trainer.steps == 100)
    }

    /// The help box, with the new keys, still fits at 80×24 in both languages.
    @Test func helpFitsAt80x24() throws {
        for language in Language.allCases {
            let s = try FrameFixtures.state(language: language).after(.toggleHelp)
            let lines = FrameRenderer.render(s.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText()
            let text = lines.joined(separator: "\n")
            for hint in KeyTable.help(language) { #expect(text.contains(hint.keys), "\(language): \(hint.keys)") }
            #expect(lines.contains { $0.contains("┌─ ") } && lines.contains { $0.contains("└──") })
        }
    }
}
