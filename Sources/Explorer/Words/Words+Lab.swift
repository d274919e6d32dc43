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
        pick("\(optimizerName(l.optimizer)), lr \(Words.short(l.learningRate)), clip \(labClip(l)), \(l.stepsPerUpdate) steps per update; the run goes on from its weights",
             "\(optimizerName(l.optimizer))，学习率 \(Words.short(l.learningRate))，梯度裁剪 \(labClip(l))，每次刷新 \(l.stepsPerUpdate) 步；训练从当前权重继续")
    }

    /// Divergence, in words, with what to try.
    public func labDiverged(_ l: TrainingLab) -> String {
        guard let d = l.divergence else { return "" }
        let what = d.reason == .notFinite
            ? pick("the loss became \(d.loss)", "损失变成了 \(d.loss)")
            : pick("the loss jumped to \(Words.short((d.loss * 100).rounded() / 100)), past 10× where it started",
                   "损失跳到 \(Words.short((d.loss * 100).rounded() / 100))，超过了起点的 10 倍")
        let advice = l.clip == .off ? pick("switch clipping on (c) or halve the learning rate ([)", "打开梯度裁剪（c）或把学习率减半（[）")
            : pick("halve the learning rate ([) or clip harder (v)", "把学习率减半（[）或把裁剪界限调小（v）")
        return pick("diverged at step \(l.steps): \(what). Stopped, with the last good weights (step \(l.steps - d.step + d.keptSteps)). Try: \(advice).",
                    "第 \(l.steps) 步发散：\(what)。已停止，保留最后一组好的权重（第 \(l.steps - d.step + d.keptSteps) 步）。试试：\(advice)。")
    }

    public func labStatus(_ l: TrainingLab, loss: Double?) -> String {
        let state = l.divergence != nil ? pick("stopped", "已停止") : l.running ? pick("running", "运行中") : pick("paused", "已暂停")
        let rate = l.stepsPerSecond.map { pick(" · \(Int($0.rounded())) steps/s", " · 每秒 \(Int($0.rounded())) 步") } ?? ""
        let lossText = loss.map { pick(" · loss \(NumberStyle(digits: 3).format($0))", " · 损失 \(NumberStyle(digits: 3).format($0))") } ?? ""
        return pick("\(state) · step \(l.steps)", "\(state) · 第 \(l.steps) 步") + rate + lossText
    }

    public var labLossTitle: String { pick("loss per sequence (line: running mean; dots: each step)", "每条序列的损失（线：滑动平均；点：每一步）") }
    /// The gradient chart's title, with what its dashed line (C) means for the clipping chosen.
    public func labGradientTitle(_ clip: TrainingLab.ClipChoice) -> String {
        switch clip {
        case .off: return pick("‖∂L/∂W‖ before clipping (log)", "裁剪前的 ‖∂L/∂W‖（对数）")
        case .norm: return pick("‖∂L/∂W‖ unclipped (log)  ╌ C: scaled down above",
                                "裁剪前 ‖∂L/∂W‖（对数）╌ C：其上缩放到 C")
        case .elementwise: return pick("‖∂L/∂W‖ unclipped (log)  ╌ C: none clipped below",
                                       "裁剪前 ‖∂L/∂W‖（对数）╌ C：其下无分量被裁剪")
        }
    }
    public var labLossTitleShort: String { pick("loss (line: mean; dots: each step)", "损失（线：平均；点：每步）") }
    public var labGradientTitleShort: String { pick("‖∂L/∂W‖ unclipped (log) ╌ C", "裁剪前 ‖∂L/∂W‖（对数）╌ C") }
    public var labDaTitle: String { pick("‖da<t>‖ over t, this sequence (log)", "这条序列的 ‖da<t>‖，随 t 变化（对数）") }
    public var labDcTitle: String { pick("‖dc<t>‖ over t, this sequence (log)", "这条序列的 ‖dc<t>‖，随 t 变化（对数）") }
    public var labDaTitleShort: String { pick("‖da<t>‖ (log)", "‖da<t>‖（对数）") }
    public var labDcTitleShort: String { pick("‖dc<t>‖ (log)", "‖dc<t>‖（对数）") }
    public var labSamplesTitle: String { pick("samples", "采样") }
}
