/// The phrases of inspect boxes, in English and Chinese.
extension Words {
    func givenInput(_ t: Int, _ label: String?) -> String {
        pick("the input at step \(t), given by the lesson", "第 \(t) 步的输入，由课程给定") + (label.map { " ('\($0)')" } ?? "")
    }
    func givenTarget(_ t: Int, _ label: String?) -> String {
        pick("the target at step \(t), given by the lesson", "第 \(t) 步的目标值，由课程给定") + (label.map { " ('\($0)')" } ?? "")
    }
    /// What a softmax output's entry means, when `display.class_names` names the class.
    func classProbability(_ name: String) -> String {
        pick("the probability of class '\(name)'", "类别 '\(name)' 的概率")
    }
    var initialState: String { pick("the initial hidden state a<0>, given by the lesson", "初始隐藏状态 a<0>，由课程给定") }
    func handedForward(_ t: Int) -> String {
        pick("the hidden state computed at step \(t - 1), handed to step \(t)", "第 \(t - 1) 步算出的隐藏状态，传给第 \(t) 步")
    }
    func stackedRows(_ na: Int, head: String = "a<t-1>") -> String {
        pick("the top \(na) rows of the stack are \(head), the rest are x<t>", "堆叠向量的前 \(na) 行是 \(head)，其余是 x<t>")
    }
    /// The total loss over the `targets` steps (of T) with a target.
    func totalLoss(_ T: Int, _ targets: Int, _ value: String) -> String {
        targets == T ? pick("the total L = Σ_t L<t> over all \(T) steps = \(value)", "全部 \(T) 步的总损失 L = Σ_t L<t> = \(value)")
            : pick("the total L = Σ_t L<t> over the \(targets) steps with a target = \(value)",
                   "有目标值的 \(targets) 步的总损失 L = Σ_t L<t> = \(value)")
    }
    /// The loss so far at step t, before the last step with a target.
    func lossSoFarIsPart(_ t: Int, _ targets: Int, _ T: Int, _ total: String) -> String {
        targets == T ? pick("the loss of steps 1…\(t) so far; the total L over all \(T) steps is \(total)",
                            "到第 \(t) 步为止的损失；全部 \(T) 步的总损失 L = \(total)")
            : pick("the loss of the steps up to \(t) so far; the total L over the \(targets) steps with a target is \(total)",
                   "到第 \(t) 步为止的损失；有目标值的 \(targets) 步的总损失 L = \(total)")
    }
    func dyMeaning(_ t: Int) -> String {
        pick("the gradient of L<\(t)> with respect to zy<\(t)>", "这是 L<\(t)> 对 zy<\(t)> 的梯度")
    }
    var nothingAfterLast: String { pick("nothing comes back from after the last step", "最后一步之后没有梯度传回来") }
    func handedFrom(_ t: Int) -> String { pick("handed back from step \(t)", "由第 \(t) 步传回") }
    var thisStepAdds: String { pick("this step adds", "本步加上") }
    var sumSoFar: String { pick("sum so far", "目前累计") }
    var rounded: String { pick("(rounded: the sum uses every digit)", "（显示的数已四舍五入，求和用的是完整的数）") }
    func isTheGradient(_ name: String) -> String {
        pick("after step 1 this is the whole gradient \(name) = ∂L/∂\(name.dropFirst())",
             "到第 1 步为止，这就是完整的梯度 \(name) = ∂L/∂\(name.dropFirst())")
    }
    func shared(_ T: Int) -> String {
        pick("shared: the same number is used at every step t = 1…\(T)", "共享参数：每一步 t = 1…\(T) 用的都是同一个数")
    }
    func multiplies(_ what: String, _ into: String) -> String {
        pick("it multiplies \(what) in \(into)", "它在 \(into) 里乘以 \(what)")
    }
    func added(_ into: String) -> String { pick("it is added to \(into)", "它被加到 \(into) 上") }
}
