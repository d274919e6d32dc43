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
        var samples: [Double] = [], cpu: [Double] = []
        var sink = 0.0
        for _ in 0..<runs {
            let c0 = threadCPUSeconds()
            let s = Self.seconds { for _ in 0..<passes { sink += ws.forward(params); ws.backward() } }
            samples.append(s / Double(passes) / Double(length) * 1e6)
            cpu.append((threadCPUSeconds() - c0) / Double(passes) / Double(length) * 1e6)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        writeLine("setting: \(cell.rawValue), n_a = \(hidden), n_x = n_y = \(vocab), T = \(length), softmax cross-entropy")
        writeLine(Self.kernelsLine)
        writeLine("runs: \(runs) × \(passes) passes; loss check \(String(format: "%.6f", sink / Double(runs * passes)))")
        writeLine(Self.cpuLine(cpu))
        writeLine(String(format: "min %.3f  median %.3f  max %.3f µs per time step", samples[0], median, samples[samples.count - 1]))
        writeLine(String(format: "forward+bptt µs/step: %.3f", median))
    }

    /// `unroll bench --cell gru|lstm --train`: whole training steps of the gated cell on the same
    /// task (forward + BPTT + clip ±5 + Adagrad lr 0.1, as `--train` for the plain cell); the last
    /// line is `train µs/step: X`, the median over --runs runs, per time step.
    func runGatedTrain(_ cell: GatedCell) {
        let (plain, episode) = Self.characterTask(hidden: hidden, vocab: vocab, length: length, seed: 42)
        let shape = GatedShape(cell: cell, nx: plain.shape.nx, na: plain.shape.na, ny: plain.shape.ny, g2: .softmax)
        let rnn = GatedRNN(shape: shape, params: .seeded(shape, seed: 42, scale: 0.01))
        let config = TrainingConfig(optimizer: .adagrad, learningRate: 0.1, clipping: .elementwise(5), order: .inOrder)
        var trainer = GatedTrainer(rnn: rnn, episodes: [episode], config: config)
        // one run goes on from timed run to timed run; a run that breaks the divergence rule
        // starts again from the first weights, so every timed step is a training step
        func train(_ k: Int) {
            var left = k
            while left > 0 {
                if trainer.divergence != nil { trainer.reset() }
                left -= trainer.train(steps: left).count
            }
        }
        let (steps, samples, cpu) = timeTrainingRuns(train)
        writeTrainingReport(setting: "\(cell.rawValue), n_a = \(hidden), n_x = n_y = \(vocab), T = \(length), softmax; Adagrad lr 0.1, clip ±5",
                            threads: nil, steps: steps, samples: samples, cpu: cpu,
                            loss: (trainer.lossHistory.first ?? .nan, trainer.lossHistory.last ?? .nan))
    }
}
