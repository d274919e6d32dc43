import Explorer
import TextGrid
import TextBasics

/// A gated cell's timeline box: the gate bar `Γf ▂▅▇` (min, mean, max of the gate's entries
/// over the units, each a level from ▁ = 0 to █ = 1) after the input, and backward ‖dc<t>‖
/// above ‖da<t>‖ (in place of the output line).
extension TimelineView {
    func gatedLines(_ item: TimelineItem, input: String, output: String, target: String, bar: String) -> [Line] {
        let gate = item.gate.map { g in g.name + Self.levels(g) } ?? (timeline.gateName.map { $0 + "?" } ?? "")
        let first = Line(parts: [input, gate], separator: " ")
        if timeline.phase == .backward {
            let dc = Line(parts: [dcText(item)], separator: "")
            return lines >= 3 ? [first, dc, Line(parts: [bar], separator: "")] : [dc, Line(parts: [bar], separator: "")]
        }
        // parts, not one joined string, so fitting a narrow box shortens the words, never a number
        return lines >= 3
            ? [first, Line(parts: [output, target], separator: "  "), Line(parts: [bar], separator: "")]
            : [Line(parts: [input, gate, output], separator: " "), Line(parts: [target, bar], separator: "  ")]
    }

    /// `‖dc‖ ██ 0.52`, as `‖da‖`'s bar.
    func dcText(_ item: TimelineItem) -> String {
        guard let n = item.dcNorm else { return "‖dc‖ ?" }
        return barLine("‖dc‖", n, max: timeline.maxDcNorm)
    }

    static let levelGlyphs: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Three levels: the gate's min, mean and max over the units.
    static func levels(_ g: GateBar) -> String {
        func level(_ v: Double) -> Character {
            guard v.isFinite else { return "?" }
            return levelGlyphs[Swift.min(7, Swift.max(0, Int(v * 8)))]
        }
        return String([level(g.min), level(g.mean), level(g.max)])
    }
}
