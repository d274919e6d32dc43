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
        commandName: "train",   // named, not derived from the type at every start
        abstract: "Train a lesson's model on its data and write the trained lesson to a new file.",
        discussion: """
        Each step takes one training sequence (one item of sequence.texts, or the lesson's own \
        sequence): forward, backpropagation through time, clipping, update. The texts are shuffled \
        once with --seed and then taken in that order, round after round. The new file has the \
        trained weights (matrices one row per line) and the optimizer's state (model.optimizer_state), \
        its title marked trained, one slide saying how it was trained and how far the loss fell (the \
        original slides described the old numbers; --keep-script keeps them), and a notes line with \
        the command; it never replaces the input file. A lesson with an optimizer_state continues \
        that run: the same optimizer memory, the same place in the order. Training stops when the \
        loss becomes NaN or Inf or its loss per time step, averaged over the last 100 steps, grows \
        past 10 times its starting value; such a \
        model is not written unless --force. Ctrl-C stops cleanly and writes nothing unless \
        --save-on-interrupt.
        """
    )

    @Argument(help: "The lesson file (YAML).") var lesson: String
    @Option(help: "The new lesson file to write (.yaml).") var out: String
    @Option(parsing: .unconditional, help: "Training steps, one sequence each (1…10000000).") var steps = 2000
    @Option(help: "sgd, adagrad or adam (default: the lesson's optimizer_state's, else adagrad).") var optimizer: OptimizerKind?
    @Option(parsing: .unconditional, help: "Learning rate (default: the lesson's stored run's with its optimizer, else 0.01 for sgd, 0.1 for adagrad, 0.01 for adam).") var lr: Double?
    @Option(parsing: .unconditional, help: "Clip gradients to C (default: the lesson's stored run's clipping, else none; the explorer's t and training lab clip each entry to ±5, as lesson 08 does: give --clip 5 for the same run).")
    var clip: Double?
    @Option(help: "With --clip: elementwise (each entry to [−C, C], as the course's clip) or norm (scale g so ‖g‖ ≤ C).")
    var clipMode: ClipMode?
    @Flag(help: "No clipping, even when the lesson's stored run clipped (its optimizer_state's clip).") var noClip = false
    @Option(help: "Seed of the shuffle of the training texts (default: the lesson's optimizer_state's, else 0).") var seed: UInt64?
    @Option(parsing: .unconditional, help: "Every N steps, print the loss and (for a character lesson) a few sampled sequences, as min-char-rnn does.")
    var sampleEvery: Int?
    @Flag(help: "Overwrite --out if it exists, and write the model even if training diverged.") var force = false
    @Flag(help: "On Ctrl-C, write the lesson trained so far (default: write nothing).") var saveOnInterrupt = false
    @Flag(help: "Keep the original slides; checks that no longer hold on the trained weights are dropped, with a note, and such a slide's text gets a sentence saying its numbers describe the network before training.")
    var keepScript = false

    func validate() throws {
        guard (1...10_000_000).contains(steps) else { throw ValidationError("--steps must be 1…10000000, got \(steps)") }
        if let lr, !(lr > 0 && lr.isFinite) { throw ValidationError("--lr must be a number greater than 0, got \(lr)") }
        if let clip, !(clip > 0 && clip.isFinite) { throw ValidationError("--clip must be a number greater than 0, got \(clip)") }
        if clipMode != nil && clip == nil { throw ValidationError("--clip-mode needs --clip C (the bound), e.g. --clip 5") }
        if noClip && clip != nil { throw ValidationError("--no-clip and --clip \(clip ?? 0) contradict each other; give one of them") }
        if let sampleEvery, sampleEvery < 1 { throw ValidationError("--sample-every must be a whole number ≥ 1, got \(sampleEvery)") }
    }

    func fail(_ message: String) throws -> Never {
        writeStderr("unroll train: \(message)\n")
        throw ExitCode(1)
    }

    func run() throws {
        let stop = InterruptFlag()   // first: a Ctrl-C while the lesson loads is seen too
        defer { stop.release() }
        if let problem = OutputFile.problem(out: out, input: lesson, force: force) { try fail(problem) }
        let loaded = try loadLessonOrExit(lesson)
        guard let originalText = try? String(contentsOfFile: lesson, encoding: .utf8) else { try fail("\(lesson): cannot be read") }
        guard let episodes = loaded.trainableEpisodes else {
            try fail("\(lesson) has no targets (y or text), so there is no loss to train on; add y, or text and vocab")
        }
        let stored = loaded.optimizerState
        let kind = optimizer ?? stored?.kind ?? .adagrad
        // a stored run continues with its own settings (optimizer_state's optimizer, lr, clip,
        // seed) unless a flag says otherwise; its lr only with its own optimizer
        let storedSettings = stored != nil ? loaded.trainingSettings : TrainingSettings()
        let storedRate = stored?.kind == kind ? storedSettings.learningRate : nil
        let clipping: Clipping = clip.map { clipMode == .norm ? .globalNorm($0) : .elementwise($0) }
            ?? (noClip ? .none : storedSettings.clipping ?? .none)
        let config = TrainingConfig(optimizer: kind, learningRate: lr ?? storedRate, clipping: clipping,
                                    order: .shuffled(seed: seed ?? stored?.seed ?? 0))
        if stored != nil {
            func from(_ given: Bool, _ fromStore: Bool) -> String { given ? "given" : fromStore ? "the stored run's" : "default" }
            writeStderr("settings: \(kind.rawValue) (\(from(optimizer != nil, true))), lr \(config.learningRate) (\(from(lr != nil, storedRate != nil))), "
                        + "\(describe(clipping)) (\(from(clip != nil || noClip, storedSettings.clipping != nil))), "
                        + "seed \(config.order.seed) (\(from(seed != nil, true)))\n")
        }
        // texts inlined because --out is elsewhere: refuse now, not after training, when they cannot fit
        if let texts = loaded.texts, let file = texts.file,
           (loaded.path as NSString).deletingLastPathComponent != (out as NSString).deletingLastPathComponent,
           originalText.utf8.count + texts.items.reduce(0, { $0 + $1.utf8.count + 7 }) > TrainedFiles.maxLessonBytes {   // each: "  - \"…\"\n"
            try fail("--out \(out) is not in the folder of \(file), so the new lesson would hold its \(texts.items.count) texts, past the \(TrainedFiles.maxLessonBytes) bytes a lesson file may hold: write --out into the folder of \(lesson), where the new lesson names the texts file")
        }
        if let gated = loaded.gated {   // a GRU or LSTM: GatedTrainer, its state stored the same way
            return try runGated(gated, loaded, originalText, config, clipping, episodes.count, stop)
        }
        // weights too large for a 1 MiB lesson go to NEW.npz beside it: refuse an existing one now, not after training
        let numpy = TrainedFiles.needsNumpy(originalText: originalText, shape: loaded.rnn.shape, memories: OptimizerState.memories(kind))
        if numpy, let problem = OutputFile.problem(companion: TrainedFiles.companion(of: out), of: out, force: force) { try fail(problem) }
        var trainer = Trainer(rnn: loaded.rnn, episodes: episodes, config: config, resuming: stored)
        if let stored {
            let memory = stored.kind == kind ? "\(stored.kind.rawValue)'s memory" : "fresh \(kind.rawValue) memory (the lesson's is \(stored.kind.rawValue)'s)"
            writeStderr("continuing from step \(stored.steps) of the lesson's training run, with \(memory)\n")
        }
        let before = trainer.meanLoss()
        var progress = TrainProgress(total: steps, start: trainer.startStep, sampleEvery: sampleEvery)
        let samples = sampleEvery.map { TrainSamples(every: $0, lesson: loaded, total: steps) }
        var interrupted = false
        while trainer.steps < steps && trainer.divergence == nil {
            if stop.isSet { interrupted = true; break }
            let toSample = samples.map { $0.every - trainer.steps % $0.every } ?? Int.max
            trainer.train(steps: min(progress.slice, steps - trainer.steps, toSample))
            if let samples, trainer.steps % samples.every == 0, trainer.divergence == nil {
                progress.clearLine()
                writeStdout(samples.report(trainer))
            }
            progress.report(trainer)
        }
        progress.finish()
        if interrupted && !saveOnInterrupt {
            writeStderr("unroll train: interrupted at step \(trainer.steps); nothing written (--save-on-interrupt writes the lesson trained so far)\n")
            throw ExitCode(130)
        }
        if let d = trainer.divergence { try refuseOrForce(d, config, trainer.divergenceRule) }
        let after = trainer.meanLoss()
        let files = TrainedFiles(out: out, numpy: numpy)
        do {
            try files.writeNumpy(shape: trainer.shape, params: trainer.params, state: trainer.optimizerState)
        } catch {
            try fail("--out \(out): the weights cannot be written to \(files.numpy ?? out): \(error)")
        }
        let text = files.finalText(try trainedText(originalText, loaded, trainer, before: before, after: after, weightsFile: files.checkingName))
        do {
            try files.commit(text, keepingModes: true)   // --force keeps the replaced files' permissions
        } catch {
            try fail("--out \(out) cannot be written: \(error.localizedDescription)")
        }
        writeStdout(String(format: "trained %d steps%@ (%@, lr %g, %@): mean loss per sequence %.4f → %.4f over %d sequence%@\nwrote %@\n",
                           trainer.keptSteps, interrupted ? " (interrupted)" : "", kind.rawValue, config.learningRate, describe(clipping),
                           before, after, episodes.count, episodes.count == 1 ? "" : "s", out + (files.numpy.map { " and \($0) (the weights: too many for a lesson file of at most 1 MiB)" } ?? "")))
    }

    /// A diverged run: fails with what happened and what to try, or, with --force, says that
    /// the last good weights are written.
    func refuseOrForce(_ d: Divergence, _ config: TrainingConfig, _ rule: DivergenceRule) throws {
        let what = d.reason == .notFinite ? "the loss became \(d.loss)" : rule.grewWords
        let advice = "try a smaller --lr (now \(config.learningRate))" + (config.clipping == .none ? " or --clip 5" : " or a smaller --clip")
        guard force else {
            try fail("training diverged at step \(d.step): \(what); \(advice); nothing written (--force writes the last good weights, from step \(d.keptSteps))")
        }
        writeStderr("unroll train: training diverged at step \(d.step) (\(what)); writing the last good weights, from step \(d.keptSteps), as --force asks\n")
    }

    /// `train` for a GRU or LSTM (`GatedTrainer`): the same loop, divergence rule, samples,
    /// `--keep-script` and `.npz` for a large model as the plain cell's.
    func runGated(_ gated: GatedRNN, _ loaded: Lesson, _ originalText: String, _ config: TrainingConfig, _ clipping: Clipping,
                  _ count: Int, _ stop: InterruptFlag) throws {
        guard let episodes = loaded.trainableEpisodes else { return }
        // weights too large for a 1 MiB lesson go to NEW.npz beside it: refuse an existing one now, not after training
        let numpy = TrainedFiles.needsNumpy(originalText: originalText, gated: gated.shape, memories: OptimizerState.memories(config.optimizer))
        if numpy, let problem = OutputFile.problem(companion: TrainedFiles.companion(of: out), of: out, force: force) { try fail(problem) }
        let stored = loaded.optimizerState
        var trainer = GatedTrainer(rnn: gated, episodes: episodes, config: config, resuming: stored)
        if let stored {
            let memory = stored.kind == config.optimizer ? "\(stored.kind.rawValue)'s memory"
                : "fresh \(config.optimizer.rawValue) memory (the lesson's is \(stored.kind.rawValue)'s)"
            writeStderr("continuing from step \(stored.steps) of the lesson's training run, with \(memory)\n")
        }
        let before = trainer.meanLoss()
        var progress = TrainProgress(total: steps, start: trainer.startStep, sampleEvery: sampleEvery)
        let samples = sampleEvery.map { TrainSamples(every: $0, lesson: loaded, total: steps) }
        var interrupted = false
        while trainer.steps < steps && trainer.divergence == nil {
            if stop.isSet { interrupted = true; break }
            let toSample = samples.map { $0.every - trainer.steps % $0.every } ?? Int.max
            trainer.train(steps: min(progress.slice, steps - trainer.steps, toSample))
            if let samples, trainer.steps % samples.every == 0, trainer.divergence == nil {
                progress.clearLine()
                writeStdout(samples.report(trainer))
            }
            progress.report(trainer)
        }
        progress.finish()
        if interrupted && !saveOnInterrupt {
            writeStderr("unroll train: interrupted at step \(trainer.steps); nothing written (--save-on-interrupt writes the lesson trained so far)\n")
            throw ExitCode(130)
        }
        if let d = trainer.divergence { try refuseOrForce(d, config, trainer.divergenceRule) }
        let after = trainer.meanLoss()
        let command = commandLine(config)
        let notes = LessonWriter.Description.trainNotes(from: loaded, command: command, before: before, after: after)
        let sameFolder = (loaded.path as NSString).deletingLastPathComponent == (out as NSString).deletingLastPathComponent
        let inline = loaded.texts?.file != nil && !sameFolder ? loaded.texts?.items : nil
        let total = trainer.startStep + trainer.keptSteps
        let description = LessonWriter.Description.trained(from: loaded, steps: total, command: command, before: before, after: after)
        let files = TrainedFiles(out: out, numpy: numpy)
        do {
            try files.writeNumpy(gated: trainer.rnn, state: trainer.optimizerState)
        } catch {
            try fail("--out \(out): the weights cannot be written to \(files.numpy ?? out): \(error)")
        }
        let text: String
        let written: Result<String, LessonErrors>
        if keepScript {
            written = LessonWriter.trainedKeepingScript(originalText: originalText, path: loaded.path, out: out, gated: trainer.rnn,
                                                        optimizerState: trainer.optimizerState, weightsFile: files.checkingName,
                                                        notes: notes, describe: description, inlineTexts: inline).map { result in
                for note in result.dropped { writeStderr("unroll train: --keep-script: \(note)\n") }
                return result.text
            }
        } else {
            written = LessonWriter.trained(originalText: originalText, path: loaded.path, gated: trainer.rnn,
                                           optimizerState: trainer.optimizerState, weightsFile: files.checkingName, notes: notes,
                                           describe: description, inlineTexts: inline)
        }
        switch written.map({ LessonWriter.recording(TrainingSettings(learningRate: config.learningRate, clipping: clipping), in: $0) }) {
        case .failure(let e): try fail(e.rendered)
        case .success(let t):
            guard t.utf8.count <= TrainedFiles.maxLessonBytes else {
                try fail("the trained lesson would be \(t.utf8.count) bytes, past the \(TrainedFiles.maxLessonBytes) a lesson file may hold: put the texts in a file beside the lesson (texts: names.txt, one a line)")
            }
            guard case .success(let back) = LessonLoader.load(text: t, path: out), back.gated == trainer.rnn,
                  back.optimizerState == trainer.optimizerState else {
                try fail("internal error: the written lesson does not reload with the trained weights; please report it")
            }
            text = files.finalText(t)
        }
        do {
            try files.commit(text, keepingModes: true)   // --force keeps the replaced files' permissions
        } catch {
            try fail("--out \(out) cannot be written: \(error.localizedDescription)")
        }
        writeStdout(String(format: "trained %d steps%@ (%@, lr %g, %@): mean loss per sequence %.4f → %.4f over %d sequence%@\nwrote %@\n",
                           trainer.keptSteps, interrupted ? " (interrupted)" : "", config.optimizer.rawValue, config.learningRate, describe(clipping), before, after,
                           count, count == 1 ? "" : "s",
                           out + (files.numpy.map { " and \($0) (the weights: too many for a lesson file of at most 1 MiB)" } ?? "")))
    }

    /// The new lesson's text, checked: it loads and holds exactly the trained weights and state.
    /// `weightsFile`: the .npz beside `out` that holds the weights (`TrainedFiles`), nil for none.
    func trainedText(_ original: String, _ lesson: Lesson, _ trainer: Trainer, before: Double, after: Double,
                     weightsFile: String?) throws -> String {
        let command = commandLine(trainer.config)
        let notes = LessonWriter.Description.trainNotes(from: lesson, command: command, before: before, after: after)
        // A texts file stays a file name only when the new lesson sits beside it.
        let sameFolder = (lesson.path as NSString).deletingLastPathComponent == (out as NSString).deletingLastPathComponent
        let inline = lesson.texts?.file != nil && !sameFolder ? lesson.texts?.items : nil
        let total = trainer.startStep + trainer.keptSteps
        let describe = LessonWriter.Description.trained(from: lesson, steps: total, command: command, before: before, after: after)
        let state = trainer.optimizerState
        let written: Result<String, LessonErrors>
        if keepScript {
            written = LessonWriter.trainedKeepingScript(originalText: original, path: lesson.path, out: out, shape: trainer.shape,
                                                        params: trainer.params, optimizerState: state, weightsFile: weightsFile,
                                                        notes: notes, describe: describe, inlineTexts: inline).map { result in
                for note in result.dropped { writeStderr("unroll train: --keep-script: \(note)\n") }
                return result.text
            }
        } else {
            written = LessonWriter.trained(originalText: original, path: lesson.path, shape: trainer.shape, params: trainer.params,
                                           optimizerState: state, weightsFile: weightsFile, notes: notes, describe: describe, inlineTexts: inline)
        }
        switch written.map({ LessonWriter.recording(TrainingSettings(learningRate: trainer.config.learningRate,
                                                                      clipping: trainer.config.clipping), in: $0) }) {
        case .failure(let e): try fail(e.rendered)
        case .success(let text):
            guard text.utf8.count <= TrainedFiles.maxLessonBytes else {
                let why = inline != nil
                    ? ", because --out is not in the folder of \(lesson.texts?.file ?? "the texts file"), so its \(inline?.count ?? 0) texts are written into it: write --out into the folder of \(lesson.path), where the new lesson names the texts file"
                    : ": put the texts in a file beside the lesson (texts: names.txt, one a line)"
                try fail("the trained lesson would be \(text.utf8.count) bytes, past the \(TrainedFiles.maxLessonBytes) a lesson file may hold\(why)")
            }
            guard case .success(let back) = LessonLoader.load(text: text, path: out), back.rnn.params == trainer.params,
                  back.optimizerState == state else {
                try fail("internal error: the written lesson does not reload with the trained weights; please report it")
            }
            return text
        }
    }

    func commandLine(_ c: TrainingConfig) -> String {
        var parts = ["unroll train \(lesson)", "--out \(out)", "--steps \(steps)",
                     "--optimizer \(c.optimizer.rawValue)", "--lr \(c.learningRate)"]
        switch c.clipping {
        case .none: break
        case .elementwise(let v): parts.append("--clip \(v)")
        case .globalNorm(let v): parts.append("--clip \(v) --clip-mode norm")
        }
        parts.append("--seed \(c.order.seed)")
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
