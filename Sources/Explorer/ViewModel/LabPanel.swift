import Lessons
import RNNCore

/// The training lab as drawn in place of the equation panel.
public struct LabPanel: Equatable, Sendable {
    /// One point of a chart: the range of the raw values and the line's value over a span of steps.
    public struct Point: Equatable, Sendable {
        public var low: Double, high: Double, line: Double
    }
    /// One setting: its key(s), its name and its value (`o`, `optimizer`, `Adagrad`), and a
    /// shorter name for narrow screens (`lr` for `learning rate`; empty where the value says it)
    /// and, where the value is long, a shorter value for them (`325 条` for `训练文本（325 条）`).
    public struct Setting: Equatable, Sendable {
        public var keys: String, name: String, value: String, short: String
        public var shortValue: String? = nil
    }

    public var title: String
    public var settings: [Setting]
    /// `running · step 1200 · 8400 steps/s · loss 14.302`
    public var status: String
    /// Why the run stopped, in words (divergence), if it did; after a `w` that wrote nothing
    /// because of it, that refusal and what the next `w` does.
    public var message: String?
    public var lossTitle: String
    /// The titles for narrow screens.
    public var lossTitleShort: String
    public var gradientTitleShort: String
    public var loss: [Point]
    /// The loss chart on a log scale: its values span two decades or more (a one-sequence run
    /// that falls from 1.21 to 7e-6 is a curve, not one column and a flat line at zero).
    public var lossLog = false
    public var steps: Int
    /// The step the charts' x axis starts at: the steps trained before the lab (08b's 30000).
    public var firstStep = 0
    public var gradientTitle: String
    public var gradient: [Point]
    /// The clip level C drawn on the gradient chart (nil when clipping is off).
    public var clipLevel: Double?
    public var daTitle: String
    /// The ‖da<t>‖ and ‖dc<t>‖ titles for a narrow column (`‖da<t>‖ (log)`), followed there by the range.
    public var daTitleShort: String
    public var dcTitleShort: String
    /// ‖da<t>‖ for t = 1…T of the lesson's sequence, at the lab's weights.
    public var daNorms: [Double]
    /// For an LSTM, ‖dc<t>‖ for t = 1…T (the memory's gradient, which need not vanish).
    public var dcTitle: String
    public var dcNorms: [Double]?
    /// The charts' x unit (`steps`, `步`).
    public var xUnit: String = "steps"
    /// Empty when the lesson has no characters to sample (the pane is then left out).
    public var samplesTitle: String
    /// `step 1200  L 14.3  marie · jon · ana`, newest first.
    public var samples: [String]
}

extension LabPanel {
    /// Whether `points` are all positive (where finite) and their highest is at least 100× their
    /// lowest: then a log scale shows them; a linear one would squash all but the first fall to zero.
    public static func spansDecades(_ points: [Point]) -> Bool {
        let values = points.flatMap { [$0.low, $0.high] }.filter(\.isFinite)
        guard let lo = values.min(), let hi = values.max(), lo > 0 else { return false }
        return hi >= 100 * lo
    }
}

extension ExplorerState {
    var labPanel: LabPanel? {
        guard let l = lab else { return nil }
        let w = words
        func points(_ s: DownsampledSeries, line: DownsampledSeries? = nil) -> [LabPanel.Point] {
            s.buckets.enumerated().map { i, b in
                LabPanel.Point(low: b.min, high: b.max, line: line.map { $0.buckets.indices.contains(i) ? $0.buckets[i].mean : b.mean } ?? b.mean)
            }
        }
        let latest = l.keptLoss
        let settings: [LabPanel.Setting] = [
            .init(keys: "o", name: pick("optimizer", "优化器"), value: w.optimizerName(l.optimizer), short: ""),
            .init(keys: "[ ]", name: pick("learning rate", "学习率"), value: Words.short(l.learningRate), short: pick("lr", "学习率")),
            .init(keys: "c v", name: pick("clip", "梯度裁剪"), value: w.labClip(l), short: pick("clip", "裁剪")),
            .init(keys: "u", name: pick("steps/update", "每次刷新步数"), value: "\(l.stepsPerUpdate)", short: pick("steps/upd", "刷新步数")),
            .init(keys: "x", name: pick("sequences", "序列"),
                  value: l.sequences == .texts ? pick("texts (\(l.allEpisodes.count))", "训练文本（\(l.allEpisodes.count) 条）") : pick("this one", "这一条"),
                  short: "", shortValue: l.sequences == .texts ? pick("texts (\(l.allEpisodes.count))", "\(l.allEpisodes.count) 条") : nil),
            .init(keys: "< >", name: pick("temperature", "温度"), value: Words.short(l.temperature), short: pick("temp", "温度")),
        ]
        let samples = l.samples.reversed().map { s in
            "\(s.step): L \(numbers.format(s.loss))  " + s.texts.joined(separator: " · ")
        }
        let loss = points(l.loss, line: l.smoothedLoss), log = LabPanel.spansDecades(loss)
        return LabPanel(title: w.labTitle, settings: settings, status: w.labStatus(l, loss: latest),
                        message: l.divergence == nil ? nil : l.saveHeld ? w.labDivergedSave(l) : w.labDiverged(l),
                        lossTitle: l.oneSequence ? w.labLossTitleOne(log: log) : w.labLossTitle(log: log),
                        lossTitleShort: l.oneSequence ? w.labLossTitleOneShort(log: log) : w.labLossTitleShort(log: log),
                        gradientTitleShort: w.labGradientTitleShort(l.clip, bound: l.clipBound),
                        loss: loss, lossLog: log, steps: l.steps, firstStep: l.baseStep,
                        gradientTitle: w.labGradientTitle(l.clip, bound: l.clipBound), gradient: points(l.gradientNorms), clipLevel: l.clipLevel,
                        daTitle: w.labDaTitle, daTitleShort: w.labDaTitleShort, dcTitleShort: w.labDcTitleShort,
                        daNorms: daNorms, dcTitle: w.labDcTitle, dcNorms: labDcNorms,
                        xUnit: pick("steps", "步"), samplesTitle: lesson.codec == nil ? "" : w.labSamplesTitle, samples: samples)
    }

    /// ‖dc<t>‖ for every step of an LSTM's trace (nil for other cells or without a backward pass).
    var labDcNorms: [Double]? {
        guard lesson.cell == .lstm, trace.hasBackward, trace.T > 0 else { return nil }
        return (1...trace.T).map { trace.norm(of: .dc, at: $0) ?? 0 }
    }

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }
}
