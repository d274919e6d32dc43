import Foundation
import TextGrid
import TextBasics

/// A small terminal for the subset of escapes `Asciicast` writes: cursor position (`CSI r;c H`),
/// erase display (`CSI 2 J`), erase to end of line (`CSI K`), SGR (0, 1, 2, 4, 7, 38;5;N,
/// 48;5;N), and `CSI ? 25 l/h` (cursor visibility, ignored). Anything else is an error: a
/// recording that needs more than this fails the test instead of being half understood.
struct AsciicastReplay {
    struct Screen: Equatable {
        var text: [[String]]
        var style: [[ResolvedStyle]]
        /// Rows as text, continuation cells skipped, trailing spaces trimmed (as `Grid.plainText`).
        var lines: [String] {
            text.map { row in
                var line = row.joined()
                while line.hasSuffix(" ") { line.removeLast() }
                return line
            }
        }
    }
    struct Failure: Error, CustomStringConvertible { var description: String }

    let width: Int
    let height: Int
    var screen: Screen
    private var x = 0, y = 0
    private var pen = ResolvedStyle.plain

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        screen = Screen(text: Array(repeating: Array(repeating: " ", count: width), count: height),
                        style: Array(repeating: Array(repeating: .plain, count: width), count: height))
    }

    /// Parses a recording: its header, and each output event's time and data.
    static func parse(_ cast: String) throws -> (header: [String: Any], events: [(time: Double, data: String)]) {
        let lines = cast.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard let first = lines.first, let header = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any] else {
            throw Failure(description: "no header line")
        }
        var events: [(Double, String)] = []
        for line in lines.dropFirst() {
            guard let e = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], e.count == 3,
                  let t = e[0] as? Double, e[1] as? String == "o", let d = e[2] as? String else {
                throw Failure(description: "not an output event: \(line.prefix(80))")
            }
            events.append((t, d))
        }
        return (header, events)
    }

    mutating func feed(_ data: String) throws {
        var scalars = Array(data.unicodeScalars)[...]
        while let s = scalars.first {
            if s == "\u{1B}" {
                scalars = scalars.dropFirst()
                guard scalars.first == "[" else { throw Failure(description: "ESC not followed by [") }
                scalars = scalars.dropFirst()
                var params = ""
                while let p = scalars.first, !(0x40...0x7E).contains(p.value) { params.unicodeScalars.append(p); scalars = scalars.dropFirst() }
                guard let final = scalars.first else { throw Failure(description: "unfinished escape") }
                scalars = scalars.dropFirst()
                try csi(params, final)
                continue
            }
            // one grapheme: the scalars up to the next escape, as Characters
            var chunk = ""
            while let c = scalars.first, c != "\u{1B}" { chunk.unicodeScalars.append(c); scalars = scalars.dropFirst() }
            for ch in chunk { put(ch) }
        }
    }

    private mutating func put(_ ch: Character) {
        let w = DisplayWidth.of(ch)
        guard w > 0, y < height, x + w <= width else { return }
        screen.text[y][x] = String(ch)
        screen.style[y][x] = pen
        if w == 2 { screen.text[y][x + 1] = ""; screen.style[y][x + 1] = pen }
        x += w
    }

    private mutating func csi(_ params: String, _ final: Unicode.Scalar) throws {
        let n = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        switch (final, params) {
        case ("l", "?25"), ("h", "?25"): return
        case ("H", _):
            y = max(1, n.first ?? 1) - 1; x = max(1, n.count > 1 ? n[1] : 1) - 1
        case ("J", "2"):
            for r in 0..<height { for c in 0..<width { screen.text[r][c] = " "; screen.style[r][c] = .plain } }
        case ("K", ""):
            var blank = ResolvedStyle.plain
            blank.background = pen.background
            for c in x..<width where y < height { screen.text[y][c] = " "; screen.style[y][c] = blank }
        case ("m", _):
            var i = 0
            while i < n.count {
                switch n[i] {
                case 0: pen = .plain
                case 1: pen.attributes.insert(.bold)
                case 2: pen.attributes.insert(.dim)
                case 4: pen.attributes.insert(.underline)
                case 7: pen.attributes.insert(.reverse)
                case 38, 48:
                    guard i + 2 < n.count, n[i + 1] == 5 else { throw Failure(description: "SGR \(params)") }
                    if n[i] == 38 { pen.foreground = .index(n[i + 2]) } else { pen.background = .index(n[i + 2]) }
                    i += 2
                default: throw Failure(description: "SGR \(n[i]) in \(params)")
                }
                i += 1
            }
        default:
            throw Failure(description: "escape CSI \(params)\(final) is not in the recording's vocabulary")
        }
    }
}
