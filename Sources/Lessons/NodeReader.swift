import Yams

/// Reads typed values out of a Yams node tree, collecting every problem as a diagnostic at
/// the node's place (reading goes on after a problem, so all of a file's problems are found).
final class NodeReader {
    let source: SourceText
    /// Every problem found so far, capped (see `DiagnosticList`).
    private(set) var found = DiagnosticList()
    var diagnostics: [Diagnostic] { found.items }
    /// Keys already suggested for a misspelt key ("did you mean g1?"), per mapping: not reported again as missing.
    private var suggested: Set<String> = []

    /// The model's sizes that were read correctly, even when the rest of the shape is wrong
    /// (so that a misspelt g1 does not hide a wrong-sized Waa).
    var sizes: (nx: Int?, na: Int?, ny: Int?) = (nil, nil, nil)
    /// The files read besides the lesson (texts, numpy weights), as paths (`Lesson.companionFiles`).
    var companions: [String] = []

    /// Notes for the author (`Diagnostic.isNote`), printed by `unroll check`, never fatal.
    private(set) var notes: [Diagnostic] = []

    /// Rows of numbers read before YAML (see `NumberRows`): `matrix` and `vector` take an empty
    /// list on such a line as those numbers.
    var numberRows = NumberRows()

    init(source: SourceText) { self.source = source }

    /// Records a note at `node` (`unroll check` prints it; the lesson still loads and passes).
    func note(_ message: String, at node: Node) {
        var d = source.diagnostic(message, at: source.location(node.mark))
        d.isNote = true
        notes.append(d)
    }

    func error(_ message: String, at node: Node) { error(message, at: self.source.location(node.mark)) }

    /// Records a problem of the whole file (no line: one line on the screen).
    func errorWithoutPlace(_ message: String) {
        found.add(message) { Diagnostic(path: source.path, location: nil, message: message) }
    }

    /// Records a problem; its place is only worked out when it is shown (see `DiagnosticList`).
    func error(_ message: String, at location: @autoclosure () -> SourceLocation) {
        found.add(message) { source.diagnostic(message, at: location()) }
    }

    /// A short description of what a node is, for "got …" in messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty && s.style == .plain ? "nothing" : "'\(Sanitizer.screenLine(s.string).prefix(40))'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// The entries of a mapping, by key. Keys not in `known` are reported (with a suggestion
    /// when one is close). Nil, with an error, when `node` is not a mapping.
    func fields(_ node: Node, of name: String, known: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("\(name) must be a mapping (key: value lines), got \(describe(node))", at: node)
            return nil
        }
        var fields = Fields(node: node, name: name)
        for (key, value) in mapping {
            guard let text = key.scalar?.string else {
                error("keys in \(name) must be plain names, got \(describe(key))", at: key); continue
            }
            guard known.contains(text) else {
                let shown = Sanitizer.screenLine(text)
                if let guess = Suggestions.closest(to: text, in: known) {
                    suggested.insert("\(name).\(guess)")
                    error("unknown key '\(shown)' in \(name); did you mean \(guess)?", at: key)
                } else {
                    error("unknown key '\(shown)' in \(name) (known: \(known.joined(separator: ", ")))", at: key)
                }
                continue
            }
            fields.entries[text] = (key, value)
        }
        return fields
    }

    /// `fields[key]`, or nil with "NAME needs KEY (WHAT)" at the mapping.
    func require(_ fields: Fields, _ key: String, _ what: String) -> Node? {
        if let node = fields[key] { return node }
        if suggested.contains("\(fields.name).\(key)") { return nil }
        error("\(fields.name) needs \(key) (\(what))", at: fields.node)
        return nil
    }

    /// Text from a scalar (any style), not empty.
    func string(_ node: Node, _ name: String) -> String? {
        guard case .scalar(let s) = node else {
            error("\(name) must be text, got \(describe(node))", at: node); return nil
        }
        if s.string.isEmpty && s.style == .plain { error("\(name) must not be empty", at: node); return nil }
        return s.string
    }

    /// A whole number from a plain scalar, within `range`.
    func int(_ node: Node, _ name: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any,
              let v = Int(Self.withoutUnderscores(s.string)) else {
            error("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(describe(node))", at: node)
            return nil
        }
        guard range.contains(v) else {
            error("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(v)", at: node)
            return nil
        }
        return v
    }

    /// Any whole number from a plain scalar (its range is checked by the caller).
    func wholeNumber(_ node: Node, _ name: String) -> Int? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any,
              let v = Int(Self.withoutUnderscores(s.string)) else {
            error("\(name) must be a whole number, got \(describe(node))", at: node)
            return nil
        }
        return v
    }

    /// The text with its digit separators (`1_000`) taken out.
    static func withoutUnderscores(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "_")) ? text.filter { $0 != "_" } : text
    }

    /// A finite number from a plain scalar (`1`, `-0.25`, `3e-2`; `.nan` and `.inf` are refused).
    /// (`name` is only worked out when there is a problem: a weight matrix reads thousands.)
    func number(_ node: Node, _ name: @autoclosure () -> String) -> Double? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else {
            error("\(name()) must be a number, got \(describe(node))", at: node); return nil
        }
        let text = Self.withoutUnderscores(s.string)
        if let v = Double(text), v.isFinite { return v }   // most numbers; the rest say what is wrong
        let lowered = text.lowercased()
        if [".nan", ".inf", "+.inf", "-.inf", "nan", "inf", "+inf", "-inf", "infinity", "-infinity"].contains(lowered) {
            error("\(name()) must be a finite number, got \(text)", at: node); return nil
        }
        guard let v = Double(text) else { error("\(name()) must be a number, got \(describe(node))", at: node); return nil }
        guard v.isFinite else { error("\(name()) must be a finite number, got \(text)", at: node); return nil }
        return v
    }

    /// The items of a list.
    func list(_ node: Node, _ name: String) -> [Node]? {
        guard case .sequence(let s) = node else {
            error("\(name) must be a list, got \(describe(node))", at: node); return nil
        }
        return Array(s)
    }

    /// A list of numbers; `count` (with its description, e.g. "n_a = 5") checked when known.
    func vector(_ node: Node, _ name: String, count: Int?, _ countText: String) -> [Double]? {
        if let values = numberRows.values(of: node) {
            if let count, values.count != count {
                error("\(name) must have \(countText) numbers, got \(values.count)", at: node); return nil
            }
            return values
        }
        guard let items = list(node, name) else { return nil }
        let values = items.enumerated().map { i, item in number(item, "\(name)[\(i)]") }
        if let count, items.count != count {
            error("\(name) must have \(countText) numbers, got \(items.count)", at: node); return nil
        }
        let numbers = values.compactMap { $0 }
        return numbers.count == values.count ? numbers : nil
    }

    /// A list of rows of numbers, `rows × cols` when known (`shapeText` like "n_a × n_x").
    func matrix(_ node: Node, _ name: String, rows: Int?, cols: Int?, _ shapeText: String) -> [[Double]]? {
        guard let items = list(node, name) else { return nil }
        var result: [[Double]] = []
        var ok = true
        var lengths: [Int] = []
        for (i, row) in items.enumerated() {
            if let values = numberRows.values(of: row) { lengths.append(values.count); result.append(values); continue }
            guard let cells = list(row, "\(name)[\(i)]") else { ok = false; continue }
            lengths.append(cells.count)
            let values = cells.enumerated().map { j, cell in number(cell, "\(name)[\(i)][\(j)]") }
            if values.contains(where: { $0 == nil }) { ok = false }
            result.append(values.compactMap { $0 })
        }
        guard ok else { return nil }
        let expected = rows.flatMap { r in cols.map { "\(shapeText) (\(r) × \($0))" } } ?? shapeText
        if Set(lengths).count > 1 {
            let width = cols ?? lengths[0]
            for (i, row) in items.enumerated() where lengths[i] != width {
                error("\(name)[\(i)] has \(lengths[i]) numbers, but \(name) must be \(expected)", at: row)
            }
            return nil
        }
        let got = "\(items.count) × \(lengths.first ?? 0)"
        if let rows, let cols, items.count != rows || (lengths.first ?? 0) != cols {
            error("\(name) must be \(expected), got \(got)", at: node); return nil
        }
        return result
    }

    /// Text in English and Chinese: a plain string (English), or `{en: …, zh: …}`. Sanitised.
    func localized(_ node: Node, _ name: String) -> LocalizedText? {
        if case .scalar = node {
            return string(node, name).map { LocalizedText(en: Sanitizer.screenText($0)) }
        }
        guard case .mapping = node else {
            error("\(name) must be text or {en: …, zh: …}, got \(describe(node))", at: node); return nil
        }
        guard let f = fields(node, of: name, known: Language.allCases.map(\.rawValue)) else { return nil }
        guard let enNode = require(f, "en", "the English text"), let en = string(enNode, "\(name).en") else { return nil }
        let zh = f["zh"].flatMap { string($0, "\(name).zh") }
        return LocalizedText(en: Sanitizer.screenText(en), zh: zh.map(Sanitizer.screenText))
    }
}

/// The known keys of one mapping, with their key and value nodes.
struct Fields {
    let node: Node
    let name: String
    var entries: [String: (key: Node, value: Node)] = [:]

    init(node: Node, name: String) { self.node = node; self.name = name }

    subscript(key: String) -> Node? { entries[key]?.value }
    func keyNode(_ key: String) -> Node? { entries[key]?.key }
}
