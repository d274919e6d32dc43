import Lessons
import RNNCore

extension ExplorerState {
    /// The pure update: the state after `action`. No side effects; `quit` is a flag.
    public func updated(_ action: Action) -> ExplorerState {
        var s = self
        s.update(action)
        return s
    }

    /// Applies `action`. Every action either changes the cursor or sets `status` to say
    /// why it did nothing, so no key press is silently ignored.
    public mutating func update(_ action: Action) {
        if !action.isReport { status = nil }
        let before = (position.phase, slide)
        defer {
            // a new slide or pass places the panel afresh (at its focus)
            if before.0 != position.phase || before.1 != slide { panelScroll = 0 }
        }
        if generation != nil, action.leavesGeneration { generation = nil }
        if student.resumeOffer != nil, !action.isReport, action != .resumeProgress {
            declineResume()                      // any other key starts over, and still acts
            if action == .startOver || action == .escape { return }
        }
        switch action {
        case .nextStep: step(+1)
        case .previousStep: step(-1)
        case .firstStep: go(to: 0); status = words.jumped(words.firstStep)
        case .lastStep: go(to: story.count - 1); status = words.jumped(words.lastStep)
        case .startForward: go(to: StoryPosition(phase: .forward, t: 1)); status = words.jumped(words.startForward)
        case .startBackward:
            if trace.hasBackward { go(to: StoryPosition(phase: .backward, t: T)); status = words.jumped(words.startBackward) }
            else { status = words.noBackward }
        case .togglePlay: togglePlaying()
        case .tick: playTick()
        case .faster, .slower:
            let i = speedIndex + (action == .faster ? 1 : -1)
            if Speed.choices.indices.contains(i) { speedIndex = i; status = words.speedIs(speed) }
            else { status = words.speedLimit(speed) }
        case .nextSlide: changeSlide(+1)
        case .previousSlide: changeSlide(-1)
        case .answer(let n):
            if typedPending { typeCharacter(Character(String(n))) }
            else if !goToMissed(n) { answer(n) }
        case .toggleInspect:
            if inspect == nil { enterInspect() } else { inspect = nil; student.editing = false; status = words.leftInspect }
        case .nextPanel: cyclePanel(+1)
        case .previousPanel: cyclePanel(-1)
        case .moveUp: moveInspect(dRow: -1, dCol: 0)
        case .moveDown: moveInspect(dRow: 1, dCol: 0)
        case .moveLeft: moveInspect(dRow: 0, dCol: -1)
        case .moveRight: moveInspect(dRow: 0, dCol: 1)
        case .escape:
            if helpOpen { helpOpen = false }
            else if loadError != nil { loadError = nil }
            else if answerBoxActive { student.boxClosed = true; status = words.answerBoxClosed }
            else if student.editing { student.editing = false; status = words.leftEditing }
            else if inspect != nil { inspect = nil; status = words.leftInspect }
            else if generation != nil { generation = nil; status = words.leftGeneration }
            else { status = words.nothingToClose }
        case .toggleScale:
            perStepScale.toggle()
            status = perStepScale ? words.scalePerStep : words.scaleFixed
        case .toggleHelp: helpOpen.toggle()
        case .scrollDown: panelScroll = min(panelScroll + Self.scrollStep, panelScrollRange.upperBound)
        case .scrollUp: panelScroll = max(panelScroll - Self.scrollStep, panelScrollRange.lowerBound)
        case .panelScrollRange(let range):
            panelScrollRange = range
            panelScroll = min(max(panelScroll, range.lowerBound), range.upperBound)
        case .train: trainBurst()
        case .resetTraining: resetTraining()
        case .toggleGeneration: toggleGeneration()
        case .generateNext: generateNext()
        case .hotter: changeTemperature(+1)
        case .cooler: changeTemperature(-1)
        case .lab(let a): updateLab(a)
        case .quit: quit = true
        case .typeAnswer(let c): typeCharacter(c)
        case .eraseAnswer: eraseCharacter()
        case .submitAnswer: submitTypedAnswer()
        case .answerFirst: status = words.answerFirst
        case .toggleEdit: toggleEdit()
        case .nudgeUp: nudge(+1)
        case .nudgeDown: nudge(-1)
        case .biggerStep: scaleStep(up: true)
        case .smallerStep: scaleStep(up: false)
        case .resetEntry: resetEntry()
        case .resetEdits: resetAllEdits()
        case .offerResume(let p): offerResume(p)
        case .resumeProgress: resume()
        case .startOver: declineResume()
        case .progressWarning(let w): status = w.text(language)
        case .reload(let version): reload(version)
        case .loadFailed(let error): showLoadError(error)
        }
        if inspect != nil { keepInspectVisible() }
    }

    mutating func changeSlide(_ delta: Int) {
        guard let current = slide else { status = words.noSlides; return }
        let i = current + delta
        guard lesson.script.indices.contains(i) else {
            status = delta > 0 ? words.lastSlide : words.firstSlide
            return
        }
        openSlide(i)
    }

    /// Records the answer to the open slide's question; the first answer counts (a later key
    /// press only says which choice was given).
    mutating func answer(_ n: Int) {
        guard let i = slide, let q = currentSlide?.ask else { status = words.nothingAsked; return }
        guard n >= 1, n <= q.choices.count else { status = words.chooseBetween(q.choices.count); return }
        if let given = answers[i] { status = words.alreadyAnswered(given); return }   // the first answer counts
        answers[i] = n
        status = verdict(q, chosen: n)
    }
}

extension Action {
    /// Sent by the event loop rather than a key (a tick, a layout report): keeps the status line.
    public var isReport: Bool {
        switch self {
        case .tick, .panelScrollRange, .offerResume, .progressWarning, .loadFailed: return true
        case .lab(let a): return a.isReport
        default: return false
        }
    }

    /// Moving along the story or inspecting it leaves generation mode (the story's panel returns).
    var leavesGeneration: Bool {
        switch self {
        case .nextStep, .previousStep, .firstStep, .lastStep, .startForward, .startBackward, .togglePlay,
             .toggleInspect:
            return true
        default:
            return false
        }
    }
}
