import Foundation
import Yams

/// Writes YAML text by hand: block mappings, flow lists of scalars, and scalars that stay
/// plain only when they are numbers or simple names (everything else double-quoted with
/// escapes), so what is written reads back as the same values.
enum YamlEmitter {
    /// `key: value` lines for a mapping node at `indent` spaces.
    static func mapping(_ entries: [(String, Node)], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for (key, value) in entries {
            if let s = inline(value) {
                lines.append("\(pad)\(self.key(key)): \(s)")
            } else {
                lines.append("\(pad)\(self.key(key)):")
                lines += block(value, indent: indent + 2)
            }
        }
        return lines
    }

    /// A mapping or list that needs lines of its own.
    static func block(_ node: Node, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .mapping(let m):
            return mapping(m.map { (k, v) in (k.scalar?.string ?? "", v) }, indent: indent)
        case .sequence(let s):
            var lines: [String] = []
            for item in s {
                if let text = inline(item) { lines.append("\(pad)- \(text)"); continue }
                var inner = block(item, indent: indent + 2)
                if !inner.isEmpty { inner[0] = pad + "- " + inner[0].dropFirst(indent + 2) }
                lines += inner
            }
            return lines
        default:
            return [pad + (inline(node) ?? "\"\"")]
        }
    }

    /// A scalar, or a (nested) list of scalars in flow style; nil when the node needs a block.
    static func inline(_ node: Node) -> String? {
        switch node {
        case .scalar(let s):
            return scalar(s.string, plain: s.style == .plain || s.style == .any)
        case .sequence(let s):
            let items = s.map(inline)
            guard !items.contains(where: { $0 == nil }) else { return nil }
            return "[" + items.compactMap { $0 }.joined(separator: ", ") + "]"
        case .mapping(let m):
            return m.count == 0 ? "{}" : nil
        case .alias:
            return nil
        }
    }

    /// `text` as written when it was plain and is a number or a simple name; else double-quoted.
    static func scalar(_ text: String, plain: Bool) -> String {
        if plain && (Double(text) != nil || isSimpleName(text)) { return text }
        return quoted(text)
    }

    static func key(_ k: String) -> String { isSimpleName(k) ? k : quoted(k) }

    /// Letters, digits and `_ . + - < >`, starting with a letter, digit or `_`.
    static func isSimpleName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.+-<>".unicodeScalars.contains($0)) }
    }

    /// A double-quoted YAML string: `\\`, `\"`, `\n`, `\t` and \uXXXX for other control and line-break characters.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A number with full round-trip precision (Swift's shortest exact form, e.g. 0.1, -3.0, 1e-05).
    static func number(_ v: Double) -> String { "\(v)" }

    /// A list of numbers in flow style.
    static func numbers(_ v: [Double]) -> String { "[" + v.map(number).joined(separator: ", ") + "]" }
}
