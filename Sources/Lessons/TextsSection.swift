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
        // where text i is, worked out only for a text with a problem (so loading stays linear):
        // its place in the lesson (offset: the character within it) and its name in messages
        var place: (Int, Int) -> (SourceLocation, String) = { _, _ in (self.source.location(node.mark), "texts") }
        if case .scalar = node {
            guard let name = string(node, "texts") else { return nil }
            guard let lines = readTextsFile(name, at: node) else { return nil }
            texts = TrainingTexts(items: lines.map(\.text), file: name)
            place = { i, _ in (self.source.location(node.mark), "\(name):\(lines[i].line)") }
        } else {
            guard let items = list(node, "texts (a list of texts or a file name)") else { return nil }
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if let s = string(item, "texts[\(i)]") { strings.append(s) }
            }
            guard strings.count == items.count else { return nil }
            texts = TrainingTexts(items: strings)
            place = { i, offset in (self.source.location(in: items[i], offset: offset), "texts[\(i)]") }
        }
        if texts.items.isEmpty { error("texts must have at least one text", at: node); return nil }
        if texts.items.count > Self.maxTexts {
            error("texts has \(texts.items.count) texts; at most \(Self.maxTexts)", at: node); return nil
        }
        guard let codec else { return nil }
        let minimum = codec.endTokenIndex == nil ? 2 : 1
        var ok = true
        for (i, text) in texts.items.enumerated() {
            if let bad = text.firstIndex(where: { codec.index(of: $0) == nil || $0 == CharacterCodec.endToken }) {
                let c = text[bad]
                let why = c == CharacterCodec.endToken ? "a text may not contain a newline (one text per line)" : "is not in vocab"
                let offset = text.distance(from: text.startIndex, to: bad)
                error("\(place(i, offset).1) '\(Vocabulary.label(c))' \(why)", at: place(i, offset).0)
                ok = false
            } else if text.count < minimum || text.count + 1 > Limits.maxSteps {
                error("\(place(i, 0).1) must have \(minimum)…\(Limits.maxSteps - 1) characters, got \(text.count)", at: place(i, 0).0)
                ok = false
            }
        }
        return ok ? texts : nil
    }

    /// The non-blank lines of a texts file beside the lesson, with their line numbers.
    private func readTextsFile(_ name: String, at node: Node) -> [(line: Int, text: String)]? {
        let dir = (source.path as NSString).deletingLastPathComponent
        let path = name.hasPrefix("/") || dir.isEmpty ? name : dir + "/" + name
        companions.append(path)
        switch YamlDocument.read(path: path, regularOnly: true) {
        case .failure(let d):
            var hint = ""
            if d.message == "no such file", !name.contains("/"),
               let beside = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir),
               let guess = Suggestions.closest(to: name, in: beside.filter { !$0.hasPrefix(".") }.sorted()) {
                hint = " (did you mean \(guess)?)"
            }
            error("texts file \(path): \(d.message)\(hint); give a plain-text file beside the lesson, one text per line", at: node)
            return nil
        case .success(let text):
            let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            return lines.enumerated().compactMap { i, line in
                let t = String(line)
                return t.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) ? nil : (i + 1, t)   // blank lines are skipped
            }
        }
    }
}
