import ArgumentParser
import Foundation
import Lessons
import RNNCore

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",   // named, not derived from the type at every start
        abstract: "Generate sequences from a character lesson's model, one character at a time.",
        discussion: """
        One-to-many: the prefix is read first (default: a newline when vocab has one, else the first \
        character of the lesson's text), then each sampled character is fed back as the next input, \
        until a newline (the end token) or --max-length characters. One sequence per line. A \
        one-to-many lesson generates as it is built: zero inputs after t = 1, at most its T characters.
        """
    )

    @Argument(help: "The lesson file (YAML) of a character model (sequence.vocab, g2: softmax).") var lesson: String
    @Option(name: .customLong("n"), parsing: .unconditional, help: "How many sequences (1…10000).") var n = 10
    @Option(parsing: .unconditional, help: "Divides the logits: < 1 sharper, > 1 flatter, 0 the most likely character every time.") var temperature = 1.0
    @Option(help: "Seed of the sampling (SplitMix64).") var seed: UInt64 = 0
    @Option(parsing: .unconditional, help: "At most this many sampled characters per sequence (1…10000).") var maxLength = 50
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
        var given: [Int] = []
        for c in Array(prefix ?? "") {
            guard let i = codec.index(of: c) else { try fail("--prefix: '\(Vocabulary.label(c))' is not in the lesson's vocab") }
            given.append(i)
        }
        guard let start = loaded.samplingStart(prefix: given),
              var sampler = loaded.sampler(prefix: given, maxLength: maxLength, temperature: temperature, seed: seed) else {
            try fail("\(lesson) is not a character lesson (sequence.vocab with g2: softmax and n_x = n_y = the vocab's size)")
        }
        let prefixChars = start.filter { $0 != codec.endTokenIndex }.map { codec.vocab[$0] }
        var out = ""
        for _ in 0..<n {
            let steps = sampler.generate()
            if let bad = steps.first(where: { !($0.distribution + $0.yHat + $0.a).allSatisfy(\.isFinite) }) {
                try fail(Self.nonFinite(loaded.rnn.params, step: bad.t))
            }
            let sampled = steps.filter { $0.sampled && $0.token != codec.endTokenIndex }.map { codec.vocab[$0.token] }
            out += Self.shown(prefixChars + sampled) + "\n"
        }
        writeStdout(out)
    }

    /// Why sampling stopped: at step t the numbers stopped being finite; the weights that
    /// overflow (the largest entry of each, largest first).
    static func nonFinite(_ p: Params, step: Int) -> String {
        let parts: [(String, [Double])] = [("Waa", p.Waa.values), ("Wax", p.Wax.values), ("Wya", p.Wya.values),
                                            ("ba", p.ba), ("by", p.by), ("a0", p.a0)]
        let largest = parts.map { ($0.0, $0.1.map(abs).max() ?? 0) }.enumerated()
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }.map(\.element)
        let named = largest.prefix(3).map { String(format: "%@ up to %g", $0.0, $0.1) }.joined(separator: ", ")
        return "the probabilities are not finite (NaN) from step \(step) on: the weights are too large for the arithmetic (\(named)); nothing sampled"
    }

    /// A generated sequence on one line: newlines and tabs shown as ⏎ and ⇥.
    static func shown(_ chars: [Character]) -> String {
        String(chars.filter { $0 != "\n" }).map { $0 == "\t" ? "⇥" : String($0) }.joined()
    }
}
