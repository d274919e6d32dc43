import Explorer
import Foundation
import Lessons
import RNNCore

/// Drives the training lab from the event loop: while it runs, one slice of training per
/// turn (`LabAction.tick`), a whole number of screen updates sized so a slice takes about
/// `sliceSeconds`, so a key waits no longer; a key is answered by a frame before the next
/// slice. Frames are paced: at most one per `frameSeconds`, fewer when drawing is slow (frames
/// take at most `frameShare` of the time), so the screen does not slow training. About once
/// a second the samples and the measured steps per second; `w` writes the trained lesson to a
/// new file beside the lesson (never over it).
public final class LabHook: LoopHook {
    /// How long one slice of training may take (a key pressed meanwhile waits at most this).
    public static let sliceSeconds = 0.005
    /// The shortest time between two frames while training runs (a key draws at once).
    public static let frameSeconds = 0.1
    /// The most of the time frames may take while training runs.
    public static let frameShare = 0.05
    private var pending: [Action] = []
    private var sliceStarted: Date?
    private var sliceSteps = 1
    /// Steps per second of training alone (measured per slice), for the slice size.
    private var trainingRate: Double?
    private var secondStarted: (time: Date, steps: Int)?
    /// A key was applied since the last poll: its frame comes before the next slice.
    private var keyed = false
    /// The last frame: when it ended and the CPU time it took (from `.show` to drawn; time
    /// other processes took meanwhile is not its cost).
    private var lastFrame: (ended: Date, cost: Double)?
    /// A frame is due (`.show` was sent), and this thread's CPU time when it began.
    private var frameWanted = false
    private var frameCPU = 0.0

    /// When the last paced update was trained (1 or 10 steps per update: `TrainingLab.pacedUpdatesPerSecond`).
    private var lastPaced: Date?

    public init() {}

    public func wakeAfter(_ state: ExplorerState) -> Int? {
        if !pending.isEmpty { return 0 }
        guard let lab = state.lab, lab.running else { lastPaced = nil; return nil }
        guard let gap = Self.pacedGap(lab), let last = lastPaced else { return 0 }
        return max(0, Int(((gap - Date().timeIntervalSince(last)) * 1000).rounded(.up)))
    }

    /// The time between two paced updates (nil: as fast as training goes).
    static func pacedGap(_ lab: TrainingLab) -> Double? {
        TrainingLab.pacedUpdatesPerSecond(lab.stepsPerUpdate).map { 1 / Double($0) }
    }

    public func poll(_ state: ExplorerState) -> [Action] {
        var out = pending
        pending = []
        guard let lab = state.lab, lab.running else { secondStarted = nil; frameWanted = false; return out }
        if keyed { keyed = false; return out }
        let now = Date()
        if let s = secondStarted, now.timeIntervalSince(s.time) >= 1 {
            out.append(.lab(.rate(Double(lab.steps - s.steps) / now.timeIntervalSince(s.time))))
            out.append(.lab(.sample))
            secondStarted = (now, lab.steps)
        } else if secondStarted == nil {
            secondStarted = (now, lab.steps)
        }
        if let gap = Self.pacedGap(lab) {   // one update at a time, each one drawn
            if let last = lastPaced, now.timeIntervalSince(last) < gap { return out }
            lastPaced = now
            sliceStarted = now
            out += [.lab(.tick(steps: lab.stepsPerUpdate)), .lab(.show)]
            frameWanted = true
            return out
        }
        lastPaced = nil
        sliceSteps = Self.sliceSteps(fitting: trainingRate.map { Int($0 * Self.sliceSeconds) } ?? 1, update: lab.stepsPerUpdate)
        sliceStarted = now
        out.append(.lab(.tick(steps: sliceSteps)))
        if !frameWanted, Self.frameDue(since: lastFrame.map { (now.timeIntervalSince($0.ended), $0.cost) }) {
            out.append(.lab(.show))
            frameWanted = true
        }
        return out
    }

    /// Whether a frame is due while training runs: `since` is the time since the last frame
    /// ended and what it cost (nil before the first). Frames come every `frameSeconds`, or
    /// less often when a frame costs more than `frameShare` of that.
    static func frameDue(since last: (seconds: Double, cost: Double)?) -> Bool {
        guard let last else { return true }
        return last.seconds + last.cost >= max(frameSeconds, last.cost / frameShare)
    }

    /// Holds the frame while training runs between paced frames.
    public func holdsFrame(_ state: ExplorerState) -> Bool {
        state.lab?.running == true && !frameWanted
    }

    public func didDraw(_ state: ExplorerState) {
        let cost = frameWanted ? Self.threadCPUSeconds() - frameCPU : lastFrame?.cost ?? 0
        lastFrame = (Date(), cost)
        frameWanted = false
    }

    /// The CPU time this thread has used (s).
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The steps of one slice: as many whole screen updates (`update` steps each) as fit in a
    /// slice (`fit` steps), or, when one update takes longer than a slice, `fit` steps of it (at
    /// least one).
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
            if frameWanted { frameCPU = Self.threadCPUSeconds() }   // the frame's cost starts after the slice
        case .lab(.save):
            pending.append(.lab(save(state)))
            keyed = true
        case let a where !a.isReport:
            keyed = true
        default:
            break
        }
    }

    /// Writes the lab's network as `unroll train` would (weights, optimizer state, one slide),
    /// to `NAME-lab.yaml` beside the lesson, or `NAME-lab-2.yaml`, … when that (or its `.npz`)
    /// exists. Weights too many for a lesson file of at most 1 MiB go to `NAME-lab.npz`
    /// beside it (`TrainedFiles`), as `unroll train` writes them.
    func save(_ state: ExplorerState) -> LabAction {
        guard let lab = state.lab else { return .saveFailed("the training lab is closed") }
        guard lab.hasTrained else { return .saveFailed(state.words.labNothingTrained) }
        guard !lab.saveHeld else {
            return .saveFailed(state.words.labDivergedSave(lab))   // the warning; the next w writes
        }
        let lesson = state.lesson
        guard let original = try? String(contentsOfFile: lesson.path, encoding: .utf8) else {
            return .saveFailed("cannot read \(lesson.path) to write the trained lesson beside it")
        }
        let base = lesson.path.hasSuffix(".yaml") ? String(lesson.path.dropLast(5)) : lesson.path
        var out = base + "-lab.yaml", n = 2
        while FileManager.default.fileExists(atPath: out) || FileManager.default.fileExists(atPath: TrainedFiles.companion(of: out)) {
            out = base + "-lab-\(n).yaml"; n += 1
        }
        let command = "the training lab: \(lab.history)"
        let before = lab.lessonMeanLoss(), after = lab.meanLoss()
        let notes = LessonWriter.Description.labRunNotes(from: lesson, history: lab.history, before: before, after: after)
        let describe = LessonWriter.Description.labRun(from: lesson, labSteps: lab.totalSteps - (lesson.optimizerState?.steps ?? 0),
                                                       steps: lab.totalSteps, command: command,
                                                       commandZh: "训练实验室：\(lab.history(.zh))", before: before, after: after)
        let written: Result<String, LessonErrors>
        let files: TrainedFiles
        if let g = lab.gatedParams, let shape = lesson.gated?.shape {
            let kind = lab.optimizerState?.kind ?? lab.optimizer
            let rnn = GatedRNN(shape: shape, params: g)
            files = TrainedFiles(out: out, numpy: TrainedFiles.needsNumpy(originalText: original, gated: shape,
                                                                          memories: OptimizerState.memories(kind)))
            do { try files.writeNumpy(gated: rnn, state: lab.optimizerState) }
            catch { return .saveFailed("\(files.numpy ?? out): the weights cannot be written: \(error)") }
            written = LessonWriter.trained(originalText: original, path: lesson.path, gated: rnn, optimizerState: lab.optimizerState,
                                           weightsFile: files.checkingName, notes: notes, describe: describe)
        } else if let p = lab.params {
            let kind = lab.optimizerState?.kind ?? lab.optimizer
            files = TrainedFiles(out: out, numpy: TrainedFiles.needsNumpy(originalText: original, shape: lesson.rnn.shape,
                                                                          memories: OptimizerState.memories(kind)))
            do { try files.writeNumpy(shape: lesson.rnn.shape, params: p, state: lab.optimizerState) }
            catch { return .saveFailed("\(files.numpy ?? out): the weights cannot be written: \(error)") }
            written = LessonWriter.trained(originalText: original, path: lesson.path, shape: lesson.rnn.shape, params: p,
                                           optimizerState: lab.optimizerState, weightsFile: files.checkingName,
                                           notes: notes, describe: describe)
        } else {
            return .saveFailed("the training lab has no network to write")
        }
        // the last settings, so `unroll train` on the file continues as the lab ran last
        let settings = TrainingSettings(learningRate: lab.config.learningRate, clipping: lab.config.clipping)
        switch written.map({ LessonWriter.recording(settings, in: $0) }) {
        case .failure(let e): return .saveFailed(e.diagnostics.first?.message ?? "the trained lesson cannot be written")
        case .success(let text):
            do { try files.commit(files.finalText(text), keepingModes: false) }
            catch { return .saveFailed("\(out) cannot be written: \(error.localizedDescription)") }
            return .saved(path: out)
        }
    }
}
