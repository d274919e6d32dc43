import Explorer
import RNNCore
import TextGrid
import TextBasics

/// The forward step folded to one line for the backward phase:
/// `forward t = 3:  a<3> = [0.12 -0.50]   ŷ<3> = [0.62]   L<3> = 0.48` (hidden values as `?`,
/// long vectors cut with `…+N`, shorter still when the line is narrow, never the loss).
struct ForwardSummary {
    static let shown: [Symbol] = [.a, .yHat, .loss]
    static let maxEntries = 6

    let panel: Panel
    let digits: Int

    /// The parts with vectors cut to `entries` numbers (`…+N` says how many more); a scalar
    /// such as L<t> is always whole.
    func parts(entries: Int = maxEntries) -> [(label: String, value: String)] {
        Self.shown.compactMap { symbol in
            guard let term = panel.terms.first(where: { $0.symbol == symbol && $0.kind == .quantity }) else { return nil }
            let values = term.values.values
            if !term.revealed { return (term.label, "?") }
            let cols = term.values.cols
            let masked = Set(term.masked.map { $0.row * cols + $0.col })   // an entry a question asks: `?`, not its 0
            let numbers = values.prefix(entries).enumerated().map { masked.contains($0.offset) ? "?" : NumberFormat.format($0.element, digits: digits) }
            let more = values.count > entries ? (entries == 0 ? "…+\(values.count)" : " …+\(values.count - entries)") : ""
            let text = values.count == 1 ? numbers.joined() : "[" + numbers.joined(separator: " ") + more + "]"
            return (term.label, text)
        }
    }

    /// The parts that fit `width` columns after the title: vectors lose entries before the
    /// line is cut, so the loss at the end stays readable.
    func fitted(width: Int) -> [(label: String, value: String)] {
        let title = DisplayWidth.of(" \(panel.title) t = \(panel.t):")
        for entries in stride(from: Self.maxEntries, through: 0, by: -1) {
            let p = parts(entries: entries)
            if title + p.reduce(0, { $0 + DisplayWidth.of("  " + $1.label + " = " + $1.value) }) <= width { return p }
        }
        return parts(entries: 0)
    }

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let inner = Rect(x: rect.x, y: rect.y, width: rect.width - 1, height: 1)
        var x = grid.put(" \(panel.title) t = \(panel.t):", x: rect.x, y: rect.y, style: Style(.muted, attributes: [.bold]),
                         clip: inner)
        for part in fitted(width: inner.width) {
            x = grid.put("  " + part.label, x: x, y: rect.y, style: Style(.header, attributes: [.bold]), clip: inner)
            x = grid.put(" = " + part.value, x: x, y: rect.y, style: Style(.muted), clip: inner)
        }
        if x > inner.maxX { grid.put("…", x: inner.maxX - 1, y: rect.y, style: Style(.muted)) }
    }
}
