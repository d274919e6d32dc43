import ArgumentParser
import Foundation
import Lessons
import RNNCore

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate sequences from a character lesson's model, one character at a time.",
        discussion: """
        One-to-many: the prefix is read first (default: a newline when vocab has one, else the first \
        character of the lesson's text), then each sampled character is fed back as the next input, \
        until a newline (the end token) or --max-length characters. One sequence per line.
        """
    )

    @Argument(help: "The lesson file (YAML) of a character model (sequence.vocab, g2: softmax).") var lesson: String
    @Option(name: .customLong("n"), help: "How many sequences (1…10000).") var n = 10
    @Option(help: "Divides the logits: < 1 sharper, > 1 flatter, 0 the most likely character every time.") var temperature = 1.0
    @Option(help: "Seed of the sampling (SplitMix64).") var seed: UInt64 = 0
    @Option(help: "At most this many sampled characters per sequence (1…10000).") var maxLength = 50
    @Option(help: "Characters read before sampling starts, e.g. \"ma\".") var prefix: String?

    func validate() throws {
        guard (1...10_000).contains(n) else { throw ValidationError("--n must be 1…10000, got \(n)") }
        guard temperature >= 0 && temperature.isFinite else { throw ValidationError("--temperature must be a number ≥ 0, got \(temperature)") }
        guard (1...Limits.maxSteps).contains(maxLength) else { throw ValidationError("--max-length must be 1…\(Limits.maxSteps), got \(maxLength)") }
        if prefix == "" { throw ValidationError("--prefix must not be empty; leave it out to start from the default") }
    }

    func fail(_ message: String) throws -> Never {
        writeStderr("unroll sample: \(message)\n")
        throw ExitCode(1)
    }

    func run() throws {
        let loaded = try loadLessonOrExit(lesson)
        guard let codec = loaded.codec, loaded.rnn.shape.g2 == .softmax else {
            try fail("\(lesson) is not a character lesson (sequence.vocab with g2: softmax); sampling feeds each character back as the next input")
        }
        var start: [Int] = []
        let prefixChars: [Character]
        if let prefix {
            prefixChars = Array(prefix)
            for c in prefixChars {
                guard let i = codec.index(of: c) else { try fail("--prefix: '\(Vocabulary.label(c))' is not in the lesson's vocab") }
                start.append(i)
            }
            if let end = codec.endTokenIndex, start.first != end { start.insert(end, at: 0) }
        } else if let end = codec.endTokenIndex {
            start = [end]; prefixChars = []
        } else {
            let first = loaded.episode.x[0].firstIndex(of: 1) ?? 0
            start = [first]; prefixChars = [codec.vocab[first]]
        }
        var sampler = loaded.gated.map {
            Sampler(gated: $0, prefix: start, endToken: codec.endTokenIndex, maxLength: maxLength,
                    temperature: temperature, seed: seed)
        } ?? Sampler(rnn: loaded.rnn, prefix: start, endToken: codec.endTokenIndex, maxLength: maxLength,
                              temperature: temperature, seed: seed)
        var out = ""
        for _ in 0..<n {
            let sampled = sampler.generate().filter { $0.sampled && $0.token != codec.endTokenIndex }.map { codec.vocab[$0.token] }
            out += Self.shown(prefixChars + sampled) + "\n"
        }
        writeStdout(out)
    }

    /// A generated sequence on one line: newlines and tabs shown as ⏎ and ⇥.
    static func shown(_ chars: [Character]) -> String {
        String(chars.filter { $0 != "\n" }).map { $0 == "\t" ? "⇥" : String($0) }.joined()
    }
}
