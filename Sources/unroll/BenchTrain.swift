import Foundation
import RNNCore

extension Bench {
    /// `unroll bench --train`: the min-char-rnn setting by default (n_a = 100, vocabulary 27,
    /// T = 25, Adagrad lr 0.1, clip ±5), timed as whole training steps.
    func runTrain() {
        let (rnn, episode) = Self.characterTask(hidden: hidden, vocab: vocab, length: length, seed: 42)
        let config = TrainingConfig(optimizer: .adagrad, learningRate: 0.1, clipping: .elementwise(5), order: .inOrder)
        var trainer = Trainer(rnn: rnn, episodes: [episode], config: config)
        // One run of training goes on from run to run, as a real one does (a copy per run would
        // time copying its memory too); each timed run lasts about 50 ms.
        // A run that breaks the divergence rule stops training (at n_a = 512 this task's loss
        // passes 10× its start): it starts again from the first weights, so every timed step is
        // a training step, as in the peers' loops, which never stop.
        func train(_ k: Int) {
            var left = k
            while left > 0 {
                if trainer.divergence != nil { trainer.reset() }
                left -= trainer.train(steps: left).count
            }
        }
        var steps = 1
        while Self.seconds({ train(steps) }) <= 0.05 && steps <= 1 << 24 { steps *= 2 }
        var samples: [Double] = [], cpu: [Double] = []
        let split0 = Kernels.splitParts
        for _ in 0..<runs {
            let c0 = threadCPUSeconds()
            let s = Self.seconds { train(steps) }
            samples.append(s / Double(steps * length) * 1e6)
            cpu.append((threadCPUSeconds() - c0) / Double(steps * length) * 1e6)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        let first = trainer.lossHistory.first ?? .nan, last = trainer.lossHistory.last ?? .nan
        writeLine("setting: n_a = \(hidden), n_x = n_y = \(vocab), T = \(length), tanh, softmax; Adagrad lr 0.1, clip ±5")
        writeLine(Self.kernelsLine)
        writeLine(Self.threadsLine(since: split0))
        writeLine(String(format: "runs: %d × %d training steps, one run after another; loss %.4f → %.4f", runs, steps, first, last))
        writeLine(String(format: "%.1f training steps per second", 1e6 / (median * Double(length))))
        writeLine(Self.cpuLine(cpu))
        writeLine(String(format: "min %.3f  median %.3f  max %.3f µs per time step", samples[0], median, samples[samples.count - 1]))
        writeLine(String(format: "train µs/step: %.3f", median))
    }
}
