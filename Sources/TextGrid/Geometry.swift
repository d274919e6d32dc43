/// A width and a height in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    public static let zero = Size(width: 0, height: 0)
    public var description: String { "\(width)×\(height)" }
}

/// A rectangle of cells: `x`, `y` is the top-left cell; empty when width or height ≤ 0.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var maxX: Int { x + width }  // one past the right edge
    public var maxY: Int { y + height }  // one past the bottom edge
    public var size: Size { Size(width: width, height: height) }
    public var description: String { "(\(x),\(y) \(width)×\(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rectangles (empty, with zero size, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    /// Shrunk by `by` cells on every side (never negative).
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount,
             width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
    }

    /// The first `rows` rows, and the rest below them (for stacking widgets top-down).
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), max(0, height))
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: max(0, height - taken)))
    }

    /// The first `columns` columns and the rest (the training lab's two chart columns).
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, columns), max(0, width))
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: max(0, width - taken), height: height))
    }

    /// A rectangle of `size` centred in this one (clamped to fit): the overlay helper for
    /// help and inspect boxes.
    public func centered(_ size: Size) -> Rect {
        let w = min(max(0, size.width), max(0, width))
        let h = min(max(0, size.height), max(0, height))
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}
