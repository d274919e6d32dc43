import Export
import Foundation
import TextGrid
import Testing

@Suite struct AsciicastTests {
    @Test func replayingTheRecordingGivesEveryFrameWithItsColours() throws {
        for (name, language) in [("02-forward", "en"), ("01-notation", "zh")] {
            let frames = try ExportFixtures.frames(name, language: language == "zh" ? .zh : .en)
            let events = frames.enumerated().map { Asciicast.Event(time: Double($0.offset) * 1.5, grid: $0.element.grid) }
            let cast = Asciicast.make(width: 100, height: 30, title: "a \"title\"", events: events)
            let (header, parsed) = try AsciicastReplay.parse(cast)
            #expect(header["version"] as? Int == 2 && header["width"] as? Int == 100 && header["height"] as? Int == 30)
            #expect(header["title"] as? String == "a \"title\"")
            #expect(parsed.count == frames.count)
            #expect(parsed.map(\.time) == events.map(\.time))
            var term = AsciicastReplay(width: 100, height: 30)
            for (event, frame) in zip(parsed, frames) {
                try term.feed(event.data)
                #expect(term.screen.lines == frame.grid.plainText(), "\(name) \(frame.label)")
                for y in 0..<30 {
                    for x in 0..<100 where !frame.grid[x, y].isContinuation {
                        let want = Theme.standard.resolve(frame.grid[x, y].style, depth: .ansi256)
                        if term.screen.style[y][x] != want {
                            Issue.record("\(name) \(frame.label) (\(x),\(y)) '\(frame.grid[x, y].text)': \(term.screen.style[y][x]) ≠ \(want)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func theReplayerRefusesWhatItDoesNotKnow() {
        var term = AsciicastReplay(width: 10, height: 2)
        #expect(throws: AsciicastReplay.Failure.self) { try term.feed("\u{1B}[3A") }
        #expect(throws: AsciicastReplay.Failure.self) { try term.feed("\u{1B}[38;2;1;2;3m") }
    }
}
