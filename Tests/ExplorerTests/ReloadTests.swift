import Explorer
import Lessons
import RNNCore
import Testing

/// `--watch`: a new version of the lesson replaces the old one and keeps the place; a version
/// that does not load is shown over the last good one.
@Suite struct ReloadTests {
    func slides(_ ats: [Int?], say: String = "Slide") -> [Slide] {
        ats.enumerated().map { i, t in
            Slide(say: LocalizedText(en: "\(say) \(i + 1)"), at: t.map { StoryPosition(phase: .forward, t: $0) })
        }
    }

    func version(_ lesson: Lesson, _ n: Int = 1, digits: Int? = nil) -> Action {
        .reload(LessonVersion(lesson: lesson, number: n, digits: digits))
    }

    @Test func aReloadKeepsTheSlideAndTheStep() {
        var state = Fixtures.state(script: slides([1, 1, 2]))
        state.update(.nextSlide); state.update(.nextStep)   // slide 2, stepped on to t = 2
        state.update(.nextStep)                              // t = 3
        #expect(state.slide == 1 && state.position == StoryPosition(phase: .forward, t: 3))
        state.update(version(Fixtures.lesson(script: slides([1, 1, 2], say: "Edited"))))
        #expect(state.slide == 1 && state.position == StoryPosition(phase: .forward, t: 3))
        #expect(state.lesson.script[1].say.en == "Edited 2")
        #expect(state.status == "reloaded: the lesson file changed")
    }

    @Test func aSlideWhoseAtChangedMovesThere() {
        var state = Fixtures.state(script: slides([1, 1]))
        state.update(.nextSlide); state.update(.nextStep)
        state.update(version(Fixtures.lesson(script: slides([1, 3]))))
        #expect(state.slide == 1 && state.position == StoryPosition(phase: .forward, t: 3))
    }

    @Test func aSlideThatNoLongerExistsFallsBackToTheLastOne() {
        var state = Fixtures.state(script: slides([1, 2, 3]))
        state.update(.nextSlide); state.update(.nextSlide)
        state.update(version(Fixtures.lesson(script: slides([1, 2]))))
        #expect(state.slide == 1 && state.position == StoryPosition(phase: .forward, t: 2))
    }

    @Test func aStepThatNoLongerExistsFallsBackToTheStart() {
        // the backward pass goes away with the targets
        var state = Fixtures.state(script: [])
        state.update(.startBackward)
        #expect(state.position.phase == .backward)
        state.update(version(Fixtures.lesson(script: [], targets: nil)))
        #expect(state.position == StoryPosition(phase: .forward, t: 1))
    }

    @Test func aLoadErrorIsShownOverTheLastGoodVersionUntilEscOrAGoodVersion() {
        var state = Fixtures.state(script: slides([1, 2]))
        state.update(.nextSlide)
        let error = LoadError(path: "dir/test.yaml", lines: ["dir/test.yaml:3:7: error: unknown key 'n_xx' in model; did you mean n_x?"])
        state.update(.loadFailed(error))
        #expect(state.slide == 1 && state.lesson.script.count == 2)   // nothing else changed
        let box = state.viewModel().loadError
        #expect(box?.title == "test.yaml does not load")
        #expect(box?.lines == error.lines + ["", "Showing the last version that loaded; save the file to retry. Esc hides this."])
        state.update(.nextStep)                  // keys still act under the box
        #expect(state.loadError == error)
        state.update(.escape)
        #expect(state.loadError == nil)
        state.update(.loadFailed(error))
        state.update(version(Fixtures.lesson(script: slides([1, 2]))))
        #expect(state.loadError == nil && state.viewModel().loadError == nil)
    }

    @Test func digitsFromTheCommandLineStayAndTheLessonsOwnFollowTheFile() {
        var state = Fixtures.state()
        var withDigits = Fixtures.lesson()
        withDigits.display = DisplaySettings(digits: 4)
        state.update(version(withDigits))
        #expect(state.numbers.digits == 4)
        state.update(version(withDigits, 2, digits: 1))
        #expect(state.numbers.digits == 1)
    }
}
