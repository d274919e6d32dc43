/// One terminal cell: a grapheme, its display width, and its style.
///
/// A wide glyph (CJK, fullwidth, most emoji) occupies two cells: the *lead* cell holds the
/// grapheme with `width == 2`, and the cell to its right is a *continuation* cell
/// (`isContinuation == true`, empty text) that printers skip. `Grid` keeps this invariant.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown (one extended grapheme cluster); empty for a continuation cell.
    public var text: String
    /// 1 for narrow, 2 for the lead cell of a wide glyph, 0 for a continuation cell.
    public var width: Int
    public var style: Style

    public init(_ text: String = " ", width: Int = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }

    /// A space in the default style.
    public static let blank = Cell()

    /// A blank cell carrying `style` (useful for painting backgrounds).
    public static func blank(_ style: Style) -> Cell { Cell(" ", width: 1, style: style) }

    static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }
}
