import RNNCore

/// Where play (Space) stops: at the end of what the open slide reveals.
extension ExplorerState {
    /// The last story index play walks to: the end of the story when the backward pass shows
    /// something (a backward quantity is revealed), else the end of the forward pass, so play
    /// never runs on into steps where every number is `?`.
    public var playEnd: Int {
        let backwardShown = trace.hasBackward && Symbol.allCases.contains { $0.isBackward && isShown(revealed: $0) }
        if backwardShown { return story.count - 1 }
        return story.lastIndex { $0.phase == .forward } ?? story.count - 1
    }

    /// One tick of play: a step, or stop at `playEnd` and say so.
    mutating func playTick() {
        guard playing else { return }
        let end = playEnd
        if storyIndex >= end {
            playing = false
            status = end == story.count - 1 ? words.atEnd : words.playStoppedAtForwardEnd
            return
        }
        step(+1)
    }

    /// Space: play from here, or from the start when at or past the end play would stop at.
    mutating func togglePlaying() {
        if !playing && storyIndex >= playEnd { go(to: 0) }
        playing.toggle()
        status = playing ? words.playing(speed) : words.paused
    }
}
