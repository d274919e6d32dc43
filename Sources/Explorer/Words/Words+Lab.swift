import Lessons
import RNNCore

/// The words of the training lab, in English and Chinese.
extension Words {
    public var labTitle: String { pick("training lab", "训练实验室") }
    public var labHelpTitle: String { pick("Keys in the training lab", "训练实验室的按键") }
    public var labOpened: String {
        pick("training lab: Space runs and pauses, T leaves, ? lists its keys", "训练实验室：空格开始/暂停，T 离开，? 列出按键")
    }
    public var labClosed: String { pick("the training lab is closed (T opens it)", "训练实验室没有打开（按 T 打开）") }
    public var labRunning: String { pick("training…", "训练中…") }
    public var labPaused: String { pick("paused", "已暂停") }
    public var labNoTexts: String {
        pick("this lesson has only its own sequence (no texts)", "这一课只有它自己的序列（没有 texts）")
    }
    public var labSaving: String { pick("writing the trained lesson…", "正在写入训练后的课…") }
    public func labSaved(_ path: String) -> String { pick("wrote \(path)", "已写入 \(path)") }
    public func labLeft(_ steps: Int) -> String {
        steps > 0 ? pick("left the lab after \(steps) steps: the screen shows the trained network; r goes back",
                         "训练 \(steps) 步后离开实验室：屏幕显示训练后的网络；按 r 复原")
            : pick("left the training lab", "已离开训练实验室")
    }
    /// Leaving the lab on a slide that hides ŷ and L (08's first): where the trained network shows.
    public func labLeftHidden(_ steps: Int, slide: Int?, canGenerate: Bool) -> String {
        let g = canGenerate ? pick(", and g generates from it", "，按 g 用它生成") : ""
        guard let slide else {
            return pick("left the lab after \(steps) steps: this slide hides ŷ and L\(g); r goes back",
                        "训练 \(steps) 步后离开实验室：这一页不显示 ŷ 和 L\(g)；按 r 复原")
        }
        return pick("left the lab after \(steps) steps: this slide hides ŷ and L; the trained ones show from slide \(slide) (n)\(g); r goes back",
                    "训练 \(steps) 步后离开实验室：这一页不显示 ŷ 和 L；从第 \(slide) 页起（按 n）能看到训练后的网络\(g)；按 r 复原")
    }
    public func labTemperature(_ t: Double) -> String { pick("sample temperature \(Words.short(t))", "采样温度 \(Words.short(t))") }

    /// `Adagrad` / `SGD` / `Adam`
    func optimizerName(_ k: OptimizerKind) -> String {
        switch k {
        case .sgd: return "SGD"
        case .adagrad: return "Adagrad"
        case .adam: return "Adam"
        }
    }

    public func labClip(_ l: TrainingLab) -> String {
        switch l.clip {
        case .off: return pick("off", "关")
        case .elementwise: return "±\(Words.short(l.clipBound))"
        case .norm: return "‖g‖ ≤ \(Words.short(l.clipBound))"
        }
    }

    public func labSetting(_ l: TrainingLab) -> String {
        pick("\(optimizerName(l.optimizer)), lr \(Words.short(l.learningRate)), clip \(labClip(l)), \(labPace(l.stepsPerUpdate)); the run goes on from its weights",
             "\(optimizerName(l.optimizer))，学习率 \(Words.short(l.learningRate))，梯度裁剪 \(labClip(l))，\(labPace(l.stepsPerUpdate))；训练从当前权重继续")
    }

    /// What `x` chose: the lesson's texts or its own sequence alone.
    public func labSequencesSet(_ l: TrainingLab) -> String {
        l.sequences == .texts
            ? pick("sequences: the lesson's texts (\(l.allEpisodes.count)), one per step; the run goes on from its weights",
                   "序列：这一课的训练文本（\(l.allEpisodes.count) 条），每步一条；训练从当前权重继续")
            : pick("sequence: only this lesson's own, every step; the run goes on from its weights",
                   "序列：每一步都只用这一课自己的序列；训练从当前权重继续")
    }

    /// What `u` chose: `1 step per screen update, 10 updates a second` (the small ones are paced
    /// so each update can be watched), `1000 steps per update, as fast as it goes`.
    public func labPace(_ n: Int) -> String {
        if let rate = TrainingLab.pacedUpdatesPerSecond(n) {
            return pick("\(n) step\(n == 1 ? "" : "s") per screen update, \(rate) updates a second",
                        "每次刷新屏幕 \(n) 步，每秒刷新 \(rate) 次")
        }
        return pick("\(n) steps per update, at full speed", "每次刷新 \(n) 步，全速")
    }

    /// `t` in the lab: 100 steps, then paused.
    public func labHundred(_ l: TrainingLab) -> String {
        l.divergence != nil ? labDiverged(l) : pick("trained 100 steps (t); Space runs on", "训练了 100 步（t）；按空格继续")
    }

    /// `w` before any training since the lesson's weights.
    public var labNothingTrained: String {
        pick("nothing trained yet: these are the lesson's weights (Space trains; w then writes them)",
             "还没有训练：这是这一课自己的权重（按空格训练，之后按 w 写入）")
    }

    /// Divergence, in words, with what to try.
    public func labDiverged(_ l: TrainingLab) -> String {
        guard let d = l.divergence else { return "" }
        let rule = l.trainer?.divergenceRule ?? l.gatedTrainer?.divergenceRule
        let perStep = String(format: "%.3g", rule?.recentPerStep ?? .nan)
        let start = String(format: "%.3g", rule?.start ?? .nan)
        let mean = (rule?.recentSteps ?? 1) > 1
        let what = d.reason == .notFinite
            ? pick("the loss became \(d.loss)", "损失变成了 \(d.loss)")
            : mean ? pick("the loss per time step, \(perStep) over the last \(rule?.recentSteps ?? 1) steps, is past 10× its starting value per time step (\(start))",
                          "最近 \(rule?.recentSteps ?? 1) 步每个时间步的损失是 \(perStep)，超过了起点每个时间步损失（\(start)）的 10 倍")
            : pick("the loss jumped to \(Words.short((d.loss * 100).rounded() / 100)) (\(perStep) per time step), past 10× its starting value per time step (\(start))",
                   "损失跳到 \(Words.short((d.loss * 100).rounded() / 100))（每个时间步 \(perStep)），超过了起点每个时间步损失（\(start)）的 10 倍")
        let advice = l.clip == .off ? pick("switch clipping on (c) or halve the learning rate ([)", "打开梯度裁剪（c）或把学习率减半（[）")
            : pick("halve the learning rate ([) or clip harder (v)", "把学习率减半（[）或把裁剪界限调小（v）")
        let at = l.keptStep + d.step - d.keptSteps
        let kept = l.keptStep == l.baseStep
            ? pick("Stopped at the weights it began with (step \(l.keptStep))", "已停止，权重仍是开始时的那一组（第 \(l.keptStep) 步）")
            : pick("Stopped; the weights are step \(l.keptStep)'s, from just before the stop (its loss may be far higher; r goes back)",
                   "已停止；权重是第 \(l.keptStep) 步的，即停下之前的那一组（那时损失可能已经涨了很多：按 r 回到这一课的权重）")
        return pick("diverged at step \(at): \(what). \(kept). Try: \(advice).", "第 \(at) 步发散：\(what)。\(kept)。试试：\(advice)。")
    }

    /// `w` after a divergence stop: what the weights are; the next `w` writes them anyway.
    public func labDivergedSave(_ l: TrainingLab) -> String {
        pick("the run diverged: its weights (step \(l.keptStep)) may be far worse than where it began; nothing written. w again writes them anyway, r goes back to the lesson's weights",
             "这次训练发散了：它的权重（第 \(l.keptStep) 步）可能比开始时差得多；没有写入。再按一次 w 仍然写入，按 r 回到这一课的权重")
    }

    public func labStatus(_ l: TrainingLab, loss: Double?) -> String {
        let state = l.divergence != nil ? pick("stopped", "已停止") : l.running ? pick("running", "运行中") : pick("paused", "已暂停")
        let rate = l.stepsPerSecond.map { pick(" · \(Int($0.rounded())) steps/s", " · 每秒 \(Int($0.rounded())) 步") } ?? ""
        let lossText = loss.map { pick(" · loss \(NumberStyle(digits: 3).format($0))", " · 损失 \(NumberStyle(digits: 3).format($0))") } ?? ""
        return pick("\(state) · step \(l.keptStep)", "\(state) · 第 \(l.keptStep) 步") + rate + lossText
    }

    /// The loss chart's title; `log`: its y axis is on a log scale.
    public func labLossTitle(log: Bool) -> String {
        log ? pick("loss per sequence (log; line: running mean; dots: each step)", "每条序列的损失（对数；线：滑动平均；点：每一步）")
            : pick("loss per sequence (line: running mean; dots: each step)", "每条序列的损失（线：滑动平均；点：每一步）")
    }
    /// The gradient chart's title, with what its dashed line (C) means for the clipping chosen:
    /// with each entry clipped to ±C, a step under the line had no entry clipped (|g_i| ≤ ‖g‖ < C);
    /// with ‖g‖ ≤ C, a step above it was scaled down to C.
    public func labGradientTitle(_ clip: TrainingLab.ClipChoice, bound: Double) -> String {
        clip == .off ? labGradientTitleShort(clip, bound: bound)
            : pick("‖∂L/∂W‖ before clipping", "裁剪前的 ‖∂L/∂W‖") + labGradientTitleShort(clip, bound: bound).dropFirst(7)
    }

    /// The same without "before clipping" (`‖∂L/∂W‖ (log) ╌ C=5: under it, no entry is clipped`);
    /// the chart cuts it at the colon when even that does not fit.
    public func labGradientTitleShort(_ clip: TrainingLab.ClipChoice, bound: Double) -> String {
        let c = Words.short(bound)
        switch clip {
        case .off: return pick("‖∂L/∂W‖ (log), no clipping", "‖∂L/∂W‖（对数），不裁剪")
        case .norm: return pick("‖∂L/∂W‖ (log) ╌ C=\(c): above it, scaled to C",
                                "‖∂L/∂W‖（对数）╌ C=\(c)：线上的缩放到 C")
        case .elementwise: return pick("‖∂L/∂W‖ (log) ╌ C=\(c): under it, no clipping",
                                       "‖∂L/∂W‖（对数）╌ C=\(c)：线下没有裁剪")
        }
    }
    /// The loss chart's titles for a run over one sequence (its line is each step's loss).
    public func labLossTitleOne(log: Bool) -> String {
        log ? pick("loss of the sequence, step by step (log)", "这条序列每一步的损失（对数）") : pick("loss of the sequence, step by step", "这条序列每一步的损失")
    }
    public func labLossTitleOneShort(log: Bool) -> String {
        log ? pick("loss, step by step (log)", "每一步的损失（对数）") : pick("loss, step by step", "每一步的损失")
    }
    public func labLossTitleShort(log: Bool) -> String {
        log ? pick("loss (log; line: mean; dots: each step)", "损失（对数；线：平均；点：每步）") : pick("loss (line: mean; dots: each step)", "损失（线：平均；点：每步）")
    }
    public var labDaTitle: String { pick("‖da<t>‖ over t, this sequence (log)", "这条序列的 ‖da<t>‖，随 t 变化（对数）") }
    public var labDcTitle: String { pick("‖dc<t>‖ over t, this sequence (log)", "这条序列的 ‖dc<t>‖，随 t 变化（对数）") }
    public var labDaTitleShort: String { pick("‖da<t>‖ (log)", "‖da<t>‖（对数）") }
    public var labDcTitleShort: String { pick("‖dc<t>‖ (log)", "‖dc<t>‖（对数）") }
    public var labSamplesTitle: String { pick("samples", "采样") }
}
