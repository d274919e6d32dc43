import Lessons
import RNNCore

/// The words of the student's own work: the answer box, its feedback, edit mode, progress.
extension Words {
    // answer box
    public var nothingToType: String { pick("this slide asks for no number", "这一页没有要输入的数") }
    func notInANumber(_ c: Character) -> String {
        pick("'\(c)' is not part of a number: digits, -, . and e", "“\(c)” 不是数字的一部分：可用数字、-、. 和 e")
    }
    func boxFull(_ limit: Int) -> String {
        pick("the answer box is full (\(limit) characters): Backspace erases, Enter checks", "答案框已满（\(limit) 个字符）：退格键删除，回车检查")
    }
    var leaveAnswerBox: String { pick("leave the box", "离开答案框") }
    var backToAnswerBox: String { pick("back to the answer box", "回到答案框") }
    var digitsToAnswerBox: String { pick("digits go to the answer box; Enter checks", "数字输入到答案框；回车检查") }
    var editHint: String { pick("edit this number", "修改这个数") }
    var answerPrompt: String { pick("answer: ", "答案：") }
    public var nothingToErase: String { pick("nothing to erase", "没有可删除的内容") }
    public var typeANumber: String { pick("type a number first, then Enter", "先输入一个数，再按回车") }
    func notANumber(_ s: String) -> String { pick("'\(s)' is not a number: Backspace corrects it", "“\(s)” 不是一个数：按退格键修改") }
    public var answerBoxHint: String { pick("digits, - . e go to the answer box; Enter checks; Esc leaves it",
                                            "数字和 - . e 输入到答案框；回车检查；Esc 离开答案框") }
    public var answerFirst: String {
        pick("the steps wait for your answer: answer first, or Esc / n to skip", "时间步在等你的答案：先回答，或按 Esc / n 跳过")
    }
    public var answerBoxClosed: String { pick("answer box closed: a digit, - or . goes back to it", "答案框已关闭：输入数字、- 或 . 即可回到答案框") }
    var gradedOnLesson: String {
        pick("You changed the network (✎); your answer is graded on the lesson's numbers.",
             "你修改了网络（✎）；答案按本课原来的数评分。")
    }
    var gradedOnLessonAfterTraining: String {
        pick("The screen shows the network after training; your answer is graded on the lesson's numbers (r goes back).",
             "屏幕上是训练之后的网络；答案按本课原来的数评分（按 r 回到原来的权重）。")
    }
    var choiceOnLesson: String {
        pick("(The question is about the lesson's numbers; the screen shows your changed network ✎.)",
             "（这道题问的是本课原来的数；屏幕上是你修改过的网络 ✎。）")
    }
    func typedRight(_ typed: String) -> String { pick("Right: \(typed).", "正确：\(typed)。") }
    func typedRevealed(_ name: String, _ answer: String) -> String {
        pick("The answer is \(name) = \(answer):", "答案是 \(name) = \(answer)：")
    }
    func triesLeft(_ n: Int) -> String {
        pick(n == 1 ? "1 try left" : "\(n) tries left", "还可以再试 \(n) 次")
    }
    /// `0.50 too high`
    func howFarOff(_ off: Double, _ numbers: NumberStyle) -> String {
        let size = numbers.format(abs(off))
        return off > 0 ? pick("\(size) too high", "偏大 \(size)") : pick("\(size) too low", "偏小 \(size)")
    }
    func notQuite(_ typed: String, _ off: String) -> String { pick("Not quite: \(typed) is \(off).", "不太对：\(typed) \(off)。") }

    /// What the slip was, as a sentence about the entry `name` (of quantity `symbol`); `formula`
    /// is how the entry follows from its sum (`a<2>[0] = tanh(z<2>[0])`), when it is not the sum.
    func mistake(_ m: Mistake, _ name: String, _ numbers: NumberStyle, symbol: Symbol? = nil, formula: String? = nil) -> String {
        func term(_ t: SumTerm) -> String { "\(t.label) = \(numbers.format(t.value))" }
        switch m {
        case .missingTerm(let t): return pick("That is \(name) without \(term(t)).", "这是少了 \(term(t)) 的 \(name)。")
        case .biasLeftOut(let t): return pick("That is \(name) without the bias \(term(t)).", "这是没加偏置 \(term(t)) 的 \(name)。")
        case .signFlipped(let t): return pick("That is \(name) with the sign of \(t.label) flipped.", "这是把 \(t.label) 的符号弄反了的 \(name)。")
        case .activation(nil, let right):
            guard let formula else { return pick("That is the number before \(right): apply \(right) to it.", "这是 \(right) 之前的数：还要再套上 \(right)。") }
            return pick("That is the number before \(right): \(formula).", "这是 \(right) 之前的数：\(formula)。")
        case .activation(let used?, let right):
            let how = formula.map { pick(": \($0)", "：\($0)") } ?? ""
            return pick("That is \(used) of the sum; this network uses \(right)\(how).", "这是对和取 \(used) 的结果；这个网络用的是 \(right)\(how)。")
        case .derivativeLeftOut(let g): return pick("That is da without the slope of \(g): multiply by g1′(z) (for tanh 1 − a²).",
                                                    "这是没乘 \(g) 斜率的 da：还要乘 g1′(z)（tanh 是 1 − a²）。")
        case .wrongDerivative(let used): return pick("That uses \(used) as the slope; tanh′ is 1 − a².", "这里把斜率算成了 \(used)；tanh′ 是 1 − a²。")
        case .wholeSign:
            switch symbol {
            case .dy?: return pick("The sign is flipped: that is −\(name); dy = ŷ − y.", "符号反了：这是 −\(name)；dy = ŷ − y。")
            case .loss?, .totalLoss?: return pick("The sign is flipped: that is −\(name); a loss −log(…) is never negative.",
                                                  "符号反了：这是 −\(name)；损失 −log(…) 从不为负。")
            default: return pick("The sign is flipped: that is −\(name).", "符号反了：这是 −\(name)。")
            }
        case .transposed(let w): return pick("That reads \(w) the wrong way round: backward uses \(w)ᵀ, column by column.",
                                             "这是把 \(w) 读反了：反向传播用的是 \(w)ᵀ，按列取数。")
        case .wrongFactor(let used, let right): return pick("That uses \(used) where \(right) belongs.", "这里用了 \(used)，应该用 \(right)。")
        case .swappedTarget: return pick("That swaps y = 1 and y = 0: for y = 1 it is −log ŷ, for y = 0 −log(1 − ŷ).",
                                         "这把 y = 1 和 y = 0 弄反了：y = 1 时是 −log ŷ，y = 0 时是 −log(1 − ŷ)。")
        case .notDz(let da, let dz):
            return pick("That uses \(da), not \(dz): dz = da·g1′(z) (for tanh da·(1 − a²)); the slope is left out.",
                        "这里用了 \(da)，而不是 \(dz)：dz = da·g1′(z)（tanh 是 da·(1 − a²)），少乘了斜率。")
        case .wrongIndex(let used, let right, let formula):
            return pick("That uses \(used) where \(right) belongs: \(formula) (the row from dz, the column from [a<t-1>; x<t>]).",
                        "这里用了 \(used)，应该用 \(right)：\(formula)（行取自 dz，列取自 [a<t-1>; x<t>]）。")
        case .stepOff(let r): return pick("That is \(r): one step off in t.", "这是 \(r)：时间步差了一步。")
        case .gateLeftOut(let gate, let rest):
            return pick("That is \(rest) without the output gate \(gate): \(name) = \(gate)·\(rest).",
                        "这是没乘输出门 \(gate) 的 \(rest)：\(name) = \(gate)·\(rest)。")
        case .gateAlone(let gate, let rest):
            return pick("That is the output gate \(gate) alone: \(name) = \(gate)·\(rest).",
                        "这只是输出门 \(gate)：\(name) = \(gate)·\(rest)。")
        }
    }

    /// `Hint: a<2>[0] = tanh(z<2>[0]); one term of z<2>[0] is Waa[0,0]·a<1>[0] = 0.10 × 0.66 = 0.07.`
    /// `onLesson`: the screen shows a changed network (✎) and the hint's numbers are the
    /// lesson's, as the grading: it says so (`Hint (the lesson's numbers): …`).
    func hint(_ name: String, _ h: Hint, _ numbers: NumberStyle, onLesson: Bool = false) -> String {
        let t = h.term
        let shown: String
        switch h.shows {
        case .product:
            shown = t.factors.count > 1 ? "\(t.label) = \(Self.product(t.factors, t.value, numbers))" : "\(t.label) = \(numbers.format(t.value))"
        case .factors:
            let mask = h.given ?? t.factors.map { _ in true }
            // a factor that is not whole but prints as 1.00 or 0.00 (1 − Γu = 0.9975) gets 4 decimals
            func factor(_ v: Double) -> String {
                let s = numbers.format(v)
                guard v != v.rounded(), let printed = Double(s), printed == printed.rounded() else { return s }
                return NumberStyle(digits: max(numbers.digits, 4)).format(v)
            }
            let given = zip(zip(t.names, t.factors), mask).filter(\.1).map { "\($0.0.0) = \(factor($0.0.1))" }
            shown = t.label + pick(", with " + given.joined(separator: " and "), "，其中 " + given.joined(separator: "，"))
        case .names:
            shown = t.label
        }
        let sum = h.sum ?? name
        let before = h.formula.map { pick("\($0); ", "\($0)；") } ?? ""
        let lead = onLesson ? pick("Hint (the lesson's numbers): ", "提示（按本课原来的数）：") : pick("Hint: ", "提示：")
        if h.single { return lead + pick("\(before)\(sum) = \(shown).", "\(before)\(sum) = \(shown)。") }
        return lead + pick("\(before)one term of \(sum) is \(shown).", "\(before)\(sum) 的其中一项是 \(shown)。")
    }

    /// `3.00 × 0.953 = 2.86`: the factors with as many more decimals (up to 3 more; a factor
    /// that is whole at the screen's decimals keeps them) as it takes for their shown product to
    /// round to the shown value, as a student checks it (`3.00 × 0.95` is 2.85, not 2.86);
    /// `≈` when no such number of decimals does.
    static func product(_ factors: [Double], _ value: Double, _ numbers: NumberStyle) -> String {
        let result = numbers.format(value)
        func written(_ extra: Int) -> String {
            let more = NumberStyle(digits: numbers.digits + extra)
            return factors.map { f in
                let short = numbers.format(f)
                return Double(short) == f ? short : more.format(f)   // 3.00 stays 3.00
            }.joined(separator: " × ")
        }
        for extra in 0...3 {
            let shown = written(extra)
            if ShownArithmetic.holds(shown, result) { return "\(shown) = \(result)" }
        }
        return "\(written(0)) ≈ \(result)"
    }

    // edit mode
    public var leftEditing: String { pick("edit mode off", "已退出编辑模式") }
    public var notEditable: String {
        pick("this number is computed: move to a weight, a bias, a<0> or an input x<t> to edit it",
             "这个数是算出来的：移到权重、偏置、a<0> 或输入 x<t> 上才能修改")
    }
    func labelNotEditable(_ name: String) -> String {
        pick("\(name) is a target: a label of the data the loss compares ŷ with, not a number of the network; edit an input x<t> or a weight",
             "\(name) 是目标：数据里的标签，损失拿 ŷ 和它比较，不是网络的数；请修改输入 x<t> 或权重")
    }
    func editingOn(_ step: String) -> String {
        pick("edit mode: + - change the entry by \(step), [ ] the step, 0 resets it, ⌫ all",
             "编辑模式：+ - 按 \(step) 改变这个数，[ ] 步长，0 复原，⌫ 全部复原")
    }
    public var notEditing: String { pick("not in edit mode: i then e on a weight", "不在编辑模式：先按 i，再在权重上按 e") }
    public var nothingEdited: String { pick("nothing edited", "没有修改过") }
    public var editsUndone: String { pick("every edit undone: the lesson's numbers again", "所有修改已撤销：回到本课原来的数") }
    func stepLimit(_ s: String) -> String { pick("the step stays \(s) (1e-6 to 100)", "步长保持 \(s)（1e-6 到 100）") }
    func stepIs(_ s: String) -> String { pick("step \(s)", "步长 \(s)") }
    var modified: String { pick("✎ modified", "✎ 已修改") }
    func whatIf(_ what: String) -> String { pick("what if: \(what)", "假如：\(what)") }
    var whatIfShort: String { pick("what if ✎", "假如 ✎") }
    /// The header's lasting marker once the network is trained (`t`, the lab), until `r`.
    func trainedMarker(_ steps: Int) -> String { pick("✎ trained \(steps) steps", "✎ 已训练 \(steps) 步") }
    var trainedShort: String { pick("✎ trained", "✎ 已训练") }
    /// `x<1>[0]: 1.00 → 2.00 (Δ = +1.00 from the lesson's value; last step 1.90 → 2.00)`
    func nudgeLine(_ name: String, _ before: String, _ after: String, _ delta: String, lastStep: String? = nil) -> String {
        guard let lastStep else { return "\(name): \(before) → \(after) (Δ = \(delta))" }
        return pick("\(name): \(before) → \(after) (Δ = \(delta) from the lesson's value; last step \(lastStep))",
                    "\(name)：\(before) → \(after)（相对本课原值 Δ = \(delta)；最后一步 \(lastStep)）")
    }
    func lossLine(_ before: String, _ after: String, _ change: String, _ predicted: String, of gradient: String = "dL/dw") -> String {
        pick("L: \(before) → \(after), ΔL = \(change); the gradient predicted \(gradient) · Δ = \(predicted)",
             "L：\(before) → \(after)，ΔL = \(change)；梯度的预测 \(gradient) · Δ = \(predicted)")
    }
    var lossHiddenWhileAsking: String {
        pick("L and the gradient's prediction are hidden on this slide: they follow from the number it asks.",
             "本页不显示 L 和梯度的预测：它们由本页所问的数算出。")
    }
    var curvature: String {
        pick("They differ: L curves over a step this large (curvature); the gradient is only the slope where you started. A smaller step ( ] ) agrees better.",
             "两者不同：在这么大的步长上 L 是弯曲的（曲率）；梯度只是起点处的斜率。换小一点的步长（ ] ）会更接近。")
    }
    var agrees: String { pick("They agree (within 5%): over a small step L is nearly a straight line.", "两者一致（相差不到 5%）：步长很小时 L 几乎是一条直线。") }
    func travels(_ parts: String) -> String { pick("‖Δa<t>‖: \(parts)", "‖Δa<t>‖：\(parts)") }
}

/// The words of progress: continuing, the summary.
extension Words {
    func resumeOffer(_ slide: Int) -> String {
        pick("Welcome back: Enter continues at slide \(slide), Esc starts over.", "欢迎回来：回车从第 \(slide) 页继续，Esc 从头开始。")
    }
    public var nothingToResume: String { pick("nothing to continue", "没有可继续的进度") }
    func resumed(_ slide: Int) -> String { pick("continued at slide \(slide)", "从第 \(slide) 页继续") }
    public var startedOver: String { pick("starting over", "从头开始") }
    func score(_ right: Int, of n: Int) -> String {
        pick("Score: \(right) of \(n) \(n == 1 ? "question" : "questions") right at the first try.", "得分：\(n) 道题中第一次就答对了 \(right) 道。")
    }
    func missed(_ list: String) -> String { pick("Missed: \(list) (press the number).", "答错的题：\(list)（按对应数字跳过去）。") }
    /// The same list when some of those questions were not answered at all.
    func missedOrSkipped(_ list: String) -> String {
        pick("Missed or not answered: \(list) (press the number).", "答错或没答的题：\(list)（按对应数字跳过去）。")
    }
}

/// Prefixes of the help box's lines for the student's modes.
extension Words {
    func slideRef(_ n: Int) -> String { pick("slide \(n)", "第 \(n) 页") }
    func thisSlideRef(_ n: Int) -> String { pick("slide \(n) (this one)", "第 \(n) 页（本页）") }
    func alreadyOnSlide(_ n: Int) -> String { pick("this is slide \(n): its answer is shown above", "这就是第 \(n) 页：答案在上面") }
}
