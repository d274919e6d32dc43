import Lessons
/// Everything a student can ask the explorer to do. The terminal turns keys into these
/// through `KeyTable.action(for:in:)`; `ExplorerState.update(_:)` applies them.
public enum Action: Equatable, Hashable, Sendable {
    /// One step along the story (forward t = 1…T, then backward t = T…1), and back.
    case nextStep, previousStep
    /// The first and last step of the whole story.
    case firstStep, lastStep
    /// The start of the forward pass (t = 1) or of the backward pass (t = T).
    case startForward, startBackward
    /// Play or pause; `tick` advances one step while playing (the terminal sends it every
    /// `1 / speed` seconds) and stops playing at the end of the story.
    case togglePlay, tick
    /// More or fewer steps per second while playing.
    case faster, slower
    /// The next or previous slide of the lesson's script.
    case nextSlide, previousSlide
    /// Answer the current slide's question with choice n (1-based, the key pressed).
    case answer(Int)
    /// Enter inspect mode, or leave it when already inspecting.
    case toggleInspect
    /// In inspect mode: the next or previous visible panel.
    case nextPanel, previousPanel
    /// In inspect mode: move the cursor within the inspected matrix.
    case moveUp, moveDown, moveLeft, moveRight
    /// Close the help box, else leave inspect mode, else leave generation mode.
    case escape
    /// Scroll the panel down or up (when it is taller than the screen).
    case scrollDown, scrollUp
    /// Not a key: the event loop's report after drawing, how far the panel can scroll from
    /// where the screen places it at this size (`0...0` when it fits). j/k stay inside it.
    case panelScrollRange(ClosedRange<Int>)
    /// Colour scale per step instead of fixed over all steps, and back.
    case toggleScale
    /// Open or close the help box.
    case toggleHelp
    /// Train `ExplorerState.burst` steps on the spot; go back to the lesson's starting weights.
    case train, resetTraining
    /// Enter or leave generation mode.
    case toggleGeneration
    /// In generation mode: the next generated step (after the last one, a new sample).
    case generateNext
    /// In generation mode: a higher or lower sampling temperature (a new sample from the start).
    case hotter, cooler
    /// The training lab (`T`) and its loop hook.
    case lab(LabAction)
    case quit
    /// The answer box of a typed question: a character (digits, -, ., e), Backspace, Enter.
    case typeAnswer(Character), eraseAnswer, submitAnswer
    /// → ← while the answer box is open: the story waits for the answer (the status line says so).
    case answerFirst
    /// Edit mode on the inspect cursor (`e`); + and - by the step; [ ] the step ×10 / ÷10;
    /// `0` the entry back to the lesson's value; Backspace every entry back.
    case toggleEdit, nudgeUp, nudgeDown, biggerStep, smallerStep, resetEntry, resetEdits
    /// Not a key: the progress store found where the student was last time.
    case offerResume(LessonProgress)
    /// On that offer: continue there (Enter), or start over (Esc).
    case resumeProgress, startOver
    /// Not a key: a one-line warning from the progress store (cannot save, a file set aside).
    case progressWarning(LocalizedText)
    /// Not a key (`--watch`): the lesson file changed and loads: this version replaces the lesson.
    case reload(LessonVersion)
    /// Not a key (`--watch`): the lesson file changed and does not load.
    case loadFailed(LoadError)
}
