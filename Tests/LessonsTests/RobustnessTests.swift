import Foundation
import Testing
import RNNCore
@testable import Lessons

/// `unroll check` never crashes, whatever the bytes: truncated, shuffled and random variants
/// of lesson files each give "ok" or clean diagnostics.
@Suite struct RobustnessTests {
    var seeds: [String] {
        let readme = (try? String(contentsOf: packageRoot.appendingPathComponent("lessons/README.md"), encoding: .utf8)) ?? ""
        let example = readme.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first ?? ""
        return [baseLesson, example]
    }

    /// Every outcome is "ok" or a list of well-formed diagnostics.
    func assertClean(_ bytes: [UInt8], _ label: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("fuzz.yaml")
        try Data(bytes).write(to: file)
        let r = LessonChecker.check(paths: [file.path])
        if r.exitCode == 0 {
            #expect(r.output == "ok: 1 lesson", "\(label)")
        } else {
            #expect(r.exitCode == 1)
            #expect(r.output.hasPrefix(file.path + ":") && r.output.contains("error: "), "\(label): \(r.output)")
            #expect(!r.output.unicodeScalars.contains { $0.value == 0x1B }, "\(label): ESC reached the output")
        }
    }

    @Test func truncatedVariants() throws {
        for seed in seeds {
            let bytes = Array(seed.utf8)
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 150)) {
                try assertClean(Array(bytes[0..<cut]), "truncated at \(cut)")
            }
        }
    }

    @Test func shuffledVariants() throws {
        var g = SplitMix64(seed: 42)
        for seed in seeds {
            let lines = seed.components(separatedBy: "\n")
            for i in 0..<60 {
                var shuffled = lines
                shuffled.shuffle(using: &g)
                try assertClean(Array(shuffled.joined(separator: "\n").utf8), "shuffled lines #\(i)")
                var chars = Array(seed)
                for _ in 0..<6 { chars.swapAt(Int.random(in: 0..<chars.count, using: &g), Int.random(in: 0..<chars.count, using: &g)) }
                try assertClean(Array(String(chars).utf8), "swapped characters #\(i)")
            }
        }
    }

    @Test func randomVariants() throws {
        var g = SplitMix64(seed: 7)
        let alphabet = Array(" \n\t-:[]{},.\"'#&*!|>?%@`0123456789abcxyzn_aWæ你\u{1B}\u{0}".utf8)
        for seed in seeds {
            let bytes = Array(seed.utf8)
            for i in 0..<120 {
                var mutated = bytes
                for _ in 0..<(1 + i % 8) {
                    let at = Int.random(in: 0..<mutated.count, using: &g)
                    switch Int.random(in: 0..<3, using: &g) {
                    case 0: mutated[at] = UInt8.random(in: 0...255, using: &g)
                    case 1: mutated.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &g)], at: at)
                    default: mutated.remove(at: at)
                    }
                }
                try assertClean(mutated, "mutation #\(i)")
            }
            for i in 0..<30 {
                let noise = (0..<Int.random(in: 0...400, using: &g)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
                try assertClean(noise, "noise #\(i)")
            }
        }
    }
}
