import ArgumentParser
import Foundation
import RNNCore

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (build with -c release for meaningful figures).",
        discussion: """
        Without --render: forward + BPTT on a one-hot character sequence at n_a = --hidden,
        n_x = n_y = --vocab and T = --length, repeated; the last line is
        `forward+bptt µs/step: X`, the median over --runs runs, in microseconds per time step.
        With --train: whole training steps (forward + BPTT + clip ±5 + Adagrad update, lr 0.1) on
        the same task; the last line is `train µs/step: X`, also per time step.
        """
    )

    @Option(help: "Hidden units n_a (1…1024).") var hidden = 100
    @Option(help: "Vocabulary size n_x = n_y (2…1024).") var vocab = 27
    @Option(help: "Sequence length T (1…10000).") var length = 25
    @Option(help: "Timed runs; the median is reported (1…100).") var runs = 7
    @Flag(help: "Time training steps (forward + BPTT + clip + Adagrad) instead of forward + BPTT.") var train = false

    func validate() throws {
        guard (1...Limits.maxSize).contains(hidden) else { throw ValidationError("--hidden must be 1…\(Limits.maxSize), got \(hidden)") }
        guard (2...Limits.maxSize).contains(vocab) else { throw ValidationError("--vocab must be 2…\(Limits.maxSize), got \(vocab)") }
        guard (1...Limits.maxSteps).contains(length) else { throw ValidationError("--length must be 1…\(Limits.maxSteps), got \(length)") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be 1…100, got \(runs)") }
    }

    func run() throws {
        if train { return runTrain() }
        let (rnn, episode) = Self.characterTask(hidden: hidden, vocab: vocab, length: length, seed: 42)
        var ws = Workspace(shape: rnn.shape, episode: episode)
        // Repeat each timed run until it lasts about 50 ms, so the clock's resolution does not matter.
        let perPass = Double(length)
        var passes = 1
        while true {
            let s = Self.seconds { for _ in 0..<passes { ws.forward(rnn.params); ws.backward(rnn.params) } }
            if s > 0.05 || passes > 1 << 24 { break }
            passes *= 2
        }
        var samples: [Double] = []
        var sink = 0.0
        for _ in 0..<runs {
            let s = Self.seconds {
                for _ in 0..<passes { sink += ws.forward(rnn.params); ws.backward(rnn.params) }
            }
            samples.append(s / Double(passes) / perPass * 1e6)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        let forwardOnly = Self.seconds { for _ in 0..<passes { sink += ws.forward(rnn.params) } } / Double(passes) / perPass * 1e6
        print("setting: n_a = \(hidden), n_x = n_y = \(vocab), T = \(length), softmax cross-entropy, tanh")
        print("runs: \(runs) × \(passes) passes; loss check \(String(format: "%.6f", sink / Double(runs * passes)))")
        print(String(format: "forward alone: %.3f µs per time step (one run)", forwardOnly))
        print(String(format: "min %.3f  median %.3f  max %.3f µs per time step", samples[0], median, samples[samples.count - 1]))
        print(String(format: "forward+bptt µs/step: %.3f", median))
    }

    /// A one-hot character task like the minimal numpy character RNN's: inputs are characters
    /// of a seeded random text, each target is the next character.
    static func characterTask(hidden: Int, vocab: Int, length: Int, seed: UInt64) -> (RNN, Episode) {
        var g = SplitMix64(seed: seed)
        let chars = (0...length).map { _ in Int(g.next() % UInt64(vocab)) }
        func oneHot(_ i: Int) -> [Double] { (0..<vocab).map { $0 == i ? 1 : 0 } }
        let shape = Shape(nx: vocab, na: hidden, ny: vocab, g1: .tanh, g2: .softmax)
        let params = Params.seeded(shape, seed: seed, scale: 0.01)
        // characterTask builds its own consistent sizes, so the episode cannot fail.
        let episode = try? Episode(architecture: .manyToMany, nx: vocab,
                                   inputs: chars.dropLast().map(oneHot), targets: chars.dropFirst().map(oneHot))
        guard let episode else { preconditionFailure("bench episode sizes are consistent by construction") }
        return (RNN(shape: shape, params: params), episode)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
