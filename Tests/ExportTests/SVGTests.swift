import Export
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TextGrid
import Testing
import TextBasics

/// Reads an SVG back: every `<text>` (its x list, y and characters), every `<rect>`.
final class SVGReader: NSObject, XMLParserDelegate {
    struct Run { var xs: [Int]; var y: Int; var fill: String; var text = "" }
    var runs: [Run] = []
    var rects: [(x: Int, y: Int, width: Int, height: Int, fill: String)] = []
    var root: String?
    private var current: Run?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "text" {
            current = Run(xs: (attributes["x"] ?? "").split(separator: " ").compactMap { Int($0) },
                          y: Int(attributes["y"] ?? "") ?? -1, fill: attributes["fill"] ?? "")
        } else if name == "rect" {
            rects.append((Int(attributes["x"] ?? "0") ?? -1, Int(attributes["y"] ?? "0") ?? -1,
                          Int(attributes["width"] ?? "") ?? -1, Int(attributes["height"] ?? "") ?? -1, attributes["fill"] ?? ""))
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let run = current { runs.append(run); current = nil }
    }

    /// The picture as text lines: each character at the column its x gives.
    func lines(width: Int, height: Int) -> [String] {
        var cells = Array(repeating: Array(repeating: " ", count: width), count: height)
        for run in runs {
            let row = (run.y - SVGPicture.baseline) / SVGPicture.rowHeight
            var units = Array(run.text.utf16)[...]
            var xs = run.xs[...]
            for ch in run.text {
                let n = String(ch).utf16.count
                guard let x = xs.first, row >= 0, row < height else { break }
                let col = x / SVGPicture.cellWidth
                if col < width { cells[row][col] = String(ch) }
                if DisplayWidth.of(ch) == 2, col + 1 < width { cells[row][col + 1] = "" }
                xs = xs.dropFirst(n); units = units.dropFirst(n)
            }
        }
        return cells.map { row in
            var line = row.joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

@Suite struct SVGTests {
    func parse(_ svg: String) throws -> SVGReader {
        let parser = XMLParser(data: Data(svg.utf8))
        let reader = SVGReader()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return reader
    }

    @Test func everyFrameOfALessonIsXMLWhoseTextIsThePlainFrame() throws {
        for name in ["02-forward", "06-bptt"] {
            for frame in try ExportFixtures.frames(name, steps: false) {
                let svg = SVGPicture.make(frame.grid)
                let reader = try parse(svg)
                #expect(reader.root == "svg")
                #expect(reader.lines(width: frame.grid.width, height: frame.grid.height) == frame.grid.plainText(),
                        "\(name) \(frame.label)")
            }
        }
    }

    @Test func wideCharactersTakeTwoCellsAndMarkupIsEscaped() throws {
        var grid = Grid(width: 12, height: 2)
        grid.put("前向 <a&b>", x: 0, y: 0, style: Style(.focus, attributes: [.bold]))
        grid.put("\"q\" 'x'", x: 1, y: 1, style: Style(.normal, background: .heat(6)))
        let reader = try parse(SVGPicture.make(grid))
        #expect(reader.lines(width: 12, height: 2) == grid.plainText())
        // 前 at column 0, 向 at column 2 (x 18), < at column 5
        let first = try #require(reader.runs.first)
        #expect(Array(first.xs.prefix(3)) == [0, 18, 45])
        #expect(first.fill == XtermPalette.rgb(214).description)
        // the heat background is one rect over the 7 cells written, in palette 130
        #expect(reader.rects.contains { $0.x == 9 && $0.y == 18 && $0.width == 63 && $0.fill == "#af5f00" })
    }
}
