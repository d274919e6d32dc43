import ArgumentParser
import Foundation
import RNNCore

extension CellKind: ExpressibleByArgument {}

extension Bench {
    /// `unroll bench --cell gru|lstm`: forward + BPTT of the gated cell on the same one-hot
    /// character task as the plain cell (the same sizes, seed and text); the last line is
    /// `forward+bptt µs/step: X`, the median over --runs runs, per time step.
    func runGated(_ cell: GatedCell) {
        let (plain, episode) = Self.characterTask(hidden: hidden, vocab: vocab, length: length, seed: 42)
        let shape = GatedShape(cell: cell, nx: plain.shape.nx, na: plain.shape.na, ny: plain.shape.ny, g2: .softmax)
        let params = GatedParams.seeded(shape, seed: 42, scale: 0.01)
        let ws = GatedWorkspace(shape: shape, episode: episode)
        var passes = 1
        while true {
            let s = Self.seconds { for _ in 0..<passes { ws.forward(params); ws.backward() } }
            if s > 0.05 || passes > 1 << 24 { break }
            passes *= 2
        }
        var samples: [Double] = []
        var sink = 0.0
        for _ in 0..<runs {
            let s = Self.seconds { for _ in 0..<passes { sink += ws.forward(params); ws.backward() } }
            samples.append(s / Double(passes) / Double(length) * 1e6)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        writeLine("setting: \(cell.rawValue), n_a = \(hidden), n_x = n_y = \(vocab), T = \(length), softmax cross-entropy")
        writeLine("runs: \(runs) × \(passes) passes; loss check \(String(format: "%.6f", sink / Double(runs * passes)))")
        writeLine(String(format: "min %.3f  median %.3f  max %.3f µs per time step", samples[0], median, samples[samples.count - 1]))
        writeLine(String(format: "forward+bptt µs/step: %.3f", median))
    }
}
