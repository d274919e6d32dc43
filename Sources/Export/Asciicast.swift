import Foundation
import TextGrid

/// An asciicast v2 recording of a sequence of screens: a header line (JSON: version 2,
/// width, height, title, env) and then one output event `[time, "o", data]` per screen.
///
/// Each screen is drawn whole: `ESC[H` … for every row, the cursor to the row's start
/// (`ESC[row;1H`), the row as SGR-coloured text (256 colours, as `render --color always`),
/// `ESC[0m ESC[K` to clear the rest of the row. The first event also hides the cursor and
/// clears the screen. That is the whole vocabulary `AsciicastReplay` understands.
public enum Asciicast {
    /// A screen and the time (seconds from the start) it appears.
    public struct Event: Sendable {
        public var time: Double
        public var grid: Grid
        public init(time: Double, grid: Grid) { self.time = time; self.grid = grid }
    }

    /// The recording, one JSON document a line (newline-terminated). Every grid should be `width`×`height`.
    public static func make(width: Int, height: Int, title: String, events: [Event], theme: Theme = .standard) -> String {
        var lines = ["{\"version\": 2, \"width\": \(width), \"height\": \(height), \"title\": \(jsonString(title)), "
            + "\"env\": {\"TERM\": \"xterm-256color\"}}"]
        for (i, event) in events.enumerated() {
            var data = i == 0 ? "\u{1B}[?25l\u{1B}[2J" : ""
            data += "\u{1B}[H"
            let rows = event.grid.ansiText(depth: .ansi256, theme: theme)
            for (y, row) in rows.enumerated() {
                data += "\u{1B}[\(y + 1);1H" + row + "\u{1B}[0m\u{1B}[K"
            }
            lines.append("[\(String(format: "%.3f", event.time)), \"o\", \(jsonString(data))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
