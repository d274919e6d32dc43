import RNNCore
import Yams

/// The settings a stored run was trained with, kept beside its memory in `model.optimizer_state`
/// so that training the lesson again continues the same run (12b: Adam at lr 0.01 with each
/// entry clipped to ±5), not only with the same optimizer:
///
///     optimizer_state:
///       optimizer: adam
///       steps: 20000
///       seed: 0
///       lr: 0.01                 # optional: the learning rate
///       clip: 5                  # optional: none, or C (each entry to ±C)
///       clip_mode: norm          # optional, with clip: C: ‖g‖ ≤ C instead of each entry
public struct TrainingSettings: Equatable, Sendable {
    public var learningRate: Double?
    public var clipping: Clipping?

    public init(learningRate: Double? = nil, clipping: Clipping? = nil) {
        self.learningRate = learningRate; self.clipping = clipping
    }
}

extension NodeReader {
    static let settingsKeys = ["lr", "clip", "clip_mode"]

    /// `lr`, `clip` and `clip_mode` of the `optimizer_state` entry of the `model` mapping node
    /// (its other keys are `readOptimizerState`'s); empty when there are none.
    func readTrainingSettings(inModel model: Node) -> TrainingSettings {
        guard case .mapping(let m) = model, let node = m.first(where: { $0.key.scalar?.string == "optimizer_state" })?.value,
              case .mapping(let state) = node else { return TrainingSettings() }
        var f: [String: Node] = [:]
        for (k, v) in state { if let key = k.scalar?.string, f[key] == nil { f[key] = v } }
        var settings = TrainingSettings()
        if let lr = f["lr"], let v = number(lr, "optimizer_state.lr") {
            if v > 0 { settings.learningRate = v } else { error("optimizer_state.lr must be a number greater than 0, got \(v)", at: lr) }
        }
        let mode = f["clip_mode"].flatMap { n -> String? in
            guard let s = n.scalar?.string, ["elementwise", "norm"].contains(s) else {
                error("optimizer_state.clip_mode must be elementwise or norm, got \(describe(n))", at: n); return nil
            }
            return s
        }
        if let clip = f["clip"] {
            if clip.scalar?.string == "none" {
                settings.clipping = Clipping.none
                if let m = f["clip_mode"], mode != nil { error("optimizer_state.clip_mode needs clip: C (a bound), not none; remove it", at: m) }
            } else if let c = number(clip, "optimizer_state.clip (none, or the bound C)") {
                if c > 0 { settings.clipping = mode == "norm" ? .globalNorm(c) : .elementwise(c) }
                else { error("optimizer_state.clip must be none or a number greater than 0, got \(c)", at: clip) }
            }
        } else if let m = f["clip_mode"] {
            error("optimizer_state.clip_mode needs clip: C (the bound); add it or remove clip_mode", at: m)
        }
        return settings
    }
}

extension LessonWriter {
    /// The lines of `settings` under `optimizer_state:` (4 spaces in).
    static func settingsLines(_ settings: TrainingSettings) -> [String] {
        var lines: [String] = []
        if let lr = settings.learningRate { lines.append("    lr: \(YamlEmitter.number(lr))") }
        switch settings.clipping {
        case nil: break
        case .some(.none): lines.append("    clip: none")
        case .some(.elementwise(let c)): lines.append("    clip: \(YamlEmitter.number(c))")
        case .some(.globalNorm(let c)): lines += ["    clip: \(YamlEmitter.number(c))", "    clip_mode: norm"]
        }
        return lines
    }

    /// A written lesson's text with `settings` recorded in its `optimizer_state` (after its
    /// `seed:` line); the text unchanged when it has no optimizer state.
    public static func recording(_ settings: TrainingSettings, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let state = lines.firstIndex(of: "  optimizer_state:"),
              let seed = lines[state...].firstIndex(where: { $0.hasPrefix("    seed: ") }) else { return text }
        lines.insert(contentsOf: settingsLines(settings), at: seed + 1)
        return lines.joined(separator: "\n")
    }
}
