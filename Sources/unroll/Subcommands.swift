import Foundation

/// The subcommands by name: for the error prefix and for "did you mean" on a typo.
enum Subcommands {
    static var names: [String] {
        Unroll.configuration.subcommands.map { $0._commandName }
            + ["help"]
    }

    /// `unroll render` when the first argument names a subcommand, else `unroll`: the prefix
    /// of every usage and range error of that command.
    static func prefix(_ arguments: [String]) -> String {
        guard let first = arguments.first, names.contains(first), first != "help" else { return "unroll" }
        return "unroll \(first)"
    }

    /// The first argument when it is not an option, not a file and not a subcommand, but is
    /// close to one (at most 2 edits, or a prefix): `chekc` → `check`, `rendr` → `render`.
    static func mistyped(_ arguments: [String]) -> (given: String, meant: String)? {
        // the cheap tests first: a lesson path (the usual first argument) never needs the names
        guard let first = arguments.first, !first.hasPrefix("-"), !first.contains("/"), !first.contains("."),
              !names.contains(first), !FileManager.default.fileExists(atPath: first)
        else { return nil }
        let scored = names.map { (name: $0, d: distance(first, $0)) }.filter { $0.d <= 2 && $0.d < $0.name.count }
        guard let best = scored.min(by: { $0.d < $1.d }) else { return nil }
        return (first, best.name)
    }

    /// Levenshtein distance, with a swap of neighbours counting one.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
