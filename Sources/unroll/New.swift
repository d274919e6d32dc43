import ArgumentParser
import Foundation
import Frames
import Lessons
import RNNCore

extension Architecture: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",   // named, not derived from the type at every start
        abstract: "Write a new lesson file to start from: seeded weights, a sequence of the right shape, two slides.",
        discussion: "The lesson passes `unroll check --strict`. It never writes over a file."
    )

    @Argument(help: "The lesson file to write (e.g. my-lesson.yaml).") var file: String
    @Option(help: "one-to-one, one-to-many, many-to-one, many-to-many or encoder-decoder.") var architecture: Architecture = .manyToMany
    @Option(help: "The cell: rnn, gru or lstm (gru and lstm have no g1).") var cell: CellKind = .rnn
    @Option(name: .customLong("n-x"), help: "Size of x<t> (1…1024).") var nx = 3
    @Option(name: .customLong("n-a"), help: "Size of a<t> (1…1024).") var na = 2
    @Option(name: .customLong("n-y"), help: "Size of ŷ<t> (1…1024; 1 is sigmoid, more is softmax).") var ny = 1
    @Option(help: "Seed of the weights (init: {seed}).") var seed = 1

    func validate() throws {
        for (flag, v) in [("--n-x", nx), ("--n-a", na), ("--n-y", ny)] where !(1...1024).contains(v) {
            throw ValidationError("\(flag) must be 1…1024, got \(v)")
        }
        guard seed >= 0 else { throw ValidationError("--seed must be 0 or more, got \(seed)") }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: file) {
            writeStderr("unroll new: \(file) exists; choose another name (new never writes over a file)\n")
            throw ExitCode(1)
        }
        switch LessonSkeleton.make(architecture: architecture, cell: cell.rawValue, nx: nx, na: na, ny: ny, seed: seed, screenRules: QuestionAudit.warnings) {
        case .failure(let e):
            writeStderr("unroll new: these options make no lesson: \(e.diagnostics.first?.message ?? "\(e)")\n")
            throw ExitCode(64)
        case .success(let text):
            do {
                // withoutOverwriting: a file made since the check above is not replaced either
                try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
            } catch {
                writeStderr("unroll new: \(file): cannot write (\(error.localizedDescription)); choose another path\n")
                throw ExitCode(1)
            }
            writeStdout("wrote \(file); try: unroll check --strict \(file) && unroll \(file)\n")
        }
    }
}
