import Lessons
import RNNCore

/// The words of training on the spot and generation mode, in English and Chinese.
extension Words {
    /// `0.1`, `5`, `1.5`: a setting without trailing zeros.
    static func short(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(v)
    }

    // training
    public var cannotTrain: String {
        pick("cannot train: this lesson has no targets (y), so no loss to learn from",
             "无法训练：这一课没有目标值 y，也就没有可以减小的损失")
    }
    public func diverged(_ step: Int) -> String {
        pick("the loss stopped being finite at step \(step); r goes back to the lesson's weights",
             "第 \(step) 步时损失不再是有限数；按 r 回到这一课的初始权重")
    }
    public func trained(_ k: Int, total: Int, before: String?, after: String?) -> String {
        let loss = before.flatMap { b in after.map { a in (b, a) } }
        return pick("trained \(k) steps (\(total) in all)", "训练了 \(k) 步（共 \(total) 步）")
            + (loss.map { pick(": L of this sequence \($0.0) → \($0.1)", "：这条序列的 L \($0.0) → \($0.1)") } ?? "")
            + pick("; r goes back", "；按 r 复原")
    }
    public var nothingToReset: String { pick("nothing to reset: not trained yet (t trains)", "还没有训练，无需复原（按 t 训练）") }
    public var resetDone: String {
        pick("back to the lesson's starting weights (training again repeats the same steps)",
             "已回到这一课的初始权重（再训练会重复同样的步骤）")
    }
    public func trainedSteps(_ n: Int) -> String { pick("trained \(n) steps", "已训练 \(n) 步") }
    public func lossCurveLabel(_ chunk: Int) -> String { pick("loss (mean of \(chunk))", "损失（每 \(chunk) 步平均）") }
    public func trainingKeys(_ k: Int) -> String { pick("t +\(k)  r reset", "t 再训练 \(k) 步  r 复原") }

    // generation
    public var generationNeedsVocab: String {
        pick("no generation here: it needs a character lesson (vocab, softmax, n_x = n_y)",
             "这一课不能生成：需要字符级的课（词表、softmax、n_x = n_y）")
    }
    public var enteredGeneration: String {
        pick("generation: → draws the next character, < > temperature, g leaves", "生成模式：→ 抽下一个字符，< > 调温度，g 退出")
    }
    public var leftGeneration: String { pick("left generation mode", "已退出生成模式") }
    public var notGenerating: String { pick("press g first to generate", "请先按 g 进入生成模式") }
    public func newSample(_ n: Int) -> String { pick("sample \(n): from a<0> again", "第 \(n) 个样本：重新从 a<0> 开始") }
    public func temperatureIs(_ v: Double) -> String {
        pick("temperature \(Self.short(v)): a new sample from the start", "温度 \(Self.short(v))：从头生成新样本")
    }
    public func temperatureLimit(_ v: Double) -> String { pick("temperature stays at \(Self.short(v))", "温度已到极限：\(Self.short(v))") }
    public func generateTitle(_ t: Int) -> String { pick("generate  t = \(t)", "生成  t = \(t)") }
    public func generateStep(_ t: Int) -> String { pick("generate t = \(t)", "生成 t = \(t)") }
    public func generationSettings(seed: UInt64, _ temperature: Double, sample: Int) -> String {
        pick("seed \(seed) · temperature \(Self.short(temperature)) · sample \(sample)",
             "种子 \(seed) · 温度 \(Self.short(temperature)) · 第 \(sample) 个样本")
    }
    public var generated: String { pick("generated: ", "已生成：") }
    public func barsCaption(_ t: Int, _ temperature: Double, count: Int, byVocab: Bool) -> String {
        let what: String
        if temperature == 1 { what = "ŷ<\(t)>" }
        else if temperature == 0 { what = pick("ŷ<\(t)> at temperature 0: the most likely, no draw", "ŷ<\(t)>，温度 0：取最可能的，不抽样") }
        else { what = "softmax(zy<\(t)> / \(Self.short(temperature)))" }
        let order = byVocab ? pick("in vocab order", "按词表顺序") : pick("most likely first", "概率从高到低")
        return what + pick(", \(count) characters, ", "，\(count) 个字符，") + order
    }
    public func fedBack(_ c: String, t: Int, sampled: Bool) -> String {
        (sampled ? pick("sampled", "抽到") : pick("read", "读入"))
            + pick(" '\(c)' → x<\(t + 1)> = one-hot('\(c)')", " '\(c)' → x<\(t + 1)> = '\(c)' 的独热向量")
    }
    /// One-to-many: the sampled character is written, not fed back.
    public func notFedBack(_ c: String, t: Int) -> String {
        pick("sampled '\(c)' → x<\(t + 1)> = 0 (one-to-many: no input after t = 1)",
             "抽到 '\(c)' → x<\(t + 1)> = 0（一对多：t = 1 之后没有输入）")
    }
    /// One-to-many: the sample ends with the lesson's steps.
    public func lessonLengthReached(_ T: Int, next: Int) -> String {
        pick("T = \(T) steps, as the lesson's network is unrolled; → starts sample \(next)",
             "已到这一课展开的 T = \(T) 步；按 → 开始第 \(next) 个样本")
    }
    public func endDrawn(_ c: String, next: Int) -> String {
        pick("'\(c)' drawn: the sequence is finished; → starts sample \(next)", "抽到 '\(c)'：序列结束；按 → 开始第 \(next) 个样本")
    }
    public func lengthLimit(_ n: Int, next: Int) -> String {
        pick("\(n) characters, the length limit; → starts sample \(next)", "已到长度上限 \(n) 个字符；按 → 开始第 \(next) 个样本")
    }
}
