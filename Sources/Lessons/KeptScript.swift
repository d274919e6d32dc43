import RNNCore
import Yams

/// A check of a slide: the slide's index in the original script and the check's among its checks.
public struct CheckRef: Hashable, Sendable {
    public var slide: Int
    public var check: Int
}

/// What `unroll train --keep-script` keeps: the original slides, less the checks that no
/// longer hold on the trained weights (each leaves a comment where it was); a slide that lost a
/// check or quotes a number the training changed says so in one more sentence.
struct KeptScript {
    var dropping: [CheckRef: String] = [:]
    /// Original slides whose prose quotes an entry the trained weights no longer have (a lint
    /// warning `slide N says …`): they get `untrainedNote` like those that lost a check.
    var stale: Set<Int> = []

    /// Whether slide `i` of the original script gets `untrainedNote`.
    func notes(_ i: Int) -> Bool { stale.contains(i) || dropping.keys.contains { $0.slide == i } }

    /// The original slides (index in the original script) whose text quotes a number that is
    /// not the trained network's: warnings at a kept slide's place (the new script's slide k is
    /// the original's k − 1, after the training slide).
    static func staleSlides(_ analysis: LessonLoader.Analysis) -> Set<Int> {
        guard let script = analysis.lesson?.script else { return [] }
        var out = Set<Int>()
        for (k, slide) in script.enumerated() where k > 0 {
            let line = slide.location.line
            if analysis.warnings.contains(where: { $0.location?.line == line && $0.message.hasPrefix("slide \(k + 1) says ") }) {
                out.insert(k - 1)
            }
        }
        return out
    }

    /// The `show:` of the training slide when the original slides follow it: the first kept
    /// slide's (none when that slide has none). Reveals accumulate from slide 1 on, so a training
    /// slide that showed everything would reveal, before every kept question, what the original
    /// lesson hides until then; with the first slide's set the kept slides reveal what they did.
    static func trainingSlideShow(_ script: Node) -> [String] {
        guard case .sequence(let slides) = script, let first = slides.first, case .mapping(let m) = first,
              let show = m.first(where: { $0.key.scalar?.string == "show" })?.value else { return [] }
        return YamlEmitter.mapping([("show", show)], indent: 4)
    }

    /// The line added to the `say:` of a kept slide that lost a check: its prose still states
    /// the numbers of the weights before training, and the student must not take them for these.
    static let untrainedNote = LocalizedText(
        en: "(Note: unroll train changed the weights; the numbers on this slide describe the network before training.)",
        zh: "（注意：unroll train 改变了权重；这张幻灯片上的数描述的是训练前的网络。）")

    /// A slide's `say:` (a string, or {en, zh}) with `untrainedNote` added to each language.
    static func withUntrainedNote(_ say: Node) -> Node {
        if let s = say.scalar?.string { return Node(s + " " + untrainedNote.en) }
        guard case .mapping(let m) = say else { return say }
        let pairs: [(Node, Node)] = m.map { k, v in
            guard let text = v.scalar?.string else { return (k, v) }
            switch k.scalar?.string {
            case "en": return (k, Node(text + " " + untrainedNote.en))
            case "zh": return (k, Node(text + (untrainedNote.zh ?? "")))
            default: return (k, v)
            }
        }
        return Node(pairs)
    }
}

extension LessonWriter {
    /// A trained lesson that keeps the original slides after the training slide. Each kept
    /// slide's checks are evaluated on the trained weights; those that no longer hold are
    /// dropped, each with a comment in the file and a line in `dropped`, so the file stays valid.
    public static func trainedKeepingScript(originalText: String, path: String, out: String, shape: Shape, params: Params,
                                            optimizerState: OptimizerState?, weightsFile: String? = nil, notes: String, describe: Description,
                                            inlineTexts: [String]? = nil) -> Result<(text: String, dropped: [String]), LessonErrors> {
        keepingScript(originalText: originalText, path: path, out: out,
                      modelLines: model(shape: shape, params: params, state: optimizerState, weightsFile: weightsFile),
                      notes: notes, describe: describe, inlineTexts: inlineTexts)
    }

    /// The same for a trained GRU or LSTM.
    public static func trainedKeepingScript(originalText: String, path: String, out: String, gated: GatedRNN,
                                            optimizerState: OptimizerState?, weightsFile: String? = nil, notes: String, describe: Description,
                                            inlineTexts: [String]? = nil) -> Result<(text: String, dropped: [String]), LessonErrors> {
        keepingScript(originalText: originalText, path: path, out: out,
                      modelLines: model(gated: gated, state: optimizerState, weightsFile: weightsFile),
                      notes: notes, describe: describe, inlineTexts: inlineTexts)
    }

    static func keepingScript(originalText: String, path: String, out: String, modelLines: [String], notes: String,
                              describe: Description, inlineTexts: [String]?) -> Result<(text: String, dropped: [String]), LessonErrors> {
        var keep = KeptScript()
        for _ in 0..<3 {
            let rendered: (text: String, checkLines: [Int: CheckRef])
            switch render(originalText: originalText, path: path, modelLines: modelLines,
                          notes: notes, describe: describe, inlineTexts: inlineTexts, keep: keep) {
            case .failure(let e): return .failure(e)
            case .success(let r): rendered = r
            }
            let analysis = LessonLoader.analyse(text: rendered.text, path: out, lint: true)
            if !analysis.diagnostics.isEmpty { return .failure(LessonErrors(analysis.diagnostics)) }
            let failing = analysis.falseChecks.compactMap { d in d.location.flatMap { rendered.checkLines[$0.line] }.map { ($0, d.message) } }
            let stale = KeptScript.staleSlides(analysis).subtracting(keep.stale)
            if failing.isEmpty && stale.isEmpty {
                let dropped = keep.dropping.sorted { ($0.key.slide, $0.key.check) < ($1.key.slide, $1.key.check) }
                    .map { "slide \($0.key.slide + 1): dropped the \($0.value)" }
                return .success((rendered.text, dropped))
            }
            for (ref, message) in failing { keep.dropping[ref] = message }
            keep.stale.formUnion(stale)
        }
        return .failure(LessonErrors([Diagnostic(path: out, location: nil, message: "internal error: checks still false after dropping them; please report it")]))
    }

    /// The original slides, one `- ` item each; checks written one per line (`check:` then
    /// `- "…"`), those in `keep.dropping` left out with a comment. Records each check's line.
    static func keptSlides(_ script: Node, _ keep: KeptScript, _ lines: inout [String], _ checkLines: inout [Int: CheckRef]) {
        guard case .sequence(let slides) = script else { return }
        for (i, slide) in slides.enumerated() {
            guard case .mapping(let m) = slide else { continue }
            var first = true
            for (k, v) in m {
                let key = k.scalar?.string ?? ""
                var entry: [String]
                if key == "check" {
                    let items = v.sequence.map(Array.init) ?? [v]
                    entry = ["check:"]
                    for (j, item) in items.enumerated() {
                        let ref = CheckRef(slide: i, check: j)
                        let source = item.scalar?.string ?? ""
                        if let why = keep.dropping[ref] {
                            entry.append("# dropped by unroll train --keep-script: \"\(source)\" no longer holds on the trained weights (\(why))"
                                .replacingOccurrences(of: "\n", with: " "))
                        } else {
                            checkLines[lines.count + entry.count + 1] = ref
                            entry.append("  - " + YamlEmitter.quoted(source))
                        }
                    }
                    if !entry.contains(where: { $0.hasPrefix("  - ") }) { entry[0] = "check: []" }
                } else if key == "say", keep.notes(i) {
                    entry = YamlEmitter.mapping([(key, KeptScript.withUntrainedNote(v))], indent: 0)
                } else {
                    entry = YamlEmitter.mapping([(key, v)], indent: 0)
                }
                for (n, line) in entry.enumerated() {
                    let prefix = first && n == 0 ? "  - " : "    "
                    lines.append(line.hasPrefix("#") ? "    " + line : prefix + line)
                }
                first = false
            }
        }
    }
}
