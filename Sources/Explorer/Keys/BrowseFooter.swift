import Lessons

/// The footer while stepping through the story: every key that acts in this lesson now, in
/// short words so that they fit at 80 columns (the help box has the long ones). Training (`t T`)
/// and generation (`g`) are listed only where the lesson can train or generate.
extension ExplorerState {
    var browseFooter: [KeyHint] {
        let w = words
        var hints = [KeyHint(keys: "→←", text: w.footerStep), KeyHint(keys: "Space", text: w.footerPlay),
                     KeyHint(keys: "n p", text: w.footerSlide), KeyHint(keys: "i", text: w.footerInspect)]
        if lesson.canTrain { hints.append(KeyHint(keys: "t T", text: w.footerTrain)) }
        if generationProblem == nil { hints.append(KeyHint(keys: "g", text: w.footerGenerate, short: w.footerGenerateShort)) }
        hints.append(KeyHint(keys: "q", text: w.footerQuit))
        if trace.hasBackward && position.phase == .forward { hints.append(KeyHint(keys: "f b", text: w.footerPasses)) }
        hints.append(KeyHint(keys: "?", text: w.footerHelp))
        return hints
    }
}

extension Words {
    var footerStep: String { pick("step", "单步") }
    var footerPlay: String { pick("play", "播放") }
    var footerSlide: String { pick("slide", "翻页") }
    var footerInspect: String { pick("inspect", "查看") }
    var footerTrain: String { pick("train", "训练") }
    var footerGenerate: String { pick("generate", "生成") }
    /// At 80 columns, so that `n p` and `t T` keep both their keys.
    var footerGenerateShort: String { pick("sample", "生成") }
    var footerPasses: String { pick("pass", "前向/反向") }
    var footerHelp: String { pick("help", "帮助") }
    var footerQuit: String { pick("quit", "退出") }
}
