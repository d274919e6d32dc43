import ArgumentParser
import Foundation
import Lessons
import RNNCore

extension OptimizerKind: ExpressibleByArgument {}

enum ClipMode: String, ExpressibleByArgument, CaseIterable {
    case elementwise, norm
}

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a lesson's model on its data and write the trained lesson to a new file.",
        discussion: """
        Each step takes one training sequence (one item of sequence.texts, or the lesson's own \
        sequence): forward, backpropagation through time, clipping, update. The texts are shuffled \
        once with --seed and then taken in that order, round after round. The new file has the \
        trained weights, its title marked trained, one slide saying how it was trained and how far \
        the loss fell (the original slides described the old numbers), and a notes line with the \
        command; it never replaces the input file.
        """
    )

    @Argument(help: "The lesson file (YAML).") var lesson: String
    @Option(help: "The new lesson file to write (.yaml).") var out: String
    @Option(help: "Training steps, one sequence each (1…10000000).") var steps = 2000
    @Option(help: "sgd, adagrad or adam.") var optimizer: OptimizerKind = .adagrad
    @Option(help: "Learning rate (default: 0.01 for sgd, 0.1 for adagrad, 0.01 for adam).") var lr: Double?
    @Option(help: "Clip gradients to C (default: no clipping).") var clip: Double?
    @Option(help: "With --clip: elementwise (each entry to [−C, C], as the course's clip) or norm (scale g so ‖g‖ ≤ C).")
    var clipMode: ClipMode?
    @Option(help: "Seed of the shuffle of the training texts.") var seed: UInt64 = 0
    @Flag(help: "Overwrite --out if it exists.") var force = false

    func validate() throws {
        guard (1...10_000_000).contains(steps) else { throw ValidationError("--steps must be 1…10000000, got \(steps)") }
        if let lr, !(lr > 0 && lr.isFinite) { throw ValidationError("--lr must be a number greater than 0, got \(lr)") }
        if let clip, !(clip > 0 && clip.isFinite) { throw ValidationError("--clip must be a number greater than 0, got \(clip)") }
        if clipMode != nil && clip == nil { throw ValidationError("--clip-mode needs --clip C (the bound), e.g. --clip 5") }
    }

    func fail(_ message: String) throws -> Never {
        writeStderr("unroll train: \(message)\n")
        throw ExitCode(1)
    }

    func run() throws {
        if let problem = OutputFile.problem(out: out, input: lesson, force: force) { try fail(problem) }
        let loaded = try loadLessonOrExit(lesson)
        guard let originalText = try? String(contentsOfFile: lesson, encoding: .utf8) else { try fail("\(lesson): cannot be read") }
        guard let episodes = loaded.trainableEpisodes else {
            try fail("\(lesson) has no targets (y or text), so there is no loss to train on; add y, or text and vocab")
        }
        let clipping: Clipping = clip.map { clipMode == .norm ? .globalNorm($0) : .elementwise($0) } ?? .none
        let config = TrainingConfig(optimizer: optimizer, learningRate: lr, clipping: clipping, order: .shuffled(seed: seed))
        if let gated = loaded.gated {   // a GRU or LSTM
            var trainer = GatedTrainer(rnn: gated, episodes: episodes, config: config)
            let (before, after) = try loop(&trainer, config)
            let text = try trainedText(originalText, loaded, steps: trainer.steps, before: before, after: after,
                                       write: { LessonWriter.trained(originalText: originalText, path: loaded.path, gated: trainer.rnn,
                                                                     notes: $0, describe: $1, inlineTexts: $2) },
                                       same: { $0.gated == trainer.rnn })
            return try finish(text, trainer.steps, config, clipping, before, after, episodes.count)
        }
        var trainer = Trainer(rnn: loaded.rnn, episodes: episodes, config: config)
        let (before, after) = try loop(&trainer, config)
        let text = try trainedText(originalText, loaded, steps: trainer.steps, before: before, after: after,
                                   write: { LessonWriter.trained(originalText: originalText, path: loaded.path, shape: trainer.shape,
                                                                 params: trainer.params, notes: $0, describe: $1, inlineTexts: $2) },
                                   same: { $0.gated == nil && $0.rnn.params == trainer.params })
        try finish(text, trainer.steps, config, clipping, before, after, episodes.count)
    }

    /// Trains to --steps (or until the loss stops being finite); the mean loss before and after.
    func loop<T: TrainingLoop>(_ trainer: inout T, _ config: TrainingConfig) throws -> (Double, Double) {
        let before = trainer.meanLoss()
        var progress = Progress(total: steps)
        while trainer.steps < steps && trainer.divergedAt == nil {
            trainer.train(steps: min(progress.chunk, steps - trainer.steps))
            progress.report(trainer)
        }
        progress.finish()
        if let at = trainer.divergedAt {
            try fail("the loss stopped being finite at step \(at) (lr \(config.learningRate)); try a smaller --lr or --clip 5; nothing written")
        }
        return (before, trainer.meanLoss())
    }

    /// Writes the trained lesson and says what was done.
    func finish(_ text: String, _ steps: Int, _ config: TrainingConfig, _ clipping: Clipping,
                _ before: Double, _ after: Double, _ count: Int) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            try fail("--out \(out) cannot be written: \(error.localizedDescription)")
        }
        writeStdout(String(format: "trained %d steps (%@, lr %g, %@): mean loss per sequence %.4f → %.4f over %d sequence%@\nwrote %@\n",
                           steps, optimizer.rawValue, config.learningRate, describe(clipping), before, after,
                           count, count == 1 ? "" : "s", out))
    }

    /// The new lesson's text, checked: it loads and holds exactly the trained weights.
    func trainedText(_ original: String, _ lesson: Lesson, steps: Int, before: Double, after: Double,
                     write: (String, LessonWriter.Description, [String]?) -> Result<String, LessonErrors>,
                     same: (Lesson) -> Bool) throws -> String {
        let command = commandLine(TrainingConfig(optimizer: optimizer, learningRate: lr))
        let notes = (lesson.notes.map { $0.hasSuffix(".") ? $0 + " " : $0 + ". " } ?? "")
            + String(format: "Trained with `%@` (mean loss per sequence %.4f → %.4f)", command, before, after)
        // A texts file stays a file name only when the new lesson sits beside it.
        let sameFolder = (lesson.path as NSString).deletingLastPathComponent == (out as NSString).deletingLastPathComponent
        let inline = lesson.texts?.file != nil && !sameFolder ? lesson.texts?.items : nil
        let describe = LessonWriter.Description.trained(from: lesson, steps: steps, command: command, before: before, after: after)
        switch write(notes, describe, inline) {
        case .failure(let e): try fail(e.rendered)
        case .success(let text):
            guard case .success(let back) = LessonLoader.load(text: text, path: out), same(back) else {
                try fail("internal error: the written lesson does not reload with the trained weights; please report it")
            }
            return text
        }
    }

    func commandLine(_ c: TrainingConfig) -> String {
        var parts = ["unroll train \(lesson)", "--out \(out)", "--steps \(steps)",
                     "--optimizer \(c.optimizer.rawValue)", "--lr \(c.learningRate)"]
        if let clip { parts.append("--clip \(clip)" + (clipMode == .norm ? " --clip-mode norm" : "")) }
        parts.append("--seed \(seed)")
        return parts.joined(separator: " ")
    }

    func describe(_ c: Clipping) -> String {
        switch c {
        case .none: return "no clipping"
        case .elementwise(let v): return "clip ±\(v)"
        case .globalNorm(let v): return "clip ‖g‖ ≤ \(v)"
        }
    }
}

/// Progress on stderr: a bar redrawn in place on a terminal, else a plain line every tenth.
struct Progress {
    let total: Int
    let isTerminal = isatty(2) == 1

    init(total: Int) { self.total = total }

    /// Steps between reports.
    var chunk: Int { isTerminal ? max(1, min(total / 100, 500)) : max(1, total / 10) }

    mutating func report<T: TrainingLoop>(_ t: T) {
        let recent = t.lossHistory.suffix(max(1, min(t.steps, total / 20)))
        let loss = recent.reduce(0, +) / Double(recent.count)
        if isTerminal {
            let width = 30, done = width * t.steps / total
            let bar = String(repeating: "█", count: done) + String(repeating: "·", count: width - done)
            writeStderr(String(format: "\r%@ %d/%d  loss %.4f ", bar, t.steps, total, loss))
        } else {
            writeStderr(String(format: "step %d/%d: loss %.4f (mean of the last %d)\n", t.steps, total, loss, recent.count))
        }
    }

    func finish() { if isTerminal { writeStderr("\n") } }
}
