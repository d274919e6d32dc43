import Yams

/// Rows of numbers in a lesson's `model:` block — the weights, biases and optimizer memory that
/// `unroll train` writes one matrix row per line — read before YAML sees them.
///
/// A trained lesson is mostly such rows (12c: 5 500 numbers), and giving each number its own
/// YAML node was most of the time to open it. A line that is exactly `INDENT- [n, n, …]` (a row
/// of a matrix) or `INDENT KEY: [n, n, …]` (a bias or a<0>) with only plain finite numbers is
/// read here and handed to YAML as `- []` / `KEY: []`, at the same line and column;
/// `NodeReader.matrix` and `vector` take the numbers from `rows` when they meet such an empty
/// list. Anything else on such a line (a quote, a comment, `_`, a word, an empty item) leaves the
/// line to YAML, so every message about it is the same as without this shortcut.
struct NumberRows {
    /// The numbers of each rewritten line, by line (1-based, as `Mark.line`).
    var rows: [Int: [Double]] = [:]

    /// Keys whose one-line list is a vector that `NodeReader.vector` reads.
    static let vectorKeys: Set<String> = ["a0", "c0", "ba", "by", "bf", "bu", "br", "bo", "bc"]

    /// The text for YAML (eligible rows emptied) and the rows taken out, or nil when nothing
    /// was taken out (or the model block holds a block scalar, `|` or `>`, where a row-like
    /// line would be text: then nothing is taken out).
    static func extract(_ text: String) -> (text: String, rows: NumberRows)? {
        var rows = NumberRows()
        var lines: [ArraySlice<UInt8>] = []
        var changed = false, inModel = false
        var previousIndent = -1, rowMayFollow = false   // after a key line (`Waa:`) or a row at the same indent
        let bytes = Array(text.utf8)
        let dash = Array("- [".utf8), model = Array("model:".utf8), colonBracket = Array(": [".utf8)
        for (i, whole) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let cr = whole.last == UInt8(ascii: "\r")
            let body = cr ? whole.dropLast() : whole
            var replaced: [UInt8]?
            if let first = body.first, first != UInt8(ascii: " ") {
                inModel = body.starts(with: model)   // a top-level key (or a comment) ends the block
                rowMayFollow = false
            } else if inModel {
                if body.contains(UInt8(ascii: "|")) || body.contains(UInt8(ascii: ">")) || body.contains(UInt8(ascii: "\t")) { return nil }
                let indent = body.prefix { $0 == UInt8(ascii: " ") }.count
                let rest = body.dropFirst(indent)
                let isRow = rest.starts(with: dash)
                if isRow, rowMayFollow, indent == previousIndent || previousIndent == -1, let values = numbers(rest.dropFirst(2)) {
                    rows.rows[i + 1] = values
                    replaced = Array(body.prefix(indent)) + Array("- []".utf8)
                    previousIndent = indent
                } else if let colon = rest.firstIndex(of: UInt8(ascii: ":")),
                          vectorKeys.contains(String(decoding: rest[rest.startIndex..<colon], as: UTF8.self)),
                          rest[colon...].starts(with: colonBracket), let values = numbers(rest[(colon + 2)...]) {
                    rows.rows[i + 1] = values
                    replaced = Array(body[body.startIndex..<(colon + 2)]) + Array("[]".utf8)
                    rowMayFollow = false
                } else {
                    rowMayFollow = rest.last(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: ":")
                    previousIndent = -1
                }
            }
            if let r = replaced {
                changed = true
                lines.append(ArraySlice(cr ? r + [UInt8(ascii: "\r")] : r))
            } else {
                lines.append(whole)
            }
        }
        guard changed else { return nil }
        return (String(decoding: Array(lines.joined(separator: [UInt8(ascii: "\n")])), as: UTF8.self), rows)
    }

    /// The numbers of `[n, n, …]` followed by nothing but spaces, when every item is a plain
    /// number (digits, sign, point, exponent) that `NodeReader.number` would read as finite.
    static func numbers(_ s: ArraySlice<UInt8>) -> [Double]? {
        guard s.first == UInt8(ascii: "["), let close = s.lastIndex(of: UInt8(ascii: "]")),
              s[(close + 1)...].allSatisfy({ $0 == UInt8(ascii: " ") }) else { return nil }
        var values: [Double] = []
        for item in s[(s.startIndex + 1)..<close].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            var token = item.drop { $0 == UInt8(ascii: " ") }
            while token.last == UInt8(ascii: " ") { token = token.dropLast() }
            guard !token.isEmpty, token.allSatisfy(isNumberByte) else { return nil }
            guard let v = Double(String(decoding: token, as: UTF8.self)), v.isFinite else { return nil }
            values.append(v)
        }
        return values
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    /// The numbers of an emptied row or vector, when `node` is one.
    func values(of node: Node) -> [Double]? {
        guard !rows.isEmpty, case .sequence(let s) = node, s.isEmpty, let line = node.mark?.line else { return nil }
        return rows[line]
    }
}
