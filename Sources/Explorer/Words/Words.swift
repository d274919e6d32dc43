import Lessons
import RNNCore

/// Every fixed string of the explorer's screen, in English and Chinese. Inspect phrases
/// are in `Words+Inspect.swift`; key descriptions live with the keys in `KeyTable`.
public struct Words: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    func perSecond(_ v: Double) -> String {
        let n = v == v.rounded() ? String(Int(v)) : String(v)
        return pick(v == 1 ? "\(n) step per second" : "\(n) steps per second", "每秒 \(n) 步")
    }

    // header
    public func phase(_ p: Phase) -> String {
        switch p {
        case .forward: return pick("forward", "前向传播")
        case .backward: return pick("backward", "反向传播")
        }
    }
    public func stepText(_ p: StoryPosition, T: Int) -> String { "\(phase(p.phase)) t = \(p.t) / \(T)" }
    public func slideText(_ i: Int, of n: Int) -> String { pick("slide \(i) / \(n)", "第 \(i) / \(n) 页") }
    public var helpHint: String { pick("? help", "? 帮助") }
    /// The loss's name on the panel's arrow, as the notes write it.
    var crossEntropy: String { pick("cross-entropy", "交叉熵") }
    func slideBeforeTraining(_ steps: Int) -> String {
        pick("(This text quotes the lesson's own weights; the screen shows them after \(steps) training steps. r goes back.)",
             "（这段文字里的数字来自本课原来的权重；屏幕上是训练 \(steps) 步之后的数字。按 r 回到原来的权重。）")
    }
    func alreadyAnswered(_ n: Int) -> String {
        pick("you answered \(n) already: the first answer counts", "你已经选了 \(n)：以第一次回答为准")
    }
    func zeroTermsLeftOut(_ k: Int) -> String {
        pick(k == 1 ? "(1 term with a factor 0 left out)" : "(\(k) terms with a factor 0 left out)", "（省略了 \(k) 个含 0 因子的项）")
    }
    public func playText(_ playing: Bool, _ speed: Double) -> String {
        playing ? pick("playing, ", "播放中，") + perSecond(speed) : pick("paused, ", "已暂停，") + perSecond(speed)
    }
    public var scaleFixedLegend: String { pick("colours: fixed over all steps", "颜色：所有时间步统一刻度") }
    public var scalePerStepLegend: String { pick("colours: this step only", "颜色：仅按当前时间步") }
    public var forwardPanelTitle: String { pick("forward", "前向传播") }
    public var backwardPanelTitle: String { pick("backward", "反向传播") }
    public var helpTitle: String { pick("Keys", "按键说明") }
    public var hidden: String { pick("hidden until you answer", "回答后才显示") }

    // status messages
    public var noBackward: String {
        pick("no backward pass: this lesson has no targets, so there is no loss to differentiate",
             "没有反向传播：这一课没有目标值 y，也就没有损失可以求导")
    }
    public func noSuchStep(_ t: Int, _ T: Int) -> String { pick("there is no step \(t) (steps 1…\(T))", "没有第 \(t) 步（共 1…\(T) 步）") }
    public var atStart: String { pick("already at the first step", "已经是第一步了") }
    public var atEnd: String { pick("end of the story: Home starts again", "已经走到最后一步：按 Home 回到开头") }
    public var playStoppedAtForwardEnd: String {
        pick("end of the forward pass: this slide does not show the backward pass yet",
             "前向传播结束：这一页还没有讲到反向传播")
    }
    public func jumped(_ place: String) -> String { pick("jumped to ", "跳到") + place }
    public var firstStep: String { pick("the first step", "第一步") }
    public var lastStep: String { pick("the last step", "最后一步") }
    public var startForward: String { pick("the start of the forward pass", "前向传播的开头") }
    public var startBackward: String { pick("the start of the backward pass (t = T)", "反向传播的开头（t = T）") }
    public func playing(_ v: Double) -> String { pick("playing, ", "播放中，") + perSecond(v) }
    public var paused: String { pick("paused", "已暂停") }
    public func speedIs(_ v: Double) -> String { pick("speed: ", "速度：") + perSecond(v) }
    public func speedLimit(_ v: Double) -> String { pick("speed stays at ", "速度已到极限：") + perSecond(v) }
    public var noSlides: String { pick("this lesson has no slides", "这一课没有讲解页") }
    public var lastSlide: String { pick("this is the last slide", "已经是最后一页") }
    public var firstSlide: String { pick("this is the first slide", "已经是第一页") }
    public var nothingAsked: String { pick("this slide asks no question", "这一页没有提问") }
    public func chooseBetween(_ n: Int) -> String {
        n == 0 ? pick("this question has no choices", "这道题没有选项") : pick("answer with a number from 1 to \(n)", "请按 1 到 \(n) 之间的数字作答")
    }
    public var right: String { pick("Right!", "答对了！") }
    public func wrong(_ answer: Int) -> String { pick("Not quite: the answer is \(answer).", "不对哦，正确答案是 \(answer)。") }
    public var leftInspect: String { pick("left inspect mode", "已退出查看模式") }
    public var enteredInspect: String { pick("inspect: arrows move, Tab next panel, Esc leaves", "查看模式：方向键移动，Tab 换面板，Esc 退出") }
    public var nothingToInspect: String { pick("nothing to inspect here yet", "这里还没有可以查看的数") }
    public var notInspecting: String { pick("press i first to inspect", "请先按 i 进入查看模式") }
    public var edge: String { pick("edge of the matrix", "已到矩阵边缘") }
    public var onePanel: String { pick("only one panel to inspect", "只有一个面板可以查看") }
    public var nothingToClose: String { pick("nothing to close", "没有可以关闭的") }
    public var scalePerStep: String { pick("colour scale: this step only", "颜色刻度：仅按当前时间步") }
    public var scaleFixed: String { pick("colour scale: fixed over all steps", "颜色刻度：所有时间步统一") }

    // panel notes
    public func noOutput(_ t: Int) -> String { pick("step \(t) has no output", "第 \(t) 步没有输出") }
    public func noTarget(_ t: Int) -> String { pick("step \(t) has no target, so no loss", "第 \(t) 步没有目标值，所以没有损失") }
    public func noInput(_ t: Int) -> String { pick("step \(t) has no input: x<\(t)> = 0", "第 \(t) 步没有输入：x<\(t)> = 0") }
    public func noTargetBackward(_ t: Int) -> String {
        pick("step \(t) has no target: dy<\(t)> = 0, nothing flows in from the output",
             "第 \(t) 步没有目标值：dy<\(t)> = 0，输出端没有梯度流入")
    }
    public func handedBack(_ t: Int) -> String {
        t > 1 ? pick("handed to step \(t - 1) as da_next<\(t - 1)>", "传给第 \(t - 1) 步，作为 da_next<\(t - 1)>")
              : pick("this is da<0>, the gradient of a<0>", "这就是 da<0>，即 a<0> 的梯度")
    }
    public func sumOfSteps(_ T: Int, _ t: Int) -> String {
        T == t ? pick("after step \(t)", "第 \(t) 步之后") : pick("sum of steps \(T)…\(t)", "第 \(T)…\(t) 步之和")
    }
}

extension Words {
    var inInspect: String { pick("(inspect) ", "（查看模式）") }
    var inGenerate: String { pick("(generate) ", "（生成模式）") }
    var inLab: String { pick("(lab) ", "（实验室）") }
    var stepWhileInspecting: String { pick("move in time", "切换时间步") }
}
