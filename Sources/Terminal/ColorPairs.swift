import CNcursesw
import TextGrid

/// Allocates ncurses colour pairs on demand, one per (foreground, background) in use.
/// Pairs above 255 are created with `init_extended_pair` and passed through `setcchar`'s
/// last argument, since `COLOR_PAIR(n)` holds 8 bits only. When the terminal runs out of
/// pairs, further combinations fall back to pair 0 (the terminal's colours).
struct ColorPairs {
    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    private let limit: Int32

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(limit: Int32) { self.limit = limit }

    mutating func pair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int32 {
        let key = Key(foreground: Self.number(foreground), background: Self.number(background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let known = pairs[key] { return known }
        guard next < limit, init_extended_pair(next, key.foreground, key.background) == OK else { return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }

    private static func number(_ color: TerminalColor) -> Int32 {
        switch color {
        case .default: return -1
        case .index(let n): return Int32(clamping: n)
        }
    }
}
