/// A bordered box with an optional title in the top edge, for help and inspect panels:
///
/// ```
/// ┌─ Help ─────┐
/// │            │
/// └────────────┘
/// ```
/// Drawing clears the inside (so a box works as an overlay); put content in `inner(rect)`.
/// For an overlay, draw into `grid.bounds.centered(size)`.
public struct Box: Widget, Sendable {
    public var title: String
    public var borderStyle: Style
    public var titleStyle: Style
    /// Style of the cleared inside.
    public var fillStyle: Style

    public init(title: String = "", borderStyle: Style = Style(.border),
                titleStyle: Style = Style(.header, attributes: [.bold]), fillStyle: Style = .plain) {
        self.title = title
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.fillStyle = fillStyle
    }

    /// The area inside the border.
    public static func inner(_ rect: Rect) -> Rect { rect.inset(by: 1) }

    /// The outer size of a box whose inside is `content`.
    public static func outerSize(_ content: Size) -> Size {
        Size(width: content.width + 2, height: content.height + 2)
    }

    public func draw(into grid: inout Grid, in rect: Rect) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        grid.fill(rect, style: fillStyle)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: borderStyle, clip: rect)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put("│", x: rect.x, y: row, style: borderStyle, clip: rect)
            grid.put("│", x: rect.maxX - 1, y: row, style: borderStyle, clip: rect)
        }
        grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: borderStyle, clip: rect)
        if !title.isEmpty, rect.width > 4 {
            // " title " between "┌─" and "┐", clipped so the corner stays.
            let titleClip = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 3, height: 1)
            grid.put(" " + title + " ", x: rect.x + 2, y: rect.y, style: titleStyle, clip: titleClip)
        }
    }
}
