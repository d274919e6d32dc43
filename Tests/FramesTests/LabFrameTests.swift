import Explorer
import Foundation
import Frames
import Lessons
import TextGrid
import Testing
import TextBasics

/// The training lab, drawn: lesson 08 (n_a = 16, 27 characters, 325 names) at 120×40 and
/// 80×24, in English and Chinese, as plain-text snapshots: opened, after a run of 300 steps
/// (charts, the clip line, samples), stopped by divergence (the message in words), and its
/// help box. The steps per second are given (a measurement is the loop's, not the frame's).
@Suite struct LabFrameTests {
    static func lesson08(_ language: Language) throws -> ExplorerState {
        let path = LessonSnapshotTests.lessonsDirectory + "/08-language-model.yaml"
        return ExplorerState(lesson: try LessonLoader.load(path: path).get(), language: language).after(.lab(.toggle))
    }

    static func scenes() throws -> [(name: String, state: ExplorerState)] {
        try Language.allCases.flatMap { language -> [(name: String, state: ExplorerState)] in
            let open = try lesson08(language)
            let run = open.after(.lab(.run), .lab(.tick(steps: 100)), .lab(.sample), .lab(.tick(steps: 100)), .lab(.sample),
                                 .lab(.tick(steps: 100)), .lab(.rate(1234)), .lab(.sample), .lab(.run))
            // no clipping and a learning rate of 0.1 × 2¹⁰: the loss jumps past 10× its start
            var diverging = open.after(.lab(.clip), .lab(.clip))
            for _ in 0..<10 { diverging = diverging.after(.lab(.fasterRate)) }
            let diverged = diverging.after(.lab(.run), .lab(.tick(steps: 300)))
            let tag = language == .en ? "" : "-zh"
            return [("lab08\(tag)-open", open), ("lab08\(tag)-run-300", run), ("lab08\(tag)-diverged", diverged),
                    ("lab08\(tag)-help", run.after(.toggleHelp))]
        }
    }

    @Test func snapshots() throws {
        for scene in try Self.scenes() {
            for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
                let grid = FrameRenderer.render(scene.state.viewModel(), size: size, depth: .none)
                Snapshot.check(grid.plainText(), named: "\(scene.name)-\(size.width)x\(size.height)")
                for line in grid.plainText() {
                    #expect(DisplayWidth.of(line) <= size.width, "\(scene.name) at \(size): \(line)")
                }
            }
        }
    }

    /// At 80 columns the footer of a lesson that can train and generate keeps both keys of
    /// `t T` (train 100 steps, the lab) and `n p` (next, previous slide), and `q`.
    @Test func theFooterAt80KeepsTheLabKey() throws {
        for name in ["08-language-model.yaml", "07b-one-to-many.yaml", "12a-rnn.yaml"] {
            let state = ExplorerState(lesson: try LessonLoader.load(path: LessonSnapshotTests.lessonsDirectory + "/" + name).get())
            let footer = FrameRenderer.render(state.viewModel(), size: Size(width: 80, height: 24), depth: .none).plainText().last ?? ""
            #expect(footer.contains("n p slide") && footer.contains("t T train") && footer.contains("q quit")
                    && footer.contains("? help"), "\(name): \(footer)")
        }
    }

    /// What the frames must show, whatever the snapshots say.
    @Test func theLabShowsItsRun() throws {
        let scenes = Dictionary(uniqueKeysWithValues: try Self.scenes().map { ($0.name, $0.state) })
        func text(_ name: String, _ size: Size) throws -> String {
            let s = try #require(scenes[name])
            return FrameRenderer.render(s.viewModel(), size: size, depth: .none).plainText().joined(separator: "\n")
        }
        let big = Size(width: 120, height: 40), small = Size(width: 80, height: 24)
        let run = try text("lab08-run-300", big)
        #expect(run.contains("paused · step 300 · 1234 steps/s · loss "))
        #expect(run.contains("o optimizer Adagrad") && run.contains("c v clip ±5"))
        #expect(run.contains("╌ C=5: under it, no clipping"))
        #expect(run.contains("300: L ") && run.contains("100: L "))        // samples, newest first
        #expect(run.contains("300 steps"))                                  // the x axis
        // at 80×24 both languages keep the samples pane with at least its latest sample (zh's
        // settings take the short form on one row instead of two)
        for (name, title) in [("lab08-run-300", "samples"), ("lab08-zh-run-300", "采样")] {
            let small80 = try text(name, small)
            #expect(small80.contains(title) && small80.contains("300: L "), "\(name) at 80×24:\n\(small80)")
        }
        #expect(try text("lab08-zh-run-300", small).contains("x 325 条"))
        let diverged = try text("lab08-diverged", big)
        #expect(diverged.contains("diverged at step") && diverged.contains("switch clipping on (c)"))
        #expect(try text("lab08-zh-diverged", big).contains("发散"))
        for name in ["lab08-help", "lab08-zh-help"] {
            let help = try text(name, small)
            #expect(help.contains("┌─ ") && help.contains("└──"), "\(name): the box fits at 80×24")
            for hint in KeyTable.help(name.contains("zh") ? .zh : .en, lab: true) {
                #expect(help.contains(hint.keys), "\(name): \(hint.keys)")
            }
        }
    }

    /// 09b has one sequence, whose loss falls from 1.21 to 1e-3 and below within the first steps
    /// of a run: on a linear axis that was one dotted column at x = 0 and a flat line at the
    /// bottom. Once the loss spans two decades the chart is on a log scale (its title says so),
    /// the fall is a curve over the columns, and the x axis is the steps run. zh at 120×40, the
    /// lab's defaults, as the tester saw it.
    @Test func aFastFallOnOneSequenceIsACurveOnALogAxis() throws {
        let path = LessonSnapshotTests.lessonsDirectory + "/09b-exploding-gradients.yaml"
        let open = ExplorerState(lesson: try LessonLoader.load(path: path).get(), language: .zh).after(.lab(.toggle))
        var run = open.after(.lab(.run))
        for _ in 0..<30 { run = run.after(.lab(.tick(steps: 100))) }
        run = run.after(.lab(.rate(3024)), .lab(.run))
        let panel = try #require(run.viewModel().lab)
        #expect(panel.lossLog && panel.steps == 3000)
        #expect(open.viewModel().lab?.lossLog == false, "no run yet: a linear axis")
        let grid = FrameRenderer.render(run.viewModel(), size: Size(width: 120, height: 40), depth: .none)
        let lines = grid.plainText()
        Snapshot.check(lines, named: "lab09b-zh-run-3000-120x40")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("这条序列每一步的损失（对数）"))
        #expect(text.contains("3000 步"), "the x axis: the steps run")
        // the chart's rows: from the title's next line to the x axis (└0───…)
        let title = try #require(lines.firstIndex { $0.contains("这条序列每一步的损失（对数）") })
        // the loss chart is the left one: its x axis is the first line that starts with `└0`
        let axis = try #require(lines.indices.first { $0 > title && lines[$0].drop { $0 == " " }.hasPrefix("└0") })
        #expect(lines[title + 1].drop { $0 == " " }.hasPrefix("1.21┤"), "\(lines[title + 1])")
        let braille = { (c: Character) in c.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } ?? false }
        // a curve: the rows between the top and the bottom have dots beyond the first column
        let rows = lines[(title + 2)..<axis].filter { line in
            let left = line.drop { $0 == " " || $0.isNumber || $0 == "." || $0 == "e" || $0 == "-" }.dropFirst().prefix(60)
            return left.dropFirst().contains(where: braille)
        }
        #expect(rows.count >= 5, "the fall spreads over the chart: \(rows.count) rows")
    }

    /// 08 at 80×24, SGD with lr 2.56 and no clipping (`o o ]×8 c c`): the divergence message is
    /// 4 lines in English and is drawn whole (it was cut after 3, losing "Try: …"); a `w` after
    /// the stop writes nothing and says so in the lab panel, not only in the status line, which
    /// is cut at 80 columns.
    @Test func aDivergenceAndTheHeldWriteAreReadWholeAt80() throws {
        var s = try Self.lesson08(.en).after(.lab(.optimizer), .lab(.optimizer))
        for _ in 0..<8 { s = s.after(.lab(.fasterRate)) }
        s = s.after(.lab(.clip), .lab(.clip))
        var stopped = s.after(.lab(.run))
        for _ in 0..<60 where stopped.lab?.divergence == nil { stopped = stopped.after(.lab(.tick(steps: 1))) }
        let lab = try #require(stopped.lab)
        #expect(lab.divergence != nil && lab.keptStep > lab.baseStep, "SGD lr 2.56, no clipping diverges after a few steps")
        func text(_ state: ExplorerState, _ size: Size) -> String {
            // the lab panel's lines, joined so a wrapped sentence reads whole
            FrameRenderer.render(state.viewModel(), size: size, depth: .none).plainText()
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let frame = text(stopped, size)
            #expect(frame.contains("Try: switch clipping on (c) or halve the learning rate ([)."), "\(size): \(frame.suffix(900))")
            let held = stopped.after(.lab(.save))
            #expect(held.lab?.saveHeld == true)
            let heldFrame = text(held, size)
            #expect(heldFrame.contains("may be far worse than where it began; nothing written. w again writes them anyway, r goes back to the lesson's weights"),
                    "\(size): \(heldFrame.suffix(900))")
        }
    }
}
