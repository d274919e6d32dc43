import Foundation
import Testing
@testable import Lessons

/// A small valid lesson; tests replace one line to make one mistake.
let baseLesson = """
title: Tiny
model:
  n_x: 2
  n_a: 2
  n_y: 1
  g1: tanh
  g2: sigmoid
  weights:
    Waa: [[0.5, -0.25], [0.1, 0.2]]
    Wax: [[1, 0], [0, 1]]
    Wya: [[1, -1]]
architecture: many-to-many
sequence:
  x: [[1, 0], [0, 1], [1, 1]]
  y: [1, 0, 1]
script:
  - say: Hello
    at: {t: 2}
"""

/// `baseLesson` with `old` replaced by `new` (the test fails loudly if `old` is absent).
func lesson(replacing old: String, with new: String) -> String {
    precondition(baseLesson.contains(old), "base lesson has no \(old)")
    return baseLesson.replacingOccurrences(of: old, with: new)
}

/// What `unroll check` would print for `text` saved as lesson.yaml: every problem, or "ok".
func problems(_ text: String, path: String = "lesson.yaml") -> String {
    let a = LessonLoader.analyse(text: text, path: path)
    let all = LessonLoader.sorted(a.diagnostics + a.falseChecks)
    return all.isEmpty ? "ok" : LessonErrors(all).rendered
}

/// The package root (…/Tests/LessonsTests/Support.swift → …).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary directory for one test.
func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-lessons-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Tag {
    /// Minutes rather than seconds on a busy machine (30 000 training steps).
    @Tag static var slow: Self
}
