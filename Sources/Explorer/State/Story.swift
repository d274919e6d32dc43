import Lessons
import RNNCore

/// Moving along the story and opening slides.
extension ExplorerState {
    /// Moves the cursor to story index `i` (clamped).
    mutating func go(to i: Int) {
        position = story[max(0, min(i, story.count - 1))]
    }

    /// Moves the cursor to `p` if the story has it (a slide's `at`); says why not otherwise.
    mutating func go(to p: StoryPosition) {
        if let i = story.firstIndex(of: p) { go(to: i); return }
        status = p.phase == .backward && !trace.hasBackward ? words.noBackward : words.noSuchStep(p.t, T)
    }

    /// Opens slide `i`: its `at` moves the cursor, its `focus` becomes the highlight.
    mutating func openSlide(_ i: Int) {
        guard lesson.script.indices.contains(i) else { return }
        let whatIfBefore = currentSlide?.edits ?? NetworkEdits()
        slide = i
        if i == lesson.script.count - 1 { student.reachedEnd = true }
        let s = lesson.script[i]
        student.box = ""
        student.boxClosed = false
        if s.edits != whatIfBefore { recomputeTrace() }   // a what-if slide shows its own network
        if let at = s.at { go(to: at) }
        focus = s.focus
    }

    /// One step along the story; at the end, stops playing and says so.
    mutating func step(_ delta: Int) {
        let i = storyIndex + delta
        if i < 0 { status = words.atStart; return }
        if i >= story.count { status = words.atEnd; playing = false; return }
        go(to: i)
    }
}
