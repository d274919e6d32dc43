import Foundation
import RNNCore
import Yams

/// Writes a lesson file for a trained model: the original lesson with explicit `weights`
/// (every number with full round-trip precision), a new `notes` line, and the script kept
/// without its `check` lines (the claims were about the untrained numbers).
public enum LessonWriter {
    /// The text of the trained lesson, or the original file's problems.
    ///
    /// - Parameters:
    ///   - originalText: the original lesson file's text (`path` is used in messages).
    ///   - params: the trained weights (a<0> included); `shape` the model's sizes and activations.
    ///   - notes: the new `notes` line.
    ///   - inlineTexts: the training texts to write as a list in place of a `texts` file name
    ///     (when the new file is not beside that file); nil keeps `sequence` as it was.
    public static func trained(originalText: String, path: String, shape: Shape, params: Params,
                               notes: String, inlineTexts: [String]? = nil) -> Result<String, LessonErrors> {
        let source = SourceText(path: path, text: originalText)
        let root: Node
        switch YamlDocument.compose(originalText, source: source) {
        case .failure(let e): return .failure(e)
        case .success(let node): root = node
        }
        guard case .mapping(let top) = root else {
            return .failure(LessonErrors([source.diagnostic("the lesson must be a mapping", at: source.location(root.mark))]))
        }
        var lines = ["# Written by `unroll train` from \(path). Trained weights; the script's checks were removed."]
        let hasNotes = top.keys.contains { $0.scalar?.string == "notes" }
        for (k, value) in top {
            let key = k.scalar?.string ?? ""
            switch key {
            case "notes":
                lines.append("notes: " + YamlEmitter.quoted(notes))
            case "model":
                lines += model(shape: shape, params: params)
            case "sequence":
                lines.append("sequence:")
                lines += YamlEmitter.mapping(sequenceEntries(value, inlineTexts: inlineTexts), indent: 2)
            case "script":
                lines.append("script:")
                lines += YamlEmitter.block(withoutChecks(value), indent: 2)
            default:
                lines += YamlEmitter.mapping([(key, value)], indent: 0)
            }
            if key == "title" && !hasNotes { lines.append("notes: " + YamlEmitter.quoted(notes)) }
        }
        return .success(lines.joined(separator: "\n") + "\n")
    }

    /// The `model:` section with explicit weights.
    static func model(shape s: Shape, params p: Params) -> [String] {
        func rows(_ m: Matrix) -> String { "[" + m.rowArrays.map(YamlEmitter.numbers).joined(separator: ", ") + "]" }
        var lines = [
            "model:", "  cell: rnn", "  n_x: \(s.nx)", "  n_a: \(s.na)", "  n_y: \(s.ny)",
            "  g1: \(s.g1.rawValue)", "  g2: \(s.g2.rawValue)", "  weights:",
            "    Waa: " + rows(p.Waa), "    Wax: " + rows(p.Wax), "    Wya: " + rows(p.Wya),
            "    ba: " + YamlEmitter.numbers(p.ba), "    by: " + YamlEmitter.numbers(p.by),
        ]
        if p.a0.contains(where: { $0 != 0 }) { lines.append("  a0: " + YamlEmitter.numbers(p.a0)) }
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

    /// The script with every slide's `check` removed.
    static func withoutChecks(_ script: Node) -> Node {
        guard case .sequence(let slides) = script else { return script }
        return .sequence(Node.Sequence(slides.map { slide in
            guard case .mapping(let m) = slide else { return slide }
            return .mapping(Node.Mapping(m.filter { $0.key.scalar?.string != "check" }))
        }))
    }
}
