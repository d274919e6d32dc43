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
        let split0 = Self.threadCounts
        let (steps, samples, cpu) = timeTrainingRuns(train)
        writeTrainingReport(setting: "n_a = \(hidden), n_x = n_y = \(vocab), T = \(length), tanh, softmax; Adagrad lr 0.1, clip ±5",
                            threads: Self.threadsLine(since: split0), steps: steps, samples: samples, cpu: cpu,
                            loss: (trainer.lossHistory.first ?? .nan, trainer.lossHistory.last ?? .nan))
    }

    /// Times whole training steps: doubles a run's steps until it lasts over 50 ms, then times
    /// --runs such runs one after another. Returns the steps per run and the µs per time step of
    /// each run, by wall clock (sorted) and by this thread's CPU time.
    func timeTrainingRuns(_ train: (Int) -> Void) -> (steps: Int, samples: [Double], cpu: [Double]) {
        var steps = 1
        while Self.seconds({ train(steps) }) <= 0.05 && steps <= 1 << 24 { steps *= 2 }
        var samples: [Double] = [], cpu: [Double] = []
        for _ in 0..<runs {
            let c0 = threadCPUSeconds()
            let s = Self.seconds { train(steps) }
            samples.append(s / Double(steps * length) * 1e6)
            cpu.append((threadCPUSeconds() - c0) / Double(steps * length) * 1e6)
        }
        return (steps, samples.sorted(), cpu)
    }

    /// The report of `bench --train` (plain or gated); its last line is `train µs/step: X`,
    /// the median over the runs.
    func writeTrainingReport(setting: String, threads: String?, steps: Int, samples: [Double], cpu: [Double],
                             loss: (first: Double, last: Double)) {
        let median = samples[samples.count / 2]
        writeLine("setting: " + setting)
        writeLine(Self.kernelsLine)
        if let threads { writeLine(threads) }
        writeLine(String(format: "runs: %d × %d training steps, one run after another; loss %.4f → %.4f", runs, steps, loss.first, loss.last))
        writeLine(String(format: "%.1f training steps per second", 1e6 / (median * Double(length))))
        writeLine(Self.cpuLine(cpu))
        writeLine(String(format: "min %.3f  median %.3f  max %.3f µs per time step", samples[0], median, samples[samples.count - 1]))
        writeLine(String(format: "train µs/step: %.3f", median))
    }
}
