import Foundation
import RNNCore

/// `unroll new`: a lesson file to start from, valid and free of lint warnings: seeded weights,
/// a sequence of the right shape for the architecture, and two slides (the first step with a
/// check; the last output with a question, its focus and a check), in English and Chinese.
public enum LessonSkeleton {
    /// The lesson text, or the loader's errors when the sizes make no lesson (e.g. a cell the
    /// engine does not have).
    public static func make(architecture: Architecture, cell: String, nx: Int, na: Int, ny: Int, seed: Int) -> Result<String, LessonErrors> {
        let draft = text(architecture: architecture, cell: cell, nx: nx, na: na, ny: ny, seed: seed, numbers: nil)
        switch LessonLoader.load(text: draft, path: "new lesson") {
        case .failure(let e): return .failure(e)
        case .success(let lesson):
            let trace = lesson.makeTrace()
            let T = trace.T
            let out = (1...T).last { trace.hasOutput($0) } ?? T
            let a1 = (try? trace.number(EntryRef.parse("a<1>[0]").get()).get()) ?? 0
            let yHat = (try? trace.number(EntryRef.parse("ŷ<\(out)>[0]").get()).get()) ?? 0
            return .success(text(architecture: architecture, cell: cell, nx: nx, na: na, ny: ny, seed: seed,
                                 numbers: (a1, yHat, out)))
        }
    }

    static func text(architecture: Architecture, cell: String, nx: Int, na: Int, ny: Int, seed: Int,
                     numbers: (a1: Double, yHat: Double, out: Int)?) -> String {
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
        let f = { (v: Double) in String(format: "%.2f", v) }
        let a1 = numbers.map { f($0.a1) } ?? "0"
        let yHat = numbers.map { f($0.yHat) } ?? "0"
        let out = numbers?.out ?? 1
        let above = (numbers?.yHat ?? 0) > 0.5
        var lines = """
        # A new lesson (unroll new): edit the words, the weights and the sequence; keep every number a check.
        # unroll check --strict THIS.yaml proves it; unroll THIS.yaml --watch shows each change as you save.
        title: {en: "A new \(architecture.rawValue) lesson", zh: "新的\(architecture.rawValue)课"}
        summary: {en: "One step forward, then the output", zh: "先向前一步，再看输出"}
        model:
          cell: \(cell)
          n_x: \(nx)
          n_a: \(na)
          n_y: \(ny)
          g1: tanh
          g2: \(g2)
          init: {seed: \(seed), scale: 0.5}
        architecture: \(architecture.rawValue)
        sequence:
          x: [\(x.joined(separator: ", "))]
          y: [\(y.joined(separator: ", "))]

        """
        guard numbers != nil else { return lines + "script:\n  - say: draft\n" }
        lines += """
        script:
          - say:
              en: "Step 1: a<1> = tanh(Waa a<0> + Wax x<1> + ba). Its first unit is a<1>[0] = \(a1)."
              zh: "第 1 步：a<1> = tanh(Waa a<0> + Wax x<1> + ba)。它的第一个单元 a<1>[0] = \(a1)。"
            at: {phase: forward, t: 1}
            show: [x, Waa, Wax, ba, a]
            focus: "a<1>[0]"
            check: "a<1>[0] ≈ \(a1)"
          - say:
              en: "Step \(out): the output ŷ<\(out)> = \(g2)(Wya a<\(out)> + by)."
              zh: "第 \(out) 步：输出 ŷ<\(out)> = \(g2)(Wya a<\(out)> + by)。"
            at: {phase: forward, t: \(out)}
            show: [x, Waa, Wax, ba, a, Wya, by, ŷ]
            focus: "ŷ<\(out)>[0]"
            check: "ŷ<\(out)>[0] ≈ \(yHat)"
            ask:
              question: {en: "Is ŷ<\(out)>[0] above 0.5?", zh: "ŷ<\(out)>[0] 大于 0.5 吗？"}
              choices:
                - {en: "yes", zh: "是"}
                - {en: "no", zh: "否"}
              answer: \(above ? 1 : 2)

        """
        return lines
    }
}
