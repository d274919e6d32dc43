import ArgumentParser
import Foundation
import Lessons

func writeStdout(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}

func writeStderr(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}

/// Loads a lesson, or prints its errors (file:line:column, source line, caret) and exits 1.
func loadLessonOrExit(_ path: String) throws -> Lesson {
    switch LessonLoader.load(path: path) {
    case .success(let lesson): return lesson
    case .failure(let errors):
        writeStderr(errors.rendered.hasSuffix("\n") ? errors.rendered : errors.rendered + "\n")
        throw ExitCode(1)
    }
}
