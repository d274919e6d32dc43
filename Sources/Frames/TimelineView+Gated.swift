import Explorer
import TextGrid
import TextBasics

/// A gated cell's timeline box: the gate bar `Γf ▂▅▇` (min, mean, max of the gate's entries
/// over the units, each a level from ▁ = 0 to █ = 1) after the input, and backward ‖dc<t>‖
/// above ‖da<t>‖ (in place of the output line).
extension TimelineView {
    func gatedLines(_ item: TimelineItem, input: String, output: String, target: String, bar: String) -> [String] {
        let gate = item.gate.map { g in g.name + Self.levels(g) } ?? (timeline.gateName.map { $0 + "?" } ?? "")
        let first = [input, gate].filter { !$0.isEmpty }.joined(separator: " ")
        if timeline.phase == .backward {
            let dc = dcText(item)
            return lines >= 3 ? [first, dc, bar] : [dc, bar]
        }
        let out = [output, target].filter { !$0.isEmpty }.joined(separator: "  ")
        return lines >= 3 ? [first, out, bar] : [first + " " + output, [target, bar].filter { !$0.isEmpty }.joined(separator: "  ")]
    }

    /// `‖dc‖ ██ 0.52`, as `‖da‖`'s bar.
    func dcText(_ item: TimelineItem) -> String {
        guard let n = item.dcNorm else { return "‖dc‖ ?" }
        let number = NumberFormat.format(n, digits: digits)
        let columns = number.count > 5 ? Self.barWidth / 2 : Self.barWidth
        let glyphs = Bar(value: n, max: timeline.maxDcNorm).glyphs(columns: columns) ?? "?"
        return "‖dc‖ " + glyphs + " " + number
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
