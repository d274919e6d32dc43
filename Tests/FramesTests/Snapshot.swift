import Foundation
import Testing

/// Whole-frame text snapshots, stored as readable files in `Snapshots/` next to this file.
///
/// A snapshot is the frame's plain text, one line per row, trailing spaces trimmed, ending
/// with a newline. A mismatch fails with the differing lines side by side. With
/// `UNROLL_RECORD_SNAPSHOTS=1` in the environment the test writes the file and passes,
/// saying so; a missing file fails and says how to record it.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["UNROLL_RECORD_SNAPSHOTS"] == "1" }

    static func check(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = lines.joined(separator: "\n") + "\n"
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                print("recorded snapshot \(url.path)")
            } catch {
                Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(url.path); run with UNROLL_RECORD_SNAPSHOTS=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected == actual { return }
        Issue.record(Comment(rawValue: "snapshot \(name) differs (re-record with UNROLL_RECORD_SNAPSHOTS=1):\n"
                             + diff(expected: expected, actual: actual)), sourceLocation: sourceLocation)
    }

    /// The differing lines, numbered from 1, at most 20 of them.
    static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let left = i < e.count ? e[i] : "<no line>"
            let right = i < a.count ? a[i] : "<no line>"
            if left == right { continue }
            out.append("line \(i + 1):\n  expected: |\(left)|\n  actual:   |\(right)|")
            if out.count == 20 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
