import Lessons
import RNNCore

/// Placing the cursor from the command line (`unroll render --slide --phase --step --inspect`):
/// each returns nil on success or a sentence saying what is out of range.
extension ExplorerState {
    /// Opens slide `n` (1-based), moving to its `at` and its focus.
    public mutating func open(slide n: Int) -> String? {
        guard lesson.script.indices.contains(n - 1) else {
            return lesson.script.isEmpty ? "this lesson has no slides"
                : "slide \(n) is out of range: this lesson has slides 1…\(lesson.script.count)"
        }
        openSlide(n - 1)
        return nil
    }

    /// Moves to step `t` of `phase`.
    public mutating func go(phase: Phase, t: Int) -> String? {
        if phase == .backward && !trace.hasBackward {
            return "this lesson has no backward pass (its sequence has no targets)"
        }
        guard (1...T).contains(t) else { return "step \(t) is out of range: this lesson has steps 1…\(T)" }
        go(to: StoryPosition(phase: phase, t: t))
        return nil
    }

    /// Shows every quantity, as if the script had revealed everything (no slide open).
    public mutating func revealAll() {
        slide = nil
        focus = nil
    }

    /// Puts the inspect cursor on `ref`, an entry of the current panel, e.g. `a<2>[1]`;
    /// a step in `ref` moves the cursor to that step of the current phase first. A block of a
    /// stacked matrix (`Waa[0,1]`, `dWax<2>[1,0]`) is found in the matrix the panel draws.
    public mutating func inspect(entry given: EntryRef) -> String? {
        guard given.row != nil else { return "'\(given)' names a whole quantity: give an entry, like \(given)[0]" }
        let ref = displayed(given)
        let row = ref.row ?? 0
        if let t = ref.t, t != position.t, ref.symbol.isPerStep || ref.symbol.isRunningSum {
            if let error = go(phase: position.phase, t: t) { return error }
        }
        let panel = activePanel
        guard let shown = panel.terms.first(where: { $0.isInspectable && $0.ref.symbol == ref.symbol }) else {
            let names = panel.inspectable.map(\.description).joined(separator: ", ")
            return "'\(given)' is not shown in the \(position.phase.rawValue) panel at t = \(position.t) (inspectable: \(names))"
        }
        let col = ref.col ?? 0
        guard row < shown.values.rows, col < shown.values.cols else {
            let size = shown.values.cols == 1 ? "\(shown.values.rows) entries" : shown.shape
            return "'\(given)' is out of range: \(shown.label) has \(size)"
        }
        inspect = InspectCursor(symbol: ref.symbol, row: row, col: col)
        return nil
    }
}
