import ArgumentParser
import Lessons
import RNNCore

/// `--set NAME=VALUE` (repeatable) for render and trace: the same what-if a slide's `set:` shows.
struct SetOptions: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Change one entry or activation before computing, e.g. --set 'Waa[0,1]=0.5' --set 'x<2>[0]=1' --set g1=relu (repeatable).",
                               valueName: "NAME=VALUE"))
    var sets: [String] = []

    /// The edits of every `--set`, checked against the lesson; a bad one is a usage error (exit 64).
    func edits(for lesson: Lesson, command: String) throws -> NetworkEdits {
        var edits = NetworkEdits()
        for text in sets {
            if case .failure(let e) = EditParsing.add(text, to: &edits, rnn: lesson.rnn, episode: lesson.episode, cell: lesson.cell) {
                writeStderr("unroll \(command): --set '\(Sanitizer.screenLine(text))': \(e.message)\n")
                throw ExitCode(64)
            }
        }
        return edits
    }
}
