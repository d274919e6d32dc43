import ArgumentParser

@main
struct Unroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unroll",
        abstract: "Step through a small recurrent neural network, one time step at a time.",
        discussion: """
        With no subcommand, `unroll [LESSON]` opens the explorer (see `unroll explore --help`).
        """,
        subcommands: [Explore.self, Render.self, Check.self, TraceCommand.self, Bench.self],
        defaultSubcommand: Explore.self
    )
}
