import ArgumentParser

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a lesson in the explorer (the default).")
    @Argument(help: "The lesson file (YAML).") var lesson: String?
    func run() throws { print("explorer not wired yet") }
}
struct Render: ParsableCommand {
    func run() throws {}
}
