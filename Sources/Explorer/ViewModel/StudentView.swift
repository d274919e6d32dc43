import Foundation
import Lessons
import RNNCore

/// The answer box of a typed question, as the lesson pane draws it.
public struct TypedBox: Equatable, Sendable {
    /// What is typed so far.
    public var text: String
    /// Digits go to the box now (a cursor is drawn).
    public var active: Bool
    /// `answer: ` before what is typed.
    public var prompt: String
    /// Answered right (the box is no longer drawn).
    public var solved: Bool
    /// The answer was revealed after the allowed tries.
    public var revealed: Bool
    /// Feedback: right, how far off and why, or the answer with its explanation.
    public var lines: [String]
    /// While the screen shows a changed network: the answer is graded on the lesson's numbers.
    public var note: String?
}

extension ExplorerState {
    /// The answer box of the open slide, when it asks for a number.
    var typedBox: TypedBox? {
        guard let q = typedQuestion else { return nil }
        let a = typedAnswer ?? TypedAnswer()
        let name = q.reference.map(displayName) ?? q.value.source
        var lines: [String] = []
        // the answer, how far off and the revealed value at the question's precision (08 asks
        // for 3 decimals: "Right: 0.036."); the terms of a hint or a slip are read off the screen
        let asked = NumberStyle(digits: q.digits ?? lessonDigits)
        if let right = a.right {
            lines.append(words.typedRight(asked.format(right)))
        } else if let last = a.wrong.last, let d = a.diagnosis {
            lines.append(words.notQuite(a.lastTyped ?? Self.typedText(last), words.howFarOff(d.off, asked)))   // as typed: 0.80
            if let m = d.mistake { lines.append(words.mistake(m, name, numbers, symbol: q.reference?.symbol, formula: d.formula)) }
            else if let h = d.hint, !a.revealed { lines.append(words.hint(name, h, numbers, onLesson: networkChanged)) }   // the revealed explanation says more
            if !a.revealed { lines.append(words.triesLeft(q.tries - a.wrong.count)) }
        }
        if a.revealed, let answer = typedRightAnswer() {
            lines.append(words.typedRevealed(name, asked.format(answer)))
            if let ref = q.reference { lines += explainGraded(ref) }
        }
        return TypedBox(text: student.box, active: answerBoxActive, prompt: words.answerPrompt, solved: a.right != nil,
                        revealed: a.revealed, lines: lines, note: gradingNote)
    }

    static func typedText(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    /// `✎ modified` or `what if: g1 = relu`, for the header; nil for the lesson as written.
    var modifiedText: String? {
        var parts: [String] = []
        let slideEdits = currentSlide?.edits ?? NetworkEdits()
        let what = Self.describe(lesson.modifications.merging(slideEdits), na: trace.shape.na)
        if !what.isEmpty { parts.append(words.whatIf(what)) }
        if !student.edits.isEmpty { parts.append(words.modified) }
        if trainedSteps > 0 { parts.append(words.trainedMarker(trainedSteps)) }   // `t` or the lab, until `r`
        return parts.isEmpty ? nil : parts.joined(separator: "  ")
    }

    /// The header's marker when `modifiedText` does not fit: `what if ✎` for a what-if, else
    /// `✎ modified` (`✎ trained` when training is the only change).
    var modifiedShortText: String? {
        guard modifiedText != nil else { return nil }
        if !whatIfEdits.isEmpty { return words.whatIfShort }
        return student.edits.isEmpty && trainedSteps > 0 ? words.trainedShort : words.modified
    }

    /// `g1 = relu, Waa[0,1] = 0.5`
    static func describe(_ e: NetworkEdits, na: Int) -> String {
        var parts: [String] = []
        if let g = e.g1 { parts.append("g1 = \(g.rawValue)") }
        if let g = e.g2 { parts.append("g2 = \(g.rawValue)") }
        for (ref, v) in e.entries.prefix(3) { parts.append("\(Self.screenName(ref, na: na)) = \(typedText(v))") }
        if e.entries.count > 3 { parts.append("…") }
        return parts.joined(separator: ", ")
    }

    /// Wa[i,j] as the student reads it: Waa[i,j] or Wax[i,j-n_a].
    static func screenName(_ ref: EntryRef, na: Int) -> String {
        ref.notesName(na: na)
    }

    /// The gradient the prediction uses: dL/dx for an input, dL/da<0> for a<0>, dL/dw for a weight or bias.
    static func gradientName(_ ref: EntryRef) -> String {
        switch ref.symbol {
        case .x: return "dL/dx"
        case .a0: return "dL/da<0>"
        case .c0: return "dL/dc<0>"
        default: return "dL/dw"
        }
    }

    /// Decimals of the nudge line: the display's, or more so the step and the change from the
    /// lesson's value show exactly (step 1e-3 → 3: `0.200 → 0.201`; at most 6).
    static func nudgeDigits(step: Double, delta: Double, display: Int) -> Int {
        var digits = max(display, min(6, Int((-log10(step) - 1e-9).rounded(.up))))
        while digits < 6, abs(delta) > 0, abs(delta * pow(10, Double(digits)) - (delta * pow(10, Double(digits))).rounded()) > 1e-6 {
            digits += 1
        }
        return digits
    }

    /// The edit mode lines of the inspect box, drawn FIRST (before the explanation) so the point of
    /// the nudge is in view even at 80×24: the entry's change, the loss's and the gradient's
    /// prediction, whether they agree, how far an input's change travels; then the keys.
    var nudgeLines: [String] {
        guard student.editing else { return [] }
        guard editableEntry != nil else { return [whyNotEditable] }   // a target or a computed number: no nudge keys
        let keys = words.editingOn(Self.stepText(student.step))
        guard var r = student.lastNudge else { return [keys] }
        var lines: [String] = []
        // back at the lesson's value: the last step is what there is to see
        if r.delta == 0, let step = student.lastStep, step.ref == r.ref { r = step }
        // enough decimals for the step and the change: at step 1e-3, 0.200 → 0.201, never 0.20 → 0.20
        let entry = NumberStyle(digits: Self.nudgeDigits(step: student.step, delta: r.delta, display: numbers.digits))
        let f = { (v: Double) in entry.format(v) }
        let sign = { (v: Double) in (v >= 0 ? "+" : "") + entry.format(v) }
        var last: String?
        if let step = student.lastStep, step.ref == r.ref, step != r, step.delta != r.delta { last = "\(f(step.before)) → \(f(step.after))" }
        lines.append(words.nudgeLine(Self.screenName(r.ref, na: trace.shape.na), f(r.before), f(r.after), sign(r.delta), lastStep: last))
        if r.lossBefore != nil, withheld.contains(.totalLoss) {
            lines.append(words.lossHiddenWhileAsking)   // L is computed from what the open question asks
        } else if let lb = r.lossBefore, let la = r.lossAfter, let change = r.lossChange, let p = r.predicted {
            let precise = NumberStyle(digits: max(numbers.digits, 4, entry.digits + 2))
            let g = { (v: Double) in (v >= 0 ? "+" : "") + precise.format(v) }
            lines.append(words.lossLine(precise.format(lb), precise.format(la), g(change), g(p), of: Self.gradientName(r.ref)))
            if r.delta != 0 { lines.append(r.curvatureShows ? words.curvature : words.agrees) }
        }
        if let shift = student.shift, case .x = r.ref.symbol, let t = r.ref.t {
            let parts = (t...T).map { "t=\($0) \(numbers.format(shift[$0 - 1]))" }.joined(separator: ", ")
            lines.append(words.travels(parts))
        }
        return lines + [keys]
    }
}

extension ExplorerState {
    /// Whether this entry is changed by a what-if or by the student (it is drawn with ✎).
    func isEdited(_ ref: EntryRef) -> Bool {
        let edits = markedEdits
        guard !edits.isEmpty else { return false }
        var r = ref
        if r.symbol == .stacked, let t = r.t, let j = r.row, j >= trace.shape.na { r = EntryRef(symbol: .x, t: t, row: j - trace.shape.na) }
        guard case .success(let c) = NetworkEdits.canonical(r, shape: trace.shape, episode: lesson.episode, cell: lesson.cell) else { return false }
        return edits.value(of: c) != nil
    }
}
