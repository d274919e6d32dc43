import Explorer
import RNNCore
import TextGrid
import TextBasics

/// The forward step folded to one line for the backward phase:
/// `forward t = 3:  a<3> = [0.12 -0.50]   ŷ<3> = [0.62]   L<3> = 0.48` (hidden values as `?`,
/// long vectors cut with `…`).
struct ForwardSummary {
    static let shown: [Symbol] = [.a, .yHat, .loss]
    static let maxEntries = 6

    let panel: Panel
    let digits: Int

    func parts() -> [(label: String, value: String)] {
        Self.shown.compactMap { symbol in
            guard let term = panel.terms.first(where: { $0.symbol == symbol && $0.kind == .quantity }) else { return nil }
            let values = term.values.values
            if !term.revealed { return (term.label, "?") }
            let numbers = values.prefix(Self.maxEntries).map { NumberFormat.format($0, digits: digits) }
            let more = values.count > Self.maxEntries ? " …+\(values.count - Self.maxEntries)" : ""
            let text = values.count == 1 ? numbers.joined() : "[" + numbers.joined(separator: " ") + more + "]"
            return (term.label, text)
        }
    }

    func draw(into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let inner = Rect(x: rect.x, y: rect.y, width: rect.width - 1, height: 1)
        var x = grid.put(" \(panel.title) t = \(panel.t):", x: rect.x, y: rect.y, style: Style(.muted, attributes: [.bold]),
                         clip: inner)
        for part in parts() {
            x = grid.put("  " + part.label, x: x, y: rect.y, style: Style(.header, attributes: [.bold]), clip: inner)
            x = grid.put(" = " + part.value, x: x, y: rect.y, style: Style(.muted), clip: inner)
        }
        if x > inner.maxX { grid.put("…", x: inner.maxX - 1, y: rect.y, style: Style(.muted)) }
    }
}
