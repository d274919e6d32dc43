/// A canvas of dots, 2 across and 4 down per cell, drawn with the Unicode braille patterns
/// (U+2800 + one bit per dot). Each cell keeps the style of its most important dots: a dot
/// set with a higher `priority` takes the cell's style, so a line stays readable over faint dots.
public struct BrailleCanvas: Sendable {
    /// Cells across and down; dots are `2·width` × `4·height`.
    public let width: Int
    public let height: Int
    private var bits: [UInt8]
    private var styles: [Style?]
    private var priorities: [Int]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
        styles = Array(repeating: nil, count: self.width * self.height)
        priorities = Array(repeating: -1, count: self.width * self.height)
    }

    /// Dots across (`2·width`) and down (`4·height`).
    public var dotsWide: Int { 2 * width }
    public var dotsHigh: Int { 4 * height }

    /// The bit of dot (dx, dy) inside its cell: columns 0–1, rows 0–3 (top to bottom).
    static func bit(dx: Int, dy: Int) -> UInt8 {
        let table: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        return table[dx][dy]
    }

    /// Sets dot (x, y) (y = 0 at the top); outside the canvas nothing happens.
    public mutating func set(x: Int, y: Int, style: Style, priority: Int = 0) {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
        let i = (y / 4) * width + x / 2
        if priority < priorities[i] { return }      // a more important dot already owns the cell
        if priority > priorities[i] { bits[i] = 0; priorities[i] = priority; styles[i] = style }
        bits[i] |= Self.bit(dx: x % 2, dy: y % 4)
    }

    /// Whether dot (x, y) is set.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return false }
        return bits[(y / 4) * width + x / 2] & Self.bit(dx: x % 2, dy: y % 4) != 0
    }

    /// Writes the cells with any dot at `origin`.
    public func draw(into grid: inout Grid, at origin: (x: Int, y: Int), clip: Rect) {
        for row in 0..<height {
            for col in 0..<width {
                let i = row * width + col
                guard bits[i] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[i])) else { continue }
                grid.set(Cell(String(Character(scalar)), width: 1, style: styles[i] ?? .plain),
                         x: origin.x + col, y: origin.y + row, clip: clip)
            }
        }
    }
}
