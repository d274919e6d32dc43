import Foundation
import Testing
@testable import Lessons

/// Inputs that once crashed or hung the loader (saved by `.ci/fuzz` in Tests/Fuzz/crashes/),
/// and a seeded sweep of small mutations of the shipped lessons: each is loaded as `unroll
/// check` loads a file, and must come back with problems or a lesson, never a crash.
@Suite struct FuzzRegressionTests {
    static let crashes = packageRoot.appendingPathComponent("Tests/Fuzz/crashes")

    @Test func savedCrashesLoadWithoutCrashing() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.crashes.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let data = try Data(contentsOf: Self.crashes.appendingPathComponent(name))
            _ = LessonLoader.checkBytes([UInt8](data)).rendered
        }
    }

    /// SplitMix64, for mutations that are the same on every run.
    struct Mutator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(1, n)))
        }

        /// One of: flip a byte, delete a span, duplicate a span, insert YAML punctuation, truncate.
        mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
            var b = bytes
            guard !b.isEmpty else { return b }
            let at = next(b.count)
            switch next(5) {
            case 0: b[at] = UInt8(truncatingIfNeeded: next(256))
            case 1: b.removeSubrange(at..<min(b.count, at + 1 + next(64)))
            case 2: b.insert(contentsOf: b[at..<min(b.count, at + 1 + next(200))], at: at)
            case 3: b.insert(contentsOf: Array(["[", "{", ": ", "- ", "!!", "&a ", "*a", "\t", "\"", "'", "#", "<", "(", " and "][next(14)].utf8), at: at)
            default: b.removeSubrange(at...)
            }
            return b
        }
    }

    @Test func mutatedShippedLessonsNeverCrash() throws {
        let dir = packageRoot.appendingPathComponent("lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var mutator = Mutator(state: 15)
        for name in names {
            let original = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            for _ in 0..<8 {
                var bytes = original
                for _ in 0...mutator.next(3) { bytes = mutator.mutate(bytes) }
                _ = LessonLoader.checkBytes(bytes, path: name).rendered
            }
        }
    }
}
