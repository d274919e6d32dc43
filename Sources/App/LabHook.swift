import Explorer
import Foundation
import Lessons
import RNNCore

/// Drives the training lab from the event loop: while it runs, one slice of training per
/// turn (`LabAction.tick`), a whole number of screen updates sized so a slice takes about
/// `sliceSeconds` and a key waits no longer; about once a second the samples and the measured steps per second; and `w`
/// writes the trained lesson to a new file beside the lesson (never over it).
public final class LabHook: LoopHook {
    /// How long one slice of training may take (a key pressed meanwhile waits at most this).
    public static let sliceSeconds = 0.04
    private var pending: [Action] = []
    private var sliceStarted: Date?
    private var sliceSteps = 1
    /// Steps per second of training alone (measured per slice), for the slice size.
    private var trainingRate: Double?
    private var secondStarted: (time: Date, steps: Int)?

    public init() {}

    public func wakeAfter(_ state: ExplorerState) -> Int? {
        pending.isEmpty && state.lab?.running != true ? nil : 0
    }

    public func poll(_ state: ExplorerState) -> [Action] {
        var out = pending
        pending = []
        guard let lab = state.lab, lab.running else { secondStarted = nil; return out }
        let now = Date()
        if let s = secondStarted, now.timeIntervalSince(s.time) >= 1 {
            out.append(.lab(.rate(Double(lab.steps - s.steps) / now.timeIntervalSince(s.time))))
            out.append(.lab(.sample))
            secondStarted = (now, lab.steps)
        } else if secondStarted == nil {
            secondStarted = (now, lab.steps)
        }
        sliceSteps = Self.sliceSteps(fitting: trainingRate.map { Int($0 * Self.sliceSeconds) } ?? 1, update: lab.stepsPerUpdate)
        sliceStarted = now
        out.append(.lab(.tick(steps: sliceSteps)))
        return out
    }

    /// The steps of one slice: as many whole screen updates (`update` steps each) as fit in a
    /// slice (`fit` steps), or, when one update takes longer than a slice, `fit` steps of it (at
    /// least one). The screen is drawn once per slice, so a fast run is not held up by more
    /// frames than a terminal shows (with 100 steps per update and a small network, a frame
    /// per update took longer than the training).
    static func sliceSteps(fitting fit: Int, update: Int) -> Int {
        fit >= update ? fit / update * update : max(1, fit)
    }

    public func didApply(_ action: Action, to state: ExplorerState) {
        switch action {
        case .lab(.tick(let n)):
            if let started = sliceStarted {
                let seconds = Date().timeIntervalSince(started)
                if seconds > 0 { trainingRate = Double(n) / seconds }
            }
            sliceStarted = nil
        case .lab(.save):
            pending.append(.lab(save(state)))
        default:
            break
        }
    }

    /// Writes the lab's network as `unroll train` would (weights, optimizer state, one slide),
    /// to `NAME-lab.yaml` beside the lesson, or `NAME-lab-2.yaml`, … when that exists.
    func save(_ state: ExplorerState) -> LabAction {
        guard let lab = state.lab else { return .saveFailed("the training lab is closed") }
        let lesson = state.lesson
        guard let original = try? String(contentsOfFile: lesson.path, encoding: .utf8) else {
            return .saveFailed("cannot read \(lesson.path) to write the trained lesson beside it")
        }
        let base = lesson.path.hasSuffix(".yaml") ? String(lesson.path.dropLast(5)) : lesson.path
        var out = base + "-lab.yaml", n = 2
        while FileManager.default.fileExists(atPath: out) { out = base + "-lab-\(n).yaml"; n += 1 }
        let command = "the training lab (\(lab.optimizer.rawValue), lr \(lab.learningRate), clip \(lab.clip.rawValue) \(lab.clipBound))"
        var trainer = lab.trainer
        let after = trainer.meanLoss()
        let before = lesson.trainingEpisodes().isEmpty ? after : {
            var t = Trainer(rnn: lesson.rnn, episodes: lesson.trainingEpisodes(), config: lab.config)
            return t.meanLoss()
        }()
        let steps = trainer.startStep + trainer.keptSteps
        let notes = (lesson.notes.map { $0.hasSuffix(".") ? $0 + " " : $0 + ". " } ?? "")
            + String(format: "Trained in %@ (mean loss per sequence %.4f → %.4f)", command, before, after)
        let describe = LessonWriter.Description.trained(from: lesson, steps: steps, command: command, before: before, after: after)
        switch LessonWriter.trained(originalText: original, path: lesson.path, shape: trainer.shape, params: trainer.params,
                                    optimizerState: trainer.optimizerState, notes: notes, describe: describe) {
        case .failure(let e): return .saveFailed(e.diagnostics.first?.message ?? "the trained lesson cannot be written")
        case .success(let text):
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .withoutOverwriting) }
            catch { return .saveFailed("\(out) cannot be written: \(error.localizedDescription)") }
            return .saved(path: out)
        }
    }
}
