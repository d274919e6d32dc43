import Foundation
import RNNCore

/// `unroll new`: a lesson file to start from, valid and free of lint warnings: seeded weights,
/// a sequence of the right shape for the architecture, and two slides (the first step with a
/// check; the last output with a question, its focus and a check), in English and Chinese.
/// For `cell` gru or lstm the model has no g1 and the first slide shows the gates.
public enum LessonSkeleton {
    /// The numbers the slides state, and what the question asks: is ŷ<out>[entry] above 0.5?
    /// `digits` (nil: the default 2) is how many decimals the lesson shows.
    struct Numbers {
        var a1: Double
        var yHat: Double
        var out: Int
        var entry: Int
        var digits: Int?
    }

    /// The lesson text, or the loader's errors when the sizes make no lesson (e.g. a cell the
    /// engine does not have). With `screenRules` (`unroll new` passes `QuestionAudit.warnings`)
    /// the question is the first that passes `check --strict` of: the last output's first entry,
    /// then the other entries and output steps, then the same with 3 decimals on screen (a value
    /// that a small network repeats, e.g. ŷ<1> = ŷ<3>, or that another entry on screen happens
    /// to print as, would give the answer away).
    public static func make(architecture: Architecture, cell: String, nx: Int, na: Int, ny: Int, seed: Int,
                            screenRules: ((Lesson) -> [SlideWarning])? = nil) -> Result<String, LessonErrors> {
        let draft = text(architecture: architecture, cell: cell, nx: nx, na: na, ny: ny, seed: seed, numbers: nil)
        switch LessonLoader.load(text: draft, path: "new lesson") {
        case .failure(let e): return .failure(e)
        case .success(let lesson):
            let trace = lesson.makeTrace()
            let outputs = (1...trace.T).filter { trace.hasOutput($0) }
            let value = { (ref: String) in (try? trace.number(EntryRef.parse(ref).get()).get()) ?? 0 }
            let a1 = value("a<1>[0]")
            var first: String?
            for digits in [nil, 3] as [Int?] {
                for out in (outputs.isEmpty ? [trace.T] : outputs).reversed() {
                    for entry in 0..<min(ny, 3) {
                        let numbers = Numbers(a1: a1, yHat: value("ŷ<\(out)>[\(entry)]"), out: out, entry: entry, digits: digits)
                        let candidate = text(architecture: architecture, cell: cell, nx: nx, na: na, ny: ny, seed: seed, numbers: numbers)
                        guard let screenRules else { return .success(candidate) }
                        if first == nil { first = candidate }
                        if LessonChecker.passesStrict(text: candidate, path: "new lesson", screenRules: screenRules) {
                            return .success(candidate)
                        }
                    }
                }
            }
            return .success(first ?? draft)
        }
    }

    static func text(architecture: Architecture, cell: String, nx: Int, na: Int, ny: Int, seed: Int,
                     numbers: Numbers?) -> String {
        let tx: Int, ty: Int
        switch architecture {
        case .oneToOne: (tx, ty) = (1, 1)
        case .oneToMany: (tx, ty) = (1, 3)
        case .manyToOne: (tx, ty) = (3, 1)
        case .manyToMany: (tx, ty) = (3, 3)
        case .encoderDecoder: (tx, ty) = (3, 2)
        }
        let g2 = ny == 1 ? "sigmoid" : "softmax"
        let x = (0..<tx).map { k in "[" + (0..<nx).map { $0 == k % nx ? "1" : "0" }.joined(separator: ", ") + "]" }
        let y = (0..<ty).map { k in ny == 1 ? (k % 2 == 0 ? "1" : "0") : "\(k % ny)" }
        let f = { (v: Double) in String(format: "%.\(numbers?.digits ?? 2)f", v) }
        let a1 = numbers.map { f($0.a1) } ?? "0"
        let yHat = numbers.map { f($0.yHat) } ?? "0"
        let out = numbers?.out ?? 1
        let k = numbers?.entry ?? 0
        let display = numbers?.digits.map { "display: {digits: \($0)}\n" } ?? ""
        let above = (numbers?.yHat ?? 0) > 0.5
        let step = firstStep(cell: cell, a1: a1)
        let gatedName = cell == "gru" ? " GRU" : (cell == "lstm" ? " LSTM" : "")
        var lines = """
        # A new lesson (unroll new): edit the words, the weights and the sequence; keep every number a check.
        # unroll check --strict THIS.yaml proves it; unroll THIS.yaml --watch shows each change as you save.
        title: {en: "A new \(architecture.rawValue)\(gatedName) lesson", zh: "新的\(architecture.rawValue)\(gatedName)课"}
        summary: {en: "One step forward, then the output", zh: "先向前一步，再看输出"}
        model:
          cell: \(cell)
          n_x: \(nx)
          n_a: \(na)
          n_y: \(ny)
        \(cell == "gru" || cell == "lstm" ? "" : "  g1: tanh\n")  g2: \(g2)
          init: {seed: \(seed), scale: 0.5}
        \(display)architecture: \(architecture.rawValue)
        sequence:
          x: [\(x.joined(separator: ", "))]
          y: [\(y.joined(separator: ", "))]

        """
        guard numbers != nil else { return lines + "script:\n  - say: draft\n" }
        lines += """
        script:
          - say:
              en: "\(step.en)"
              zh: "\(step.zh)"
            at: {phase: forward, t: 1}
            show: [\(step.show)]
            focus: "a<1>[0]"
            check: "a<1>[0] ≈ \(a1)"
          - say:
              en: "Step \(out): the output ŷ<\(out)> = \(g2)(Wya a<\(out)> + by)."
              zh: "第 \(out) 步：输出 ŷ<\(out)> = \(g2)(Wya a<\(out)> + by)。"
            at: {phase: forward, t: \(out)}
            show: [\(step.outputShow), Wya, by, ŷ]
            focus: "ŷ<\(out)>[\(k)]"
            check: "ŷ<\(out)>[\(k)] ≈ \(yHat)"
            ask:
              question: {en: "Is ŷ<\(out)>[\(k)] above 0.5?", zh: "ŷ<\(out)>[\(k)] 大于 0.5 吗？"}
              choices:
                - {en: "yes", zh: "是"}
                - {en: "no", zh: "否"}
              answer: \(above ? 1 : 2)

        """
        return lines
    }

    /// The first slide's words (a<1> of the cell, its first unit a1) and what it shows; the
    /// output slide shows `outputShow` before Wya, by and ŷ.
    static func firstStep(cell: String, a1: String) -> (en: String, zh: String, show: String, outputShow: String) {
        switch cell {
        case "gru":
            let en = "Step 1, the GRU: Γu<1> = σ(Wu [c<0>; x<1>] + bu), Γr<1> = σ(Wr [c<0>; x<1>] + br), "
                + "c̃<1> = tanh(Wc [Γr<1> ⊙ c<0>; x<1>] + bc), c<1> = Γu<1> ⊙ c̃<1> + (1 − Γu<1>) ⊙ c<0>, and a<1> = c<1>. "
                + "Its first unit is a<1>[0] = \(a1)."
            let zh = "第 1 步，GRU：Γu<1> = σ(Wu [c<0>; x<1>] + bu)，Γr<1> = σ(Wr [c<0>; x<1>] + br)，"
                + "c̃<1> = tanh(Wc [Γr<1> ⊙ c<0>; x<1>] + bc)，c<1> = Γu<1> ⊙ c̃<1> + (1 − Γu<1>) ⊙ c<0>，a<1> = c<1>。"
                + "它的第一个单元 a<1>[0] = \(a1)。"
            return (en, zh, "x, c<t-1>, Wu, bu, Γu, Wr, br, Γr, Wc, bc, c̃, c, a", "x, Γu, c̃, c, a")
        case "lstm":
            let en = "Step 1, the LSTM: the gates Γf<1>, Γu<1>, Γo<1> = σ(W [a<0>; x<1>] + b) with their own Wf, Wu, Wo, "
                + "the candidate c̃<1> = tanh(Wc [a<0>; x<1>] + bc), the memory c<1> = Γf<1> ⊙ c<0> + Γu<1> ⊙ c̃<1>, "
                + "and a<1> = Γo<1> ⊙ tanh(c<1>). Its first unit is a<1>[0] = \(a1)."
            let zh = "第 1 步，LSTM：三个门 Γf<1>、Γu<1>、Γo<1> = σ(W [a<0>; x<1>] + b)，各有自己的 Wf、Wu、Wo；"
                + "候选值 c̃<1> = tanh(Wc [a<0>; x<1>] + bc)；记忆 c<1> = Γf<1> ⊙ c<0> + Γu<1> ⊙ c̃<1>；"
                + "a<1> = Γo<1> ⊙ tanh(c<1>)。它的第一个单元 a<1>[0] = \(a1)。"
            return (en, zh, "x, a<t-1>, c<t-1>, Wf, bf, Γf, Wu, bu, Γu, Wc, bc, c̃, Wo, bo, Γo, c, a", "x, Γf, Γu, Γo, c, a")
        default:
            return ("Step 1: a<1> = tanh(Waa a<0> + Wax x<1> + ba). Its first unit is a<1>[0] = \(a1).",
                    "第 1 步：a<1> = tanh(Waa a<0> + Wax x<1> + ba)。它的第一个单元 a<1>[0] = \(a1)。",
                    "x, Waa, Wax, ba, a", "x, Waa, Wax, ba, a")
        }
    }
}
