import Lessons

/// When a binding applies: stepping through the story (browse), in inspect mode, in
/// generation mode, or always.
public enum KeyMode: Equatable, Sendable {
    case browse, inspect, generate, lab, always
    /// The open slide asks for a number and its answer box is open: digits go there.
    case answer
    /// Edit mode on the inspect cursor (the inspect keys still move it).
    case edit
    /// "Continue at slide N?" after reopening a lesson.
    case resume
}

/// One key and the action it sends.
public struct KeyAction: Equatable, Sendable {
    public let key: Key
    public let action: Action
}

/// One line of the key table: the keys, what they do, in both languages. The help box,
/// the footer and the terminal's key mapping all come from `KeyTable.bindings`.
public struct KeyBinding: Equatable, Sendable {
    public enum ID: Equatable, Sendable {
        case next, previous, ends, passes, play, speed, nextSlide, previousSlide, answer
        case inspect, panels, move, scroll, escape, scale, train, reset, generate, generateNext, temperature, help, quit
        case typeAnswer, edit, nudge, resume
        case labRun, labSettings
        case labOptimizer, labRate, labClip, labBound, labSteps, labSequences, labTemperature, labSave, labReset, labLeave
    }
    public let id: ID
    public let mode: KeyMode
    public let keys: [KeyAction]
    /// The keys as shown: `→ l`, `1…9`.
    public let label: String
    public let en: String
    public let zh: String

    public func text(_ language: Language) -> String { language == .en ? en : zh }
}

/// A key (or keys) and what it does, ready to draw.
public struct KeyHint: Equatable, Sendable {
    public var keys: String
    public var text: String
    /// Fewer words for a footer that does not fit (nil: the same).
    public var short: String?
    public init(keys: String, text: String, short: String? = nil) { self.keys = keys; self.text = text; self.short = short }
}

public enum KeyTable {
    private static func b(_ id: KeyBinding.ID, _ mode: KeyMode, _ keys: [(Key, Action)], _ label: String? = nil,
                          _ en: String, _ zh: String) -> KeyBinding {
        KeyBinding(id: id, mode: mode, keys: keys.map { KeyAction(key: $0.0, action: $0.1) },
                   label: label ?? keys.map { $0.0.name }.joined(separator: " "), en: en, zh: zh)
    }

    public static let bindings: [KeyBinding] = [
        b(.next, .browse, [(.right, .nextStep), (.char("l"), .nextStep)], nil, "next step", "下一步"),
        b(.previous, .browse, [(.left, .previousStep), (.char("h"), .previousStep)], nil, "previous step", "上一步"),
        b(.ends, .always, [(.home, .firstStep), (.end, .lastStep)], nil, "first / last step", "跳到第一步 / 最后一步"),
        b(.passes, .always, [(.char("f"), .startForward), (.char("b"), .startBackward)], nil,
          "start of the forward / backward pass", "跳到前向 / 反向传播的开头"),
        b(.play, .always, [(.space, .togglePlay)], nil, "play / pause", "播放 / 暂停"),
        b(.speed, .always, [(.char("+"), .faster), (.char("="), .faster), (.char("-"), .slower)], "+ -",
          "faster / slower (0.25 to 4 steps per second)", "加快 / 减慢（每秒 0.25 到 4 步）"),
        b(.nextSlide, .always, [(.char("n"), .nextSlide), (.pageDown, .nextSlide), (.enter, .nextSlide)], nil,
          "next slide", "下一页"),
        b(.previousSlide, .always, [(.char("p"), .previousSlide), (.pageUp, .previousSlide)], nil,
          "previous slide", "上一页"),
        b(.answer, .always, (1...9).map { (Key.char(Character(String($0))), Action.answer($0)) }, "1…9",
          "answer the question", "回答问题"),
        b(.inspect, .always, [(.char("i"), .toggleInspect)], nil,
          "inspect: where does this number come from?", "查看：这个数是怎么算出来的？"),
        b(.panels, .inspect, [(.tab, .nextPanel), (.backTab, .previousPanel)], nil,
          "next / previous panel", "下一个 / 上一个面板"),
        b(.move, .inspect, [(.up, .moveUp), (.down, .moveDown), (.left, .moveLeft), (.right, .moveRight),
                            (.char("k"), .moveUp), (.char("j"), .moveDown), (.char("h"), .moveLeft), (.char("l"), .moveRight)],
          "↑↓←→ hjkl", "move within the matrix", "在矩阵里移动"),
        b(.scroll, .browse, [(.char("j"), .scrollDown), (.char("k"), .scrollUp)], nil,
          "scroll the panel down / up", "面板向下 / 向上滚动"),
        b(.escape, .always, [(.escape, .escape)], nil, "close the box / leave inspect", "关闭窗口 / 退出查看"),
        b(.scale, .always, [(.char("s"), .toggleScale)], nil,
          "colour scale: all steps / this step", "颜色刻度：所有时间步 / 仅当前步"),
        b(.train, .always, [(.char("t"), .train), (.char("T"), .lab(.toggle))], nil,
          "train 100 steps (t) / the training lab (T)", "训练 100 步（t）/ 训练实验室（T）"),
        b(.reset, .always, [(.char("r"), .resetTraining)], nil,
          "back to the lesson's starting weights", "回到这一课的初始权重"),
        b(.generate, .always, [(.char("g"), .toggleGeneration)], nil,
          "generation mode on / off (seed 0)", "生成模式 开 / 关（种子 0）"),
        b(.generateNext, .generate, [(.right, .generateNext), (.char("l"), .generateNext)], nil,
          "next generated character", "生成下一个字符"),
        b(.temperature, .generate, [(.char(">"), .hotter), (.char("<"), .cooler)], "< >",
          "temperature 0 to 2 (default 1)", "温度 0 到 2（默认 1）"),
        b(.labRun, .lab, [(.space, .lab(.run)), (.char("t"), .lab(.hundred))], "Space", "run / pause training", "开始 / 暂停训练"),
        b(.labOptimizer, .lab, [(.char("o"), .lab(.optimizer))], nil, "optimizer: SGD, Adagrad, Adam", "优化器：SGD、Adagrad、Adam"),
        b(.labRate, .lab, [(.char("["), .lab(.slowerRate)), (.char("]"), .lab(.fasterRate))], "[ ]",
          "learning rate ÷2 / ×2", "学习率 ÷2 / ×2"),
        b(.labClip, .lab, [(.char("c"), .lab(.clip))], nil,
          "clipping: off, each entry to ±C, ‖g‖ ≤ C", "梯度裁剪：关、每个分量限制在 ±C、‖g‖ ≤ C"),
        b(.labBound, .lab, [(.char("v"), .lab(.clipBound))], nil, "the clip bound C", "裁剪界限 C"),
        b(.labSteps, .lab, [(.char("u"), .lab(.stepsPerUpdate))], nil,
          "steps per screen update (1, 10, 100, 1000)", "每次刷新屏幕的步数（1、10、100、1000）"),
        b(.labSequences, .lab, [(.char("x"), .lab(.sequences))], nil,
          "the lesson's texts / only its own sequence", "这一课的 texts / 只用它自己的序列"),
        b(.labTemperature, .lab, [(.char("<"), .lab(.cooler)), (.char(">"), .lab(.hotter))], "< >",
          "sample temperature", "采样温度"),
        b(.labSave, .lab, [(.char("w"), .lab(.save))], nil,
          "write the trained lesson to a new file", "把训练后的课写入新文件"),
        b(.labReset, .lab, [(.char("r"), .lab(.reset))], nil, "back to the lesson's weights", "回到这一课的权重"),
        b(.labLeave, .lab, [(.escape, .lab(.toggle))], nil, "leave the lab (as T)", "离开实验室（同 T）"),
        b(.typeAnswer, .answer, Array("0123456789-.e").map { (Key.char($0), Action.typeAnswer($0)) }
            + [(.char(","), .typeAnswer(".")),   // a decimal comma (0,61) is a decimal point
               (.backspace, .eraseAnswer), (.enter, .submitAnswer)], "0-9 ⌫ ↵",
          "answer box, - . e too", "答案框（含 - . e）"),
        b(.edit, .always, [(.char("e"), .toggleEdit)], nil,
          "edit mode (inspect)", "编辑光标处的数"),
        b(.nudge, .edit, [(.char("+"), .nudgeUp), (.char("="), .nudgeUp), (.char("-"), .nudgeDown),
                          (.char("["), .biggerStep), (.char("]"), .smallerStep),
                          (.char("0"), .resetEntry), (.backspace, .resetEdits)], "+-[]0⌫",
          "nudge, step, undo", "增减、步长、复原"),
        b(.resume, .resume, [(.enter, .resumeProgress), (.escape, .startOver)], "↵ Esc",
          "continue / anew", "继续 / 从头开始"),
        b(.help, .always, [(.char("?"), .toggleHelp)], nil, "help", "帮助"),
        b(.quit, .always, [(.char("q"), .quit)], nil, "quit", "退出"),
    ]

    public static func binding(_ id: KeyBinding.ID) -> KeyBinding? { bindings.first { $0.id == id } }

    /// The action of `key` in `mode` (browse, inspect or generate), or nil when it does
    /// nothing. The mode's own bindings win over the ones that always apply (in inspect mode
    /// the arrows move the cursor, in generation mode → draws the next character).
    public static func action(for key: Key, in current: KeyMode) -> Action? {
        let modes: [KeyMode] = current == .edit ? [.edit, .inspect, .always] : [current, .always]
        for mode in modes {
            for b in bindings where b.mode == mode {
                if let k = b.keys.first(where: { $0.key == key }) { return k.action }
            }
        }
        return nil
    }

    /// Every binding, for the help box; inspect-mode lines say so. In the lab (`lab: true`) the
    /// box lists the lab's keys, one line each, and the keys that still work there.
    public static func help(_ language: Language, lab: Bool = false) -> [KeyHint] {
        if lab { return labHelp(language) }
        let w = Words(language)
        return bindings.filter { $0.mode != .lab }.map { b in
            let prefix = b.mode == .inspect ? w.inInspect : b.mode == .generate ? w.inGenerate
                : ""   // the answer box and edit mode say so in their own words
            return KeyHint(keys: b.label, text: prefix + b.text(language))
        }
    }
}

extension ExplorerState {
    /// The action of a key in the current state (the terminal calls this).
    public func action(for key: Key) -> Action? {
        if helpOpen && key == .escape { return .escape }   // Esc closes the help box first (in the lab too)
        if keyMode == .browse, typedPending, student.boxClosed, let a = Self.reopeningAction(key, box: student.box) { return a }
        // the box open: → ← (and l h) say why the story does not move, rather than nothing
        if keyMode == .answer, [.right, .left, .char("l"), .char("h")].contains(key) { return .answerFirst }
        return KeyTable.action(for: key, in: keyMode)
    }

    /// The answer box closed by Esc: the keys that start or carry on a number go back to it
    /// (`0`, `-`, `.`; 1…9 do through `.answer`; ⌫ when something is typed). `e` keeps its
    /// meaning (edit mode): a number does not start with it.
    static func reopeningAction(_ key: Key, box: String) -> Action? {
        switch key {
        case .char("0"): return .typeAnswer("0")
        case .char("-"): return .typeAnswer("-")
        case .char("."), .char(","): return .typeAnswer(".")
        case .backspace where !box.isEmpty: return .eraseAnswer
        default: return nil
        }
    }

    /// The mode whose bindings apply now.
    public var keyMode: KeyMode {
        if student.resumeOffer != nil { return .resume }
        if answerBoxActive { return .answer }
        if inspect != nil { return student.editing ? .edit : .inspect }
        return generation != nil ? .generate : lab != nil ? .lab : .browse
    }

    /// The keys that matter right now, for the footer.
    public var footer: [KeyHint] {
        var ids: [KeyBinding.ID]
        if helpOpen { ids = [.help, .escape, .quit] }
        else if student.resumeOffer != nil { ids = [.resume, .quit] }
        else if answerBoxActive { ids = [.typeAnswer, .escape, .help] }
        else if inspect != nil && student.editing {
            ids = editableEntry == nil ? [.move, .panels, .edit, .escape] : [.nudge, .move, .edit, .escape]   // a target: nothing to nudge
        }
        else if inspect != nil { ids = [.move, .panels, .edit, .next, .escape, .help] }
        else if generation != nil { ids = [.generateNext, .temperature, .train, .generate, .nextSlide, .help, .quit] }
        else if lab != nil { ids = [.labRun, .labSettings, .labSave, .labReset, .labLeave, .quit, .help] }
        else if typedPending { ids = [.typeAnswer, .nextSlide, .help, .quit] }   // the box closed by Esc
        else if questionPending { ids = [.answer, .nextSlide, .help, .quit] }
        else { return browseFooter }
        return ids.compactMap { id in
            if let lab = KeyTable.labFooterHint(id, language) { return lab }
            guard let b = KeyTable.binding(id) else { return nil }
            var hint = KeyHint(keys: b.label, text: b.text(language))
            if id == .answer, let n = currentSlide?.ask?.choices.count, n >= 1 { hint.keys = n == 1 ? "1" : "1…\(n)" }
            if id == .typeAnswer && !answerBoxActive { hint = KeyHint(keys: "0-9 - .", text: words.backToAnswerBox) }
            else if id == .typeAnswer { hint.text = words.digitsToAnswerBox }
            if id == .edit { hint.text = words.editHint }
            if id == .escape && answerBoxActive { hint.text = words.leaveAnswerBox }
            if id == .next && inspect != nil { hint = KeyHint(keys: "Home End f b n p", text: words.stepWhileInspecting) }
            return hint
        }
    }
}
