import Foundation
import RNNCore
import Yams

/// A character model's training set (`sequence.texts`): one training sequence per item.
public struct TrainingTexts: Equatable, Sendable {
    /// The texts, without end tokens (see `CharacterCodec.framed`).
    public var items: [String]
    /// The plain-text file they were read from, as written in the lesson; nil when listed inline.
    public var file: String?
    public init(items: [String], file: String? = nil) { self.items = items; self.file = file }
}

/// `texts: [...]` (a list of texts) or `texts: names.txt` (a plain-text file beside the lesson,
/// one text per line, blank lines skipped). Needs vocab and many-to-many; every character in
/// vocab; no newline inside a text (with "\n" in vocab each text becomes "\n" + text + "\n").
extension NodeReader {
    static let maxTexts = 100_000

    func readTexts(_ node: Node, codec: CharacterCodec?, architecture: Architecture?) -> TrainingTexts? {
        if let architecture, architecture != .manyToMany {
            error("texts (training sequences) needs architecture: many-to-many, got \(architecture.rawValue)", at: node)
            return nil
        }
        var texts: TrainingTexts
        var where_: (Int) -> (SourceLocation, String) = { _ in (self.source.location(node.mark), "texts") }
        if case .scalar = node {
            guard let name = string(node, "texts") else { return nil }
            guard let lines = readTextsFile(name, at: node) else { return nil }
            texts = TrainingTexts(items: lines.map(\.text), file: name)
            where_ = { i in (self.source.location(node.mark), "\(name):\(lines[i].line)") }
        } else {
            guard let items = list(node, "texts (a list of texts or a file name)") else { return nil }
            let strings = items.enumerated().map { string($1, "texts[\($0)]") }
            guard !strings.contains(where: { $0 == nil }) else { return nil }
            texts = TrainingTexts(items: strings.compactMap { $0 })
            where_ = { i in (self.source.location(items[i].mark), "texts[\(i)]") }
        }
        if texts.items.isEmpty { error("texts must have at least one text", at: node); return nil }
        if texts.items.count > Self.maxTexts {
            error("texts has \(texts.items.count) texts; at most \(Self.maxTexts)", at: node); return nil
        }
        guard let codec else { return nil }
        let minimum = codec.endTokenIndex == nil ? 2 : 1
        for (i, text) in texts.items.enumerated() {
            let (at, name) = where_(i)
            if let bad = text.first(where: { codec.index(of: $0) == nil || $0 == CharacterCodec.endToken }) {
                let why = bad == CharacterCodec.endToken ? "a text may not contain a newline (one text per line)" : "is not in vocab"
                error("\(name) '\(Vocabulary.label(bad))' \(why)", at: at); return nil
            }
            if text.count < minimum || text.count + 1 > Limits.maxSteps {
                error("\(name) must have \(minimum)…\(Limits.maxSteps - 1) characters, got \(text.count)", at: at); return nil
            }
        }
        return texts
    }

    /// The non-blank lines of a texts file beside the lesson, with their line numbers.
    private func readTextsFile(_ name: String, at node: Node) -> [(line: Int, text: String)]? {
        let dir = (source.path as NSString).deletingLastPathComponent
        let path = name.hasPrefix("/") || dir.isEmpty ? name : dir + "/" + name
        switch YamlDocument.read(path: path) {
        case .failure(let d):
            error("texts file \(path): \(d.message); give a plain-text file beside the lesson, one text per line", at: node)
            return nil
        case .success(let text):
            let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            return lines.enumerated().compactMap { i, line in
                let t = String(line)
                return t.trimmingCharacters(in: .whitespaces).isEmpty ? nil : (i + 1, t)
            }
        }
    }
}
