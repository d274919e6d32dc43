import ArgumentParser
import Lessons

/// Why a GRU or LSTM lesson cannot be shown on the screen yet, or nil for the plain cell.
func gatedScreenProblem(_ lesson: Lesson) -> String? {
    guard lesson.cell != .rnn else { return nil }
    return "\(lesson.path): the screen does not draw the \(lesson.cell.rawValue) cell yet; unroll check, trace, train and sample work on it"
}

/// Stops a screen command (explore, render, export, record) on a GRU or LSTM lesson with one line.
func refuseGatedOnScreen(_ lesson: Lesson) throws {
    if let problem = gatedScreenProblem(lesson) {
        writeStderr("unroll: \(problem)\n")
        throw ExitCode(1)
    }
}
