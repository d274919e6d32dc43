import Lessons
import RNNCore

/// The inspect cursor: a quantity of the active panel and an entry in it. Its step follows
/// the story cursor, so stepping while inspecting shows the same entry at the new step.
public struct InspectCursor: Equatable, Hashable, Sendable {
    public var symbol: Symbol
    public var row: Int
    public var col: Int
    public init(symbol: Symbol, row: Int = 0, col: Int = 0) { self.symbol = symbol; self.row = row; self.col = col }

    /// The quantity at step t (no step for shared parameters).
    public func ref(at t: Int) -> EntryRef { ExplorerState.ref(symbol, t) }
    /// The inspected entry at step t, e.g. `a<2>[1]`.
    public func entry(at t: Int) -> EntryRef {
        var r = ref(at: t); r.row = row; r.col = col; return r
    }
}

extension ExplorerState {
    /// The panel of the current phase: the one inspect and Tab work in.
    public var activePanel: Panel {
        position.phase == .forward ? forwardPanel(position.t) : backwardPanel(position.t)
    }

    /// The inspected entry right now, e.g. `a<2>[1]`.
    public var inspectedEntry: EntryRef? { inspect?.entry(at: position.t) }

    private func values(of ref: EntryRef, in panel: Panel) -> Matrix? {
        panel.terms.first { $0.kind == .quantity && $0.ref == ref }?.values
    }

    mutating func enterInspect() {
        let panel = activePanel, list = panel.inspectable
        guard let first = list.first else { status = words.nothingToInspect; return }
        if let f = focus.map({ displayed($0) }), let r = list.first(where: { $0.symbol == f.symbol }) {
            inspect = InspectCursor(symbol: r.symbol, row: f.row ?? 0, col: f.col ?? 0)
        } else {
            inspect = InspectCursor(symbol: first.symbol)
        }
        status = words.enteredInspect
    }

    /// Tab / Shift-Tab: the next or previous visible quantity, wrapping round.
    mutating func cyclePanel(_ delta: Int) {
        guard let c = inspect else { status = words.notInspecting; return }
        let list = activePanel.inspectable
        guard list.count > 1 else { status = words.onePanel; return }
        let i = list.firstIndex(of: c.ref(at: position.t)) ?? 0
        let next = list[((i + delta) % list.count + list.count) % list.count]
        inspect = InspectCursor(symbol: next.symbol, row: c.row, col: c.col)
    }

    /// Arrows: move within the matrix, stopping at its edges.
    mutating func moveInspect(dRow: Int, dCol: Int) {
        guard var c = inspect else { status = words.notInspecting; return }
        guard let m = values(of: c.ref(at: position.t), in: activePanel) else { return }
        let row = max(0, min(c.row + dRow, m.rows - 1)), col = max(0, min(c.col + dCol, m.cols - 1))
        if row == c.row && col == c.col { status = words.edge; return }
        c.row = row; c.col = col
        inspect = c
    }

    /// After any action: the inspected quantity must still be visible in the active panel
    /// (else the cursor moves to the first one that is), and the entry inside its bounds.
    mutating func keepInspectVisible() {
        guard var c = inspect else { return }
        let panel = activePanel, list = panel.inspectable
        if !list.contains(c.ref(at: position.t)) {
            guard let first = list.first else { inspect = nil; return }
            c.symbol = first.symbol
        }
        if let m = values(of: c.ref(at: position.t), in: panel) {
            c.row = max(0, min(c.row, m.rows - 1)); c.col = max(0, min(c.col, m.cols - 1))
        }
        inspect = c
    }
}
