import Explorer
import TextGrid
import TextBasics

/// Lays out a whole `ViewModel` on a grid: the screen a student sees.
///
/// Top to bottom: header (1 line); timeline (5 lines, 4 below 32 lines); once trained, the
/// training line (steps and loss curve); in the backward phase a one-line summary of the
/// forward step; the main panel (forward, or backward in the backward phase; in generation
/// mode the generation view instead) under a rule with its colour legend; the lesson pane
/// (the inspect pane instead while inspecting); the status line when there is a message; the
/// footer.
/// The panel takes what is left and scrolls to the cursor or focus; the help box is a
/// centred overlay. Below 30 lines (compact) the terms drop their `±range` line and the
/// equations drop the blank line between them.
public enum FrameRenderer {
    public static let minimumSize = Size(width: 80, height: 24)

    /// The whole screen for `frame` at `size`, drawn for colour `depth` (`.none` → shade
    /// glyphs, plain text). Below 80×24 it returns a grid with the centred message
    /// `terminal too small: need 80×24, have W×H`.
    public static func render(_ frame: ViewModel, size: Size, depth: ColorDepth) -> Grid {
        layout(frame, size: size, depth: depth).grid
    }

    /// Whether `size` is big enough for the explorer (else only `q` and resizing act).
    public static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }

    /// The screen, and how far its panel can scroll from where it is placed at this size
    /// (`0...0` when it fits; nil when nothing scrollable is drawn: too small, generating).
    /// The event loop tells the state (`Action.panelScrollRange`), so j/k stay inside it.
    public static func layout(_ frame: ViewModel, size: Size, depth: ColorDepth) -> (grid: Grid, scrollRange: ClosedRange<Int>?) {
        var grid = Grid(size: size)
        guard fits(size) else {
            drawTooSmall(into: &grid)
            return (grid, nil)
        }
        let compact = size.height < 30
        var area = grid.bounds
        let header = area.splitTop(1)
        HeaderView(header: frame.header).draw(into: &grid, in: header.top)
        area = header.rest

        let timeline = TimelineView(timeline: frame.timeline, digits: frame.digits, lines: size.height < 30 ? 2 : 3)
        let strip = area.splitTop(timeline.height)
        timeline.draw(into: &grid, in: strip.top)
        area = strip.rest
        if let training = frame.training {
            let line = area.splitTop(1)
            TrainingStripView(strip: training, digits: frame.digits).draw(into: &grid, in: line.top)
            area = line.rest
        }

        // bottom-up: footer, status, pane
        area.height -= 1
        FooterView(hints: frame.footer).draw(into: &grid, in: Rect(x: 0, y: area.maxY, width: size.width, height: 1))
        if let status = frame.status, !status.isEmpty, status != frame.lesson?.feedback || frame.inspect != nil {
            // the lab repeats its own messages in its view: one line there
            let view = StatusView(text: status, maxLines: frame.lab == nil ? 3 : 1), rows = view.lines(width: size.width).count
            area.height -= rows
            view.draw(into: &grid, in: Rect(x: 0, y: area.maxY, width: size.width, height: rows))
        }
        let summaryLines = frame.backward == nil || frame.generation != nil ? 0 : 1
        let minimumPanel = 6
        let asks = frame.lesson?.question != nil && frame.inspect == nil   // a question needs room for its choices
        let paneLimit = area.height - summaryLines - 1 - minimumPanel
        let paneRoom = min(compact ? (asks ? 10 : 7) : max(asks ? 11 : 8, size.height / 3), paneLimit)
        var paneHeight = 0
        if let box = frame.inspect {
            let pane = InspectPaneView(box: box, title: TermView.cursorMark)
            paneHeight = pane.height(width: size.width, maxHeight: paneRoom)
            pane.draw(into: &grid, in: Rect(x: 0, y: area.maxY - paneHeight, width: size.width, height: paneHeight))
        } else if let lesson = frame.lesson {
            let pane = LessonPaneView(pane: lesson, title: frame.header.slide ?? "")
            // the slide's text is never cut while the panel keeps its few rows: the pane grows
            paneHeight = pane.height(width: size.width, maxHeight: max(paneRoom, paneLimit))
            pane.draw(into: &grid, in: Rect(x: 0, y: area.maxY - paneHeight, width: size.width, height: paneHeight))
        }
        area.height -= paneHeight

        var range: ClosedRange<Int>?
        if let lab = frame.lab {
            LabView(lab: lab).draw(into: &grid, in: area)
        } else if let generation = frame.generation {
            GenerationView(panel: generation, digits: frame.digits).draw(into: &grid, in: area)
        } else {
            range = drawPanel(frame, into: &grid, in: area, depth: depth, compact: compact)
        }
        if let error = frame.loadError {   // --watch: under the help box, over everything else
            LoadErrorView(box: error).draw(into: &grid, in: grid.bounds)
        }
        if let help = frame.help {
            HelpOverlay(help: help).draw(into: &grid, in: grid.bounds)
        }
        return (grid, range)
    }

    /// The equation panel of the current step (backward: after a one-line forward summary);
    /// returns how far it can scroll (see `layout`).
    static func drawPanel(_ frame: ViewModel, into grid: inout Grid, in rect: Rect, depth: ColorDepth, compact: Bool) -> ClosedRange<Int> {
        var area = rect
        if frame.backward != nil {
            let line = area.splitTop(1)
            ForwardSummary(panel: frame.forward, digits: frame.digits).draw(into: &grid, in: line.top)
            area = line.rest
        }
        let main = frame.backward ?? frame.forward
        let rule = area.splitTop(1)
        TextFit.rule(&grid, label: "\(main.title)  t = \(main.t)", right: frame.legend.text,
                     x: rule.top.x, y: rule.top.y, width: rule.top.width)
        let body = Rect(x: rule.rest.x + 1, y: rule.rest.y, width: rule.rest.width - 2, height: rule.rest.height)
        return PanelView(panel: main, digits: frame.digits, depth: depth, compact: compact,
                         scroll: frame.panelScroll).draw(into: &grid, in: body)
    }

    /// `terminal too small: need 80×24, have W×H`, centred (wrapped if even that is too wide).
    static func drawTooSmall(into grid: inout Grid) {
        let message = "terminal too small: need \(minimumSize), have \(grid.width)×\(grid.height)"
        let lines = TextBlock.wrap(message, width: max(1, grid.width))
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + i, style: Style(.warning, attributes: [.bold]))
        }
    }
}
