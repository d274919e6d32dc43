import Foundation
import Testing
@testable import Lessons

/// Shortcuts taken to draw the first frame sooner must answer exactly what the long way does.
@Suite struct StartupShortcutTests {
    /// `canTrain` (the footer's `t T`) against building every training episode, on every shipped
    /// lesson and on lessons that cannot train.
    @Test func canTrainAgreesWithTrainableEpisodes() throws {
        let dir = packageRoot.appendingPathComponent("lessons").path
        let paths = try LessonLoader.discover(directory: dir).get()
        #expect(paths.count >= 20)
        for path in paths {
            let lesson = try LessonLoader.load(path: path).get()
            #expect(lesson.canTrain == (lesson.trainableEpisodes != nil), "\(path)")
        }
        let noTargets = try LessonLoader.load(text: lesson(replacing: "  y: [1, 0, 1]\n", with: ""), path: "t.yaml").get()
        #expect(!noTargets.canTrain && noTargets.trainableEpisodes == nil)
        let withTargets = try LessonLoader.load(text: baseLesson, path: "t.yaml").get()
        #expect(withTargets.canTrain && withTargets.trainableEpisodes != nil)
    }

    /// A wrong number deep in a matrix still names its place (the name is built only then).
    @Test func aBadNumberInAMatrixNamesItsRowAndColumn() {
        let text = lesson(replacing: "Waa: [[0.5, -0.25], [0.1, 0.2]]", with: "Waa: [[0.5, -0.25], [0.1, x]]")
        #expect(problems(text).contains("Waa[1][1] must be a number"))
    }
}

/// A lesson whose trace cannot get its memory is one error line for the whole file.
@Suite struct TraceMemoryLineTests {
    @Test func aTraceWithoutMemoryIsOneLine() throws {
        let a = LessonLoader.analyse(text: baseLesson, path: "lesson.yaml", traceLimit: 64)
        #expect(a.lesson == nil)
        let rendered = LessonErrors(a.diagnostics).rendered
        #expect(rendered.hasPrefix("lesson.yaml: error: not enough memory for a trace of 1 MB (n_a = 2, T = 3): "))
        #expect(!rendered.contains("\n"))
        let fits = LessonLoader.analyse(text: baseLesson, path: "lesson.yaml", traceLimit: 1 << 30)
        #expect(fits.lesson != nil && fits.diagnostics.isEmpty)
    }

    /// The same line for a GRU lesson (its gated workspace is refused), not an exit or a trap.
    @Test func aGatedTraceWithoutMemoryIsOneLine() throws {
        let a = LessonLoader.analyse(text: gruLesson, path: "gru.yaml", traceLimit: 64)
        #expect(a.lesson == nil)
        let rendered = LessonErrors(a.diagnostics).rendered
        #expect(rendered.hasPrefix("gru.yaml: error: not enough memory for a trace of 1 MB (n_a = 2, T = "))
        #expect(!rendered.contains("\n"))
        let fits = LessonLoader.analyse(text: gruLesson, path: "gru.yaml", traceLimit: 1 << 30)
        #expect(fits.lesson != nil && fits.diagnostics.isEmpty)
    }
}
