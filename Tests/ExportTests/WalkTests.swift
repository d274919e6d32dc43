import Explorer
import Lessons
import RNNCore
import Testing

@Suite struct WalkTests {
    @Test func eachSlideAtItsStepThenTheStepsToTheNext() throws {
        let lesson = try ExportFixtures.lesson("02-forward")
        let start = ExplorerState(lesson: lesson)
        let slides = start.walk(steps: false)
        #expect(slides.map(\.slide) == Array(lesson.script.indices).map { Optional($0) })
        for stop in slides {
            if let i = stop.slide, let at = lesson.script[i].at { #expect(stop.state.position == at) }
        }
        let steps = start.walk(steps: true)
        #expect(steps.count > slides.count)
        // slides appear in order, each first at its own step; the walk ends at the story's end
        #expect(steps.map { $0.slide ?? -1 } == steps.map { $0.slide ?? -1 }.sorted())
        let last = try #require(steps.last)
        #expect(last.state.storyIndex == start.story.count - 1)
        // between slides the cursor only moves forward along the story, one step at a time
        for (a, b) in zip(steps, steps.dropFirst()) where a.slide == b.slide {
            #expect(b.state.storyIndex == a.state.storyIndex + 1)
        }
    }
}
