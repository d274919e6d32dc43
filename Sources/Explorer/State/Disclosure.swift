import Lessons
import RNNCore

/// Progressive disclosure: which quantities the screen shows.
///
/// Rule 1 (reveal): what is revealed is the union of the `show` sets of slides 1…current;
/// a slide with no `show` (nil) reveals everything, and so does a lesson with no slides.
/// Once revealed, a quantity stays revealed on later slides. A quantity also counts as
/// revealed when its family is (`a` reveals `a<t-1>` and `a<0>`, `Wa` reveals `Waa` and
/// `Wax`, `dWa` reveals `dWaa` and `dWax`, `da` reveals its two parts, `L<t>` reveals the
/// running `L`), `[a<t-1>; x<t>]` when `x` is (the input is drawn only there), and a stacked
/// matrix when one of its blocks is (`Waa` or `Wax` reveals `Wa`, which the panel draws as
/// one heatmap; `dWaa` or `dWax`, `dWa`).
///
/// Rule 2 (withhold): while the open slide's question is unanswered, its `focus` quantity
/// and every quantity computed from it (see `Symbol.computedFrom`) are hidden, so the
/// screen does not give the answer away. A question without a focus hides nothing. At a
/// given step only what depends on the focus is hidden: forward quantities from the focus's
/// step on, backward ones down to it (a backward focus leaves the forward pass alone), so
/// the numbers a slide quotes from before the asked-about step stay on screen. A forward
/// focus a<t> (c<t>) is also read by step t+1 as a<t-1> (c<t-1>) and in [a<t>; x<t+1>]: there
/// only the asked entry is masked (`?`, see `Disclosure+Masks.swift`); what step t+1 computes
/// from them is hidden from step t+1 on, and those terms themselves from step t+2 on.
///
/// Rule 3 (answered): once the question is answered, rule 2 still holds except for the focus
/// quantity at its step, which is shown: the answer appears, but not what is computed from it
/// (a later slide may ask that: 02 slide 6 answers z<2>[0], slide 7 asks a<2>[0]).
extension ExplorerState {
    /// The revealed set by rule 1, nil meaning everything.
    public var revealedSet: Set<Symbol>? {
        guard let current = slide else { return nil }
        var union = Set<Symbol>()
        for s in lesson.script.prefix(current + 1) {
            guard let show = s.show else { return nil }
            union.formUnion(show)
        }
        return union
    }

    /// The quantities hidden by rule 2 right now.
    public var withheld: Set<Symbol> { Set(withheldLags.keys) }

    /// Rule 2's quantities with the number of steps after the focus's step from which each one
    /// reads the focus: 0 for what is computed from it at its step, 1 for what reads it at the
    /// next step (a<t> is a<t-1> of step t+1, drawn in [a<t>; x<t+1>]; c<t> is c<t-1>).
    /// Once the question is answered, the same quantities stay hidden except the focus itself at
    /// its step (rule 3 below): answering shows the answer, not what later slides ask.
    var withheldLags: [Symbol: Int] {
        guard hasQuestion, let f = currentSlide?.focus else { return [:] }
        return f.symbol.downstreamLags
    }

    /// The open slide asks something (a choice or a typed number), answered or not.
    var hasQuestion: Bool { currentSlide?.ask != nil || currentSlide?.typed != nil }

    /// Rule 3 (answered): the open slide's question is answered, and `symbol` at step t is its
    /// focus quantity at the focus's step (or the focus has no step), or the same value drawn at
    /// the neighbouring step (a<t> as a<t-1> of step t+1, da_prev<t> as da_next<t-1>): shown now.
    func isAnsweredFocus(_ symbol: Symbol, at t: Int?) -> Bool {
        guard hasQuestion, !questionPending, let asked = currentSlide?.focus else { return false }
        let f = asked.symbol == symbol ? asked : displayed(asked)   // ΔdWaa<2> is drawn as ΔdWa<2>
        if f.symbol != symbol {
            guard let ft = f.t, let t, Self.isCarried(f.symbol, as: symbol, cell: lesson.cell) else { return false }
            return t == ft + (symbol.isBackward ? -1 : 1)
        }
        guard let ft = f.t, let t, symbol.isPerStep else { return true }
        return t == ft
    }

    /// Whether `symbol` at step t (nil: any step, or a shared parameter) depends on the open
    /// question's focus, so rule 2 hides it.
    public func isWithheld(_ symbol: Symbol, at t: Int?) -> Bool {
        guard let lag = withheldLags[symbol], !isAnsweredFocus(symbol, at: t) else { return false }
        if maskedRow(symbol, at: t) != nil { return false }   // drawn with the focus entry masked (`?`)
        guard let t, symbol.isPerStep || symbol.isRunningSum, let focus = currentSlide?.focus, let ft = focus.t,
              focus.symbol.isPerStep else { return true }
        switch (focus.symbol.isBackward, symbol.isBackward) {
        case (false, false): return t >= ft + lag    // forward flows from t = 1 up
        case (true, true): return t <= ft - lag      // backward flows from t = T down
        case (false, true): return true              // backward reads the whole forward pass
        case (true, false): return false
        }
    }

    /// Whether `symbol` at step t is shown right now (rules 1 and 2).
    public func isShown(_ symbol: Symbol, at t: Int?) -> Bool {
        isWithheld(symbol, at: t) ? false : isShown(revealed: symbol)
    }

    /// Whether a quantity is shown right now at the open question's step (rules 1 and 2; what
    /// reads the focus only at a later step counts as shown here).
    public func isShown(_ symbol: Symbol) -> Bool {
        withheldLags[symbol] == 0 && !isAnsweredFocus(symbol, at: currentSlide?.focus?.t) ? false : isShown(revealed: symbol)
    }

    /// Rule 1 alone.
    func isShown(revealed symbol: Symbol) -> Bool {
        guard let set = revealedSet else { return true }
        if set.contains(symbol) { return true }
        switch symbol {
        case .stacked: return set.contains(.x) || set.contains(.stacked)
        case .Wa: return set.contains(.Waa) || set.contains(.Wax)
        case .dWa: return set.contains(.dWaa) || set.contains(.dWax)
        case .dWaStep: return set.contains(.dWaaStep) || set.contains(.dWaxStep)
        default: break
        }
        return symbol.family.map { set.contains($0) } ?? false
    }
}

extension Symbol {
    /// The quantity whose disclosure also reveals this one.
    var family: Symbol? {
        switch self {
        case .aPrev, .a0: return .a
        case .Waa, .Wax: return .Wa
        case .dWaa, .dWax: return .dWa
        case .dWaaStep, .dWaxStep: return .dWaStep
        case .daFromOutput, .daNext: return .da
        case .totalLoss: return .loss
        default: return gatedFamily
        }
    }

    /// The quantities computed directly from this one (at the same step, or as sums).
    var computedFrom: [Symbol] {
        switch self {
        case .x, .aPrev, .a0: return [.z, .stacked] + Symbol.x.gatedInputs
        case .Wa, .Waa, .Wax, .ba: return [.z, .stacked]
        case .stacked: return [.z]
        case .z: return [.a]
        case .a: return [.zy]   // a<t> is also a<t-1> of the next step: see isWithheld
        case .Wya, .by: return [.zy]
        case .zy: return [.yHat]
        case .yHat, .y: return [.loss, .dy]
        case .loss: return [.totalLoss]
        case .dy: return [.daFromOutput, .dWyaStep, .dbyStep]
        case .daFromOutput, .daNext: return [.da]
        case .da: return [.dz, .dc, .dGammaO]
        case .dz: return [.daPrev, .dWaStep, .dbaStep]
        case .daPrev: return [.da0]
        case .dWaStep, .dWaaStep, .dWaxStep: return [.dWaStep, .dWaaStep, .dWaxStep, .dWa, .dWaa, .dWax]
        case .dbaStep: return [.dba]
        case .dWyaStep: return [.dWya]
        case .dbyStep: return [.dby]
        case .dWaa, .dWax: return [.dWa]
        default: return gatedComputedFrom
        }
    }

    /// The quantities that read this one at the NEXT step: a<t> as a<t-1> (alone and in
    /// [a<t-1>; x<t>]) and c<t> as c<t-1> of step t+1; going backward, da_prev<t> as
    /// da_next<t-1> and dc_prev<t> as dc_next<t-1>.
    var readNextStep: [Symbol] {
        switch self {
        case .a: return [.aPrev, .stacked]
        case .c: return [.cPrev]
        case .daPrev: return [.daNext]   // backward: step t hands da_prev<t> to step t-1
        case .dcPrev: return [.dcNext]
        default: return []
        }
    }

    /// This quantity and everything computed from it, transitively, each with the fewest steps
    /// after this one's step at which it reads it (0 at the same step; +1 per `readNextStep`).
    var downstreamLags: [Symbol: Int] {
        var lags: [Symbol: Int] = [self: 0]
        var todo = [self]
        while let s = todo.popLast() {
            let lag = lags[s] ?? 0
            for (n, l) in s.computedFrom.map({ ($0, lag) }) + s.readNextStep.map({ ($0, lag + 1) }) {
                if let old = lags[n], old <= l { continue }
                lags[n] = l
                todo.append(n)
            }
        }
        return lags
    }
}
