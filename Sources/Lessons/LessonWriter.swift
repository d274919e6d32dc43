import Foundation
import RNNCore
import Yams

/// Writes a lesson file for a trained model: the original lesson with explicit `weights`
/// (every number with full round-trip precision, matrices one row per line), a new `notes` line, the title marked as
/// trained, and a one-slide script saying how it was trained. The original slides, their
/// questions and checks are not kept: they describe the untrained numbers.
public enum LessonWriter {
    /// What the trained lesson says about itself: its title and summary, and its one slide.
    public struct Description: Sendable {
        public var title: LocalizedText
        public var summary: LocalizedText
        public var slide: LocalizedText
        /// Who wrote the file, for its first line: `unroll train`, or the training lab.
        public var writtenBy = "`unroll train`"
        public init(title: LocalizedText, summary: LocalizedText, slide: LocalizedText) {
            self.title = title; self.summary = summary; self.slide = slide
        }

        /// `title` with "before training" turned into "after training", else with `suffix`.
        static func trainedTitle(_ title: String, _ before: String, _ after: String, _ suffix: String) -> String {
            title.contains(before) ? title.replacingOccurrences(of: before, with: after) : title + suffix
        }

        /// The usual description: "<title> (trained)", the loss before and after, the command
        /// (`commandZh`: the same in Chinese words, when it is words and not a shell command).
        public static func trained(from lesson: Lesson, steps: Int, command: String, commandZh: String? = nil,
                                   before: Double, after: Double) -> Description {
            let b = String(format: "%.2f", before), a = String(format: "%.2f", after)
            let quotedZh = commandZh ?? "`" + command + "`"
            return Description(
                title: LocalizedText(en: trainedTitle(lesson.title.en, "before training", "after training", " (trained)"),
                                     zh: lesson.title.zh.map { trainedTitle($0, "训练之前", "训练之后", "（训练后）") }),
                summary: LocalizedText(en: "The model of '\(lesson.title.en)' after \(steps) training steps: mean loss per sequence \(b) → \(a)",
                                       zh: "「\(lesson.title.text(.zh))」的模型训练 \(steps) 步之后：每个序列的平均损失 \(b) → \(a)"),
                slide: LocalizedText(
                    en: "These are the weights of '\(lesson.title.en)' after \(steps) steps of training (`\(command)`). The mean loss per training sequence went from \(b) to \(a). Step through the sequence and compare every number with the original lesson; press t to train more, g to generate.",
                    zh: "这是「\(lesson.title.text(.zh))」训练 \(steps) 步之后的权重（\(quotedZh)）。\(lossChangeZh(b, a))。逐步走一遍，和原来那一课的数字对照着看；按 t 继续训练，按 g 生成。"))
        }

        /// "每个训练序列的平均损失从 b 降到 a", 升到 when it grew (a run may make a model worse),
        /// 保持在 when the two read the same.
        static func lossChangeZh(_ b: String, _ a: String) -> String {
            guard let x = Double(b), let y = Double(a), x != y else { return "每个训练序列的平均损失保持在 \(a)" }
            return "每个训练序列的平均损失从 \(b) \(y < x ? "降到" : "升到") \(a)"
        }
    }

    /// The text of the trained lesson, or the original file's problems.
    ///
    /// - Parameters:
    ///   - originalText: the original lesson file's text (`path` is used in messages).
    ///   - params: the trained weights (a<0> included); `shape` the model's sizes and activations.
    ///   - notes: the new `notes` line.
    ///   - inlineTexts: the training texts to write as a list in place of a `texts` file name
    ///     (when the new file is not beside that file); nil keeps `sequence` as it was.
    ///   - optimizerState: the optimizer's memory and step count, written as `model.optimizer_state`.
    ///   - weightsFile: the `.npz` (beside the new file) that holds the weights and the memory
    ///     (`TrainedFiles`); nil writes them in the lesson.
    public static func trained(originalText: String, path: String, shape: Shape, params: Params,
                               optimizerState: OptimizerState? = nil, weightsFile: String? = nil,
                               notes: String, describe: Description, inlineTexts: [String]? = nil) -> Result<String, LessonErrors> {
        render(originalText: originalText, path: path,
               modelLines: model(shape: shape, params: params, state: optimizerState, weightsFile: weightsFile),
               notes: notes, describe: describe, inlineTexts: inlineTexts, keep: nil).map(\.text)
    }

    /// The same for a trained GRU or LSTM.
    public static func trained(originalText: String, path: String, gated: GatedRNN, optimizerState: OptimizerState? = nil,
                               weightsFile: String? = nil, notes: String, describe: Description,
                               inlineTexts: [String]? = nil) -> Result<String, LessonErrors> {
        render(originalText: originalText, path: path, modelLines: model(gated: gated, state: optimizerState, weightsFile: weightsFile),
               notes: notes, describe: describe, inlineTexts: inlineTexts, keep: nil).map(\.text)
    }

    /// The trained lesson's text; with `keep`, the original slides follow the training slide,
    /// less the checks in `keep.dropping`, and `checkLines` says on which line each check is.
    static func render(originalText: String, path: String, modelLines: [String],
                       notes: String, describe: Description, inlineTexts: [String]?,
                       keep: KeptScript?) -> Result<(text: String, checkLines: [Int: CheckRef]), LessonErrors> {
        var checkLines: [Int: CheckRef] = [:]
        let source = SourceText(path: path, text: originalText)
        let root: Node
        switch YamlDocument.compose(originalText, source: source) {
        case .failure(let e): return .failure(e)
        case .success(let node): root = node
        }
        guard case .mapping(let top) = root else {
            return .failure(LessonErrors([source.diagnostic("the lesson must be a mapping", at: source.location(root.mark))]))
        }
        var lines = ["# Written by \(describe.writtenBy) from \(path): trained weights, and one slide about the training."]
        func text(_ t: LocalizedText) -> String {
            "{en: " + YamlEmitter.quoted(t.en) + (t.zh.map { ", zh: " + YamlEmitter.quoted($0) } ?? "") + "}"
        }
        let hasNotes = top.keys.contains { $0.scalar?.string == "notes" }
        let hasSummary = top.keys.contains { $0.scalar?.string == "summary" }
        for (k, value) in top {
            let key = k.scalar?.string ?? ""
            switch key {
            case "title":
                lines.append("title: " + text(describe.title))
            case "summary":
                lines.append("summary: " + text(describe.summary))
            case "notes":
                lines.append("notes: " + YamlEmitter.quoted(notes))
            case "model":
                lines += modelLines
            case "sequence":
                lines.append("sequence:")
                lines += YamlEmitter.mapping(sequenceEntries(value, inlineTexts: inlineTexts), indent: 2)
            case "script":
                lines.append("script:")
                lines.append("  - say: " + text(describe.slide))
                if let keep {
                    lines += KeptScript.trainingSlideShow(value)
                    keptSlides(value, keep, &lines, &checkLines)
                }
            default:
                lines += YamlEmitter.mapping([(key, value)], indent: 0)
            }
            if key == "title" && !hasNotes { lines.append("notes: " + YamlEmitter.quoted(notes)) }
            if key == "title" && !hasSummary { lines.append("summary: " + text(describe.summary)) }
        }
        return .success((lines.joined(separator: "\n") + "\n", checkLines))
    }

    /// The `model:` section with explicit weights (matrices one row per line) and the optimizer state.
    static func model(shape s: Shape, params p: Params, state: OptimizerState? = nil, weightsFile: String? = nil) -> [String] {
        var lines = [
            "model:", "  cell: rnn", "  n_x: \(s.nx)", "  n_a: \(s.na)", "  n_y: \(s.ny)",
            "  g1: \(s.g1.rawValue)", "  g2: \(s.g2.rawValue)",
        ]
        if let weightsFile {   // Waa … a0 and the memory are arrays in the .npz (TrainedFiles)
            lines.append("  weights: {file: \(YamlEmitter.quoted(weightsFile))}")
            if let state, state.fits(s) { lines += optimizerState(state, shape: s, file: weightsFile) }
            return lines
        }
        lines.append("  weights:")
        lines += matrixLines("Waa", p.Waa, indent: 4) + matrixLines("Wax", p.Wax, indent: 4) + matrixLines("Wya", p.Wya, indent: 4)
        lines += ["    ba: " + YamlEmitter.numbers(p.ba), "    by: " + YamlEmitter.numbers(p.by)]
        if p.a0.contains(where: { $0 != 0 }) { lines.append("  a0: " + YamlEmitter.numbers(p.a0)) }
        if let state, state.fits(s) { lines += optimizerState(state, shape: s) }
        return lines
    }

    static func sequenceEntries(_ node: Node, inlineTexts: [String]?) -> [(String, Node)] {
        guard case .mapping(let m) = node else { return [] }
        return m.map { k, v in
            let key = k.scalar?.string ?? ""
            if key == "texts", let inlineTexts {
                return (key, Node.sequence(Node.Sequence(inlineTexts.map { Node.scalar(.init($0, .init(.str), .doubleQuoted)) })))
            }
            return (key, v)
        }
    }
}
