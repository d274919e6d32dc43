import Export
import Foundation
import TextGrid
import Testing

@Suite struct HTMLTests {
    @Test func onePageWithEveryFrameAndNothingFromTheNetwork() throws {
        let frames = try ExportFixtures.frames("02-forward")
        let html = HTMLPage.make(title: "Forward <propagation>", lang: "en", frames: frames)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Forward &lt;propagation&gt;</title>"))
        #expect(html.components(separatedBy: "<section class=\"frame").count - 1 == frames.count)
        #expect(html.components(separatedBy: "<div class=\"r\">").count - 1 == frames.count * 30)
        // one "first" frame per slide: what the print style sheet puts one a page
        let slides = Set(frames.compactMap(\.slide)).count
        #expect(html.components(separatedBy: "class=\"frame first\"").count - 1 == slides)
        #expect(html.contains("@media print"))
        for remote in ["http://", "https://", "src=", "@import", "url("] {
            #expect(!html.contains(remote), "the page loads \(remote)")
        }
    }

    @Test func aRowIsItsCellsAndTheSlideTextIsText() throws {
        var grid = Grid(width: 8, height: 1)
        grid.put("a<b 前x", x: 0, y: 0, style: Style(.normal, background: .heat(-6)))
        let html = HTMLPage.make(title: "t", lang: "zh", frames: [ExportFrame(grid: grid, slide: 1, label: "slide 1 / 1",
                                                                              text: "First & <second>\nline\n\nNext")])
        // ASCII as text; 前 in a two-cell box; one run of one look
        #expect(html.contains("<div class=\"r\"><span class=\"c0\">a&lt;b <i class=\"w2\">前</i>x</span><span class=\"c1\"> </span></div>"))
        #expect(html.contains(".c0{color:#ffffff;background:#000087}"))
        #expect(html.contains("<p>First &amp; &lt;second&gt;<br>line</p><p>Next</p>"))
        #expect(html.contains("<html lang=\"zh\">"))
    }
}
