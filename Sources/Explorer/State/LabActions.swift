import Lessons
import RNNCore

/// What the training lab's keys and its loop hook ask for (`Action.lab`).
public enum LabAction: Hashable, Sendable {
    /// `T`: open the lab in place of the equation panel, or leave it (the explorer then shows
    /// the trained network).
    case toggle
    /// Space: run / pause.
    case run
    /// `t` in the lab: 100 steps, then paused (as `t` trains 100 steps outside the lab).
    case hundred
    /// From the loop while running: train `steps` more steps (a slice between key reads).
    case tick(steps: Int)
    /// From the loop before a frame while running: the trace (timeline, ‖da<t>‖) follows the
    /// weights. Ticks leave it behind, so a slice costs training alone; a key catches it up too.
    case show
    /// From the loop about once a second while running: take samples.
    case sample
    /// From the loop: steps per second measured over the last second.
    case rate(Double)
    case optimizer, fasterRate, slowerRate, clip, clipBound, stepsPerUpdate, sequences, hotter, cooler
    /// `r` in the lab: back to the lesson's weights.
    case reset
    /// `w`: write the trained lesson to a new file (the loop's hook writes it and reports).
    case save
    case saved(path: String)
    case saveFailed(String)

    /// Actions that report rather than answer a key: they keep the status line.
    var isReport: Bool {
        switch self {
        case .tick, .show, .sample, .rate, .saved, .saveFailed: return true
        default: return false
        }
    }
}

extension ExplorerState {
    /// Applies a lab action.
    mutating func updateLab(_ action: LabAction) {
        if action == .toggle { toggleLab(); return }
        guard var l = lab else {
            if !action.isReport { status = words.labClosed }
            return
        }
        lab = nil            // l is then the only reference: training mutates it in place, no copy
        defer {
            if (action == .show || !action.isReport) && l.shownSteps != l.steps { showLab(&l) }
            lab = l
        }
        switch action {
        case .toggle, .show: break
        case .run:
            if l.toggleRunning() { status = l.running ? words.labRunning : words.labPaused }
            else { status = words.labDiverged(l) }
        case .hundred:
            l.runHundred()
            l.takeSamples()
            status = words.labHundred(l)
        case .tick(let n):
            guard l.running else { return }
            l.run(steps: n)
            if l.divergence != nil { status = words.labDiverged(l); l.takeSamples(); showLab(&l) }
        case .sample: l.takeSamples()
        case .rate(let r): l.measured(stepsPerSecond: r)
        case .optimizer: l.cycleOptimizer(); status = words.labSetting(l)
        case .fasterRate: l.scaleLearningRate(2); status = words.labSetting(l)
        case .slowerRate: l.scaleLearningRate(0.5); status = words.labSetting(l)
        case .clip: l.cycleClip(); status = words.labSetting(l)
        case .clipBound: l.cycleClipBound(); status = words.labSetting(l)
        case .stepsPerUpdate: l.cycleStepsPerUpdate(); status = words.labSetting(l)
        case .sequences: status = l.toggleSequences() ? words.labSequencesSet(l) : words.labNoTexts
        case .hotter: l.changeTemperature(+1); status = words.labTemperature(l.temperature)
        case .cooler: l.changeTemperature(-1); status = words.labTemperature(l.temperature)
        case .reset:
            if let fresh = TrainingLab(lesson: lesson) { l = fresh }
            training = nil
            gatedTraining = nil
            retrace(lesson.rnn.params)
            status = words.resetDone
        case .save:
            l.pause()
            l.saveHeld = !l.mayWrite   // the hook writes nothing this time; the next w writes
            if l.saveHeld { l.divergedSaveWarnedAt = l.keptStep; status = words.labDivergedSave(l) }
            else { status = words.labSaving }
        case .saved(let path): status = words.labSaved(path)
        case .saveFailed(let why): status = why
        }
    }

    /// The trace of the lab's weights (the timeline and ‖da<t>‖ follow the run).
    private mutating func showLab(_ l: inout TrainingLab) {
        if let p = l.params { retrace(p) }
        if let g = l.gatedParams, let shape = lesson.gated?.shape { retraceGated(GatedRNN(shape: shape, params: g)) }
        l.shownSteps = l.steps
    }

    /// The trace of a GRU or LSTM with weights `g` (the lab's), with `activeEdits` applied.
    mutating func retraceGated(_ g: GatedRNN) {
        let edits = activeEdits
        trace = Trace(gated: g.applying(edits), episode: lesson.episode.applying(edits))
        scales = ScaleTable(trace: trace)
        daNorms = Self.daNorms(trace)
    }

    /// Whether the current slide shows `symbol` (rule 1 of `Disclosure`).
    func isRevealed(_ symbol: Symbol) -> Bool { revealedSet.map { $0.contains(symbol) } ?? true }

    /// The first slide (1-based) from which `symbol` is shown, nil when none shows it.
    func firstSlideRevealing(_ symbol: Symbol) -> Int? {
        var union = Set<Symbol>()
        for (i, s) in lesson.script.enumerated() {
            guard let show = s.show else { return i + 1 }
            union.formUnion(show)
            if union.contains(symbol) { return i + 1 }
        }
        return nil
    }

    /// Opens the lab (from the weights on screen) or leaves it, keeping what it trained.
    mutating func toggleLab() {
        if let l = lab {
            lab = nil
            if l.steps > 0 {
                if let t = l.trainer { training = TrainingRun(t); retrace(t.params) }
                if let g = l.gatedTrainer { gatedTraining = GatedTrainingRun(g); retraceGated() }
                restartGeneration()
            }
            let kept = l.keptStep - l.baseStep   // after a stop: the steps the weights hold, as the lab said
            status = l.steps > 0 && !isRevealed(.yHat) ? words.labLeftHidden(kept, slide: firstSlideRevealing(.yHat), canGenerate: generationProblem == nil)
                : words.labLeft(kept)
            return
        }
        guard let l = TrainingLab(lesson: lesson, from: training?.trainer, gated: gatedTraining?.trainer) else {
            status = words.cannotTrain
            return
        }
        generation = nil
        inspect = nil
        lab = l
        status = words.labOpened
    }
}
