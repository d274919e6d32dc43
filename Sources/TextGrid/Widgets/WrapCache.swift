import Foundation

/// The lines of the texts wrapped lately, by text and width: a frame wraps the same captions,
/// notes and explanations as the frame before it (a nudge changes numbers, not words), and
/// wrapping walks every grapheme. Bounded: emptied when it reaches `capacity` entries.
final class WrapCache: @unchecked Sendable {
    static let shared = WrapCache()
    static let capacity = 2048

    private struct Key: Hashable {
        var text: String
        var width: Int
    }

    private let lock = NSLock()
    private var lines: [Key: [String]] = [:]

    /// The cached lines of `text` at `width`, else `make()`'s (then kept).
    func lines(_ text: String, width: Int, make: () -> [String]) -> [String] {
        let key = Key(text: text, width: width)
        lock.lock()
        if let hit = lines[key] { lock.unlock(); return hit }
        lock.unlock()
        let made = make()
        lock.lock()
        if lines.count >= Self.capacity { lines.removeAll(keepingCapacity: true) }
        lines[key] = made
        lock.unlock()
        return made
    }
}
