import Foundation
import Lessons
import RNNCore

/// Edit mode: the inspect cursor changes the entry under it, and the whole network answers.
extension ExplorerState {
    /// The editable entry under the inspect cursor (a weight, a bias, a<0> or an input; on a
    /// gradient dWa, dWya, dba, dby in the backward pass, the weight it is the gradient of), in
    /// canonical form, or nil when the cursor is on a computed number.
    public var editableEntry: EntryRef? {
        guard let r = inspectedEntry else { return nil }
        var ref = r
        switch r.symbol {
        case .stacked:
            guard let t = r.t, let j = r.row else { return nil }
            let na = trace.shape.na
            if j >= na { ref = EntryRef(symbol: .x, t: t, row: j - na) }
            else if t == 1 { ref = EntryRef(symbol: .a0, row: j) } else { return nil }
        case .aPrev:
            guard r.t == 1, let j = r.row else { return nil }
            ref = EntryRef(symbol: .a0, row: j)
        default:
            // on a gradient or one step's contribution to it (backward pass): the weight it is the gradient of
            if let w = Self.weight(ofGradient: r.symbol) ?? Self.weight(ofContribution: r.symbol) {
                ref = EntryRef(symbol: w, row: r.row, col: r.col)
            }
        }
        // a vector (a bias, a<0>, x<t>) is indexed [i]: the cursor's column 0 is not part of its name
        if Self.vectorSymbols.contains(ref.symbol), ref.col == 0 { ref.col = nil }
        guard case .success(let c) = NetworkEdits.canonical(ref, shape: trace.shape, episode: lesson.episode, cell: lesson.cell) else { return nil }
        return c
    }

    /// The weight whose gradient `symbol` is (dWa → Wa, dWya → Wya, dba → ba, dby → by; a gated
    /// cell's dWu → Wu … dbc → bc).
    static func weight(ofGradient symbol: Symbol) -> Symbol? {
        switch symbol {
        case .dWa: return .Wa
        case .dWaa: return .Waa
        case .dWax: return .Wax
        case .dWya: return .Wya
        case .dba: return .ba
        case .dby: return .by
        case .dWf, .dWu, .dWr, .dWo, .dWc, .dbf, .dbu, .dbr, .dbo, .dbc: return Symbol(rawValue: String(symbol.rawValue.dropFirst()))
        default: return nil
        }
    }

    /// The weight whose gradient one step's contribution `symbol` is part of (ΔdWa<t> → Wa,
    /// ΔdWaa<t> → Waa, ΔdWax<t> → Wax, Δdba<t> → ba, ΔdWya<t> → Wya, Δdby<t> → by; ΔdWu<t> → Wu …).
    static func weight(ofContribution symbol: Symbol) -> Symbol? {
        switch symbol {
        case .dWaStep: return .Wa
        case .dWaaStep: return .Waa
        case .dWaxStep: return .Wax
        case .dbaStep: return .ba
        case .dWyaStep: return .Wya
        case .dbyStep: return .by
        case .dWfStep, .dWuStep, .dWrStep, .dWoStep, .dWcStep, .dbfStep, .dbuStep, .dbrStep, .dboStep, .dbcStep:
            return Symbol(rawValue: String(symbol.rawValue.dropFirst().dropLast(4)))
        default: return nil
        }
    }

    /// Why the entry under the cursor cannot be edited: a target is a label of the data, the rest is computed.
    var whyNotEditable: String {
        if let r = inspectedEntry, r.symbol == .y { return words.labelNotEditable(displayName(r)) }
        return words.notEditable
    }

    /// The settable quantities that are vectors.
    static let vectorSymbols: Set<Symbol> = [.ba, .by, .a0, .x, .bf, .bu, .br, .bo, .bc, .c0]

    /// `e`: edit mode on (in inspect mode, on an editable entry) or off.
    mutating func toggleEdit() {
        if student.editing { student.editing = false; status = words.leftEditing; return }
        if inspect == nil { enterInspect() }
        guard inspect != nil else { return }
        student.editing = true
        status = editableEntry == nil ? whyNotEditable : words.editingOn(numbers.format(student.step))
    }

    /// The value the lesson (or the training run) has for an entry, before the student's edits.
    func uneditedValue(_ ref: EntryRef) -> Double? {
        let slideEdits = currentSlide?.edits ?? NetworkEdits()
        if let v = slideEdits.value(of: ref) { return v }
        if let g = baseGated { return NetworkEdits.value(of: ref, gated: g.params, episode: lesson.episode) }
        return NetworkEdits.value(of: ref, params: baseParams, episode: lesson.episode)
    }

    /// `+`/`-`: the entry under the cursor moves by ± step; everything is computed again.
    mutating func nudge(_ sign: Double) {
        guard student.editing else { status = words.notEditing; return }
        guard let ref = editableEntry, let original = uneditedValue(ref) else { status = whyNotEditable; return }
        let old = trace, wasUnedited = student.edits.value(of: ref) == nil
        let current = student.edits.value(of: ref) ?? original
        var delta = (current - original) + sign * student.step
        // back where it started (up then down): exactly the original number, not a rounding away
        if abs(delta) < student.step * 1e-9 { delta = 0 }
        student.edits.set(ref, delta == 0 ? nil : original + delta)
        recomputeTrace()
        report(ref, old: old, oldWasUnedited: wasUnedited)
    }

    /// `0`: the entry under the cursor back to the lesson's value.
    mutating func resetEntry() {
        guard student.editing else { status = words.notEditing; return }
        guard let ref = editableEntry, student.edits.value(of: ref) != nil else { status = words.nothingEdited; return }
        let old = trace
        student.edits.set(ref, nil)
        recomputeTrace()
        report(ref, old: old, oldWasUnedited: false)
    }

    /// Backspace: every edit undone.
    mutating func resetAllEdits() {
        guard !student.edits.isEmpty else { status = words.nothingEdited; return }
        student.edits = NetworkEdits()
        student.lastNudge = nil
        student.lastStep = nil
        student.baseline = nil
        student.shift = nil
        recomputeTrace()
        status = words.editsUndone
    }

    /// `[` `]`: the step ×10 or ÷10 (1e-6 to 100).
    mutating func scaleStep(up: Bool) {
        guard student.editing else { status = words.notEditing; return }
        let s = up ? student.step * 10 : student.step / 10
        guard StudentWork.steps.contains(s) else { status = words.stepLimit(numbers.format(student.step)); return }
        student.step = s
        status = words.stepIs(Self.stepText(s))
    }

    /// 0.1, 1e-05, 10
    static func stepText(_ s: Double) -> String { String(format: "%g", s) }

    /// The nudge's report: from the lesson's value (the whole change so far) and the last step alone.
    private mutating func report(_ ref: EntryRef, old: Trace, oldWasUnedited: Bool) {
        let step = NudgeReport(ref: ref, old: old, new: trace)
        student.lastStep = step
        guard let base = nudgeBaseline(ref, old: old, oldWasUnedited: oldWasUnedited) else {
            student.lastNudge = step
            student.shift = ref.symbol == .x ? old.activationShift(to: trace) : nil
            return
        }
        student.lastNudge = base.report(to: trace)
        student.shift = base.activationShift(to: trace)
    }
}
