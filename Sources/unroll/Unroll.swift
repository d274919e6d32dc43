import ArgumentParser
import Foundation
import RNNCore
import Terminal

@main
struct Unroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unroll",
        abstract: "Step through a small recurrent neural network, one time step at a time.",
        discussion: """
        With no subcommand, `unroll [LESSON]` opens the explorer (see `unroll explore --help`); \
        with no lesson either, a picker over the shipped lessons.
        """,
        version: "0.2.0",
        subcommands: [Explore.self, Render.self, ExportCommand.self, Record.self, New.self, Check.self, TraceCommand.self, Train.self, Sample.self, Bench.self],
        defaultSubcommand: Explore.self
    )

    /// Parses and runs; a usage error is one line on stderr (`unroll SUBCOMMAND: …`, the same
    /// prefix as the subcommand's own range errors) and exit 64.
    static func main() {
        // A closed pipe is a write error (one line, exit 74) rather than a silent SIGPIPE death.
        signal(SIGPIPE, SIG_IGN)
        TraceMemoryError.beforeStop = TerminalSession.restoreScreenNow   // a trace's memory refused mid-session
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let typo = Subcommands.mistyped(arguments) {
            writeStderr("unroll: '\(typo.given)' is neither a subcommand nor a file: did you mean '\(typo.meant)'?\n")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help, --version: printed as usual
            let message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            writeStderr("\(Subcommands.prefix(arguments)): \(message) (see 'unroll help')\n")
            Foundation.exit(code.rawValue)
        }
    }
}
