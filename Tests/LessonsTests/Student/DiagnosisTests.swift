import Foundation
import Testing
import RNNCore
@testable import Lessons

/// "What it forgot", each kind of slip recognised on the numbers of shipped lessons.
@Suite struct DiagnosisTests {
    static func trace(_ name: String) throws -> Trace {
        try LessonLoader.load(path: packageRoot.appendingPathComponent("lessons/\(name)").path).get().makeTrace()
    }

    func ref(_ s: String) throws -> EntryRef { try EntryRef.parse(s).get() }
    func diagnose(_ typed: Double, _ r: String, _ trace: Trace) throws -> Diagnosis {
        MistakeDiagnosis.diagnose(typed: typed, ref: try ref(r), trace: trace, tolerance: 0.005)
    }
    func term(_ names: String...) -> ([String]) -> Bool { { $0 == names } }

    @Test func biasLeftOut() throws {
        // lesson 02: z<2>[2] = Waa[2,1]·a<1>[1] + ba[2] = 1.5 × 0.83 − 0.5 = 0.75; without ba[2]: 1.25
        let t = try Self.trace("02-forward.yaml")
        let d = try diagnose(1.25, "z<2>[2]", t)
        guard case .biasLeftOut(let b) = d.mistake else { Issue.record("got \(String(describing: d.mistake))"); return }
        #expect(b.names == ["ba[2]"])
        #expect(abs(d.off - 0.4995) < 0.001)
    }

    /// A loss typed as the probability itself (−log forgotten): 12c's softmax L<18> and 05's sigmoid L<3>.
    @Test func theLogForgotten() throws {
        let lstm = try Self.trace("12c-lstm.yaml")
        let y = try #require(lstm.episode.y[17]), k = try #require(y.firstIndex(of: 1))
        let p = try lstm.number(try ref("ŷ<18>[\(k)]")).get()
        #expect(try diagnose(p, "L<18>", lstm).mistake == .activation(used: nil, right: "−log"))
        let loss = try Self.trace("05-loss.yaml")
        let y3 = try #require(loss.episode.y[2])
        let q = try loss.number(try ref("ŷ<3>[0]")).get()
        let label = y3[0] == 1 ? q : 1 - q
        #expect(try diagnose(label, "L<3>", loss).mistake == .activation(used: nil, right: "−log"))
    }

    @Test func oneTermMissing() throws {
        // lesson 02: z<1>[0] = 1.2·1 + 0·1 − 0.4 = 0.80; without Wax[0,0]·x<1>[0]: −0.40
        let t = try Self.trace("02-forward.yaml")
        let d = try diagnose(-0.40, "z<1>[0]", t)
        #expect(d.mistake == .missingTerm(SumTerm(names: ["Wax[0,0]", "x<1>[0]"], factors: [1.2, 1])))
    }

    @Test func oneSignFlipped() throws {
        // z<1>[1] = 0.2 + 1.5 − 0.5 = 1.20; with −1.5: −1.80
        let t = try Self.trace("02-forward.yaml")
        let d = try diagnose(-1.80, "z<1>[1]", t)
        guard case .signFlipped(let s) = d.mistake else { Issue.record("got \(String(describing: d.mistake))"); return }
        #expect(s.names == ["Wax[1,1]", "x<1>[1]"])
    }

    @Test func wrongActivation() throws {
        // a<1>[0] = tanh(0.80) = 0.66; sigmoid(0.80) = 0.69; no activation: 0.80
        let t = try Self.trace("02-forward.yaml")
        #expect(try diagnose(0.69, "a<1>[0]", t).mistake == .activation(used: "sigmoid", right: "tanh"))
        #expect(try diagnose(0.80, "a<1>[0]", t).mistake == .activation(used: nil, right: "tanh"))
        // ŷ<1> = sigmoid(1.23) = 0.77; typing zy<1> = 1.23 forgets g2
        #expect(try diagnose(1.23, "ŷ<1>[0]", t).mistake == .activation(used: nil, right: "sigmoid"))
    }

    @Test func oneStepOff() throws {
        // a<2>[2] = 0.64; a<1>[2] = −0.76
        let t = try Self.trace("02-forward.yaml")
        #expect(try diagnose(-0.76, "a<2>[2]", t).mistake == .stepOff(try ref("a<1>[2]")))
    }

    @Test func backwardSlips() throws {
        // lesson 06 (T = 3): dz<2>[0] = da<2>[0]·(1 − a<2>[0]²) = −0.355; forgetting g1′ gives da<2>[0] = −0.569
        let t = try Self.trace("06-bptt.yaml")
        #expect(try diagnose(-0.57, "dz<2>[0]", t).mistake == .derivativeLeftOut("tanh"))
        // da<2>[0] = Wya[0,0]·dy<2>[0] + da_next<2>[0]: without what step 3 hands back
        let next = try t.number(try ref("da_next<2>[0]")).get(), da = try t.number(try ref("da<2>[0]")).get()
        let d = try diagnose(da - next, "da<2>[0]", t)
        guard case .missingTerm(let m) = d.mistake else { Issue.record("got \(String(describing: d.mistake))"); return }
        #expect(m.names == ["da_next<2>[0]"])
        // dy = ŷ − y, typed y − ŷ
        let dy = try t.number(try ref("dy<2>[0]")).get()
        #expect(try diagnose(-dy, "dy<2>[0]", t).mistake == .wholeSign)
        // dWaa[0,1] total = ΔdWaa<3> + ΔdWaa<2> + ΔdWaa<1>: one step's contribution left out
        let total = try t.number(try ref("dWaa[0,1]")).get(), step2 = try t.number(try ref("ΔdWaa<2>[0,1]")).get()
        let e = try diagnose(total - step2, "dWaa[0,1]", t)
        #expect(e.mistake == .missingTerm(SumTerm(names: ["ΔdWaa<2>[0,1]"], factors: [step2])))
    }

    @Test func noSlipGivesTheFirstTermAsAHint() throws {
        let t = try Self.trace("02-forward.yaml")
        let d = try diagnose(9.99, "z<2>[2]", t)
        #expect(d.mistake == nil)
        // Waa[2,0]·a<1>[0] is 0 × 0.66: the first term that is not zero is Waa[2,1]·a<1>[1]
        #expect(d.hint?.term.names == ["Waa[2,1]", "a<1>[1]"] && d.hint?.shows == .product && d.hint?.single == false)
        #expect(abs((d.hint?.term.value ?? 0) - 1.5 * 0.8336546070121552) < 1e-12)
        #expect(d.hint?.sum == nil)   // z is the sum itself
    }

    @Test func theWholeSignFlipped() throws {
        // lesson 02: z<2>[0] = 0.71; typing −0.71 flips the whole sign (not one term's)
        let t = try Self.trace("02-forward.yaml")
        let right = try t.number(try ref("z<2>[0]")).get()
        #expect(try diagnose(-right, "z<2>[0]", t).mistake == .wholeSign)
        #expect(try diagnose(-0.71, "z<2>[0]", t).mistake == .wholeSign)
        // a<2>[0] = tanh(z<2>[0]): −a is the whole sign too; a weight (no sum) as well
        let a = try t.number(try ref("a<2>[0]")).get()
        #expect(try diagnose(-a, "a<2>[0]", t).mistake == .wholeSign)
        #expect(MistakeDiagnosis.diagnose(typed: -0.5, right: 0.5, tolerance: 0.005).mistake == .wholeSign)
        #expect(MistakeDiagnosis.diagnose(typed: 0.004, right: 0.001, tolerance: 0.005).mistake == nil)
    }

    @Test func anActivationsHintNamesTheSumInsideIt() throws {
        // a<2>[0] = tanh(z<2>[0]) is no sum: the hint's term belongs to z<2>[0]
        let t = try Self.trace("02-forward.yaml")
        let d = try diagnose(9.99, "a<2>[0]", t)
        #expect(d.mistake == nil)
        #expect(d.hint?.sum == "z<2>[0]" && d.hint?.formula == "a<2>[0] = tanh(z<2>[0])")
        #expect(d.formula == "a<2>[0] = tanh(z<2>[0])")
    }

    @Test func aOneTermSumsHintIsNotTheAnswer() throws {
        // 12c: L<18> = -y<18>[6]·log ŷ<18>[6] is one term: its product is L<18>, its factor log ŷ is −L<18>
        let t = try Self.trace("12c-lstm.yaml")
        let right = try t.number(try ref("L<18>")).get()
        let d = try diagnose(right + 3, "L<18>", t)
        let h = try #require(d.hint)
        #expect(h.single && h.shows == .names && h.numbers.isEmpty)
        #expect(h.term.label.hasPrefix("-y<18>[") && h.term.label.contains("log ŷ<18>["))
    }

    /// A GRU's or LSTM's a<t>, c<t> are their cell's sums, never the plain cell's z terms.
    @Test func gatedCellsUseTheirOwnSums() throws {
        let lstm = try Self.trace("11-lstm.yaml")
        let go = try lstm.number(try ref("Γo<30>[0]")).get(), c = try lstm.number(try ref("c<30>[0]")).get()
        let a = try diagnose(go * tanh(c) + 5, "a<30>[0]", lstm)
        #expect(a.hint?.term.names == ["Γo<30>[0]", "tanh(c<30>[0])"] && a.hint?.formula == nil)
        if abs(go * c - go * tanh(c)) > 0.01 {
            #expect(try diagnose(go * c, "a<30>[0]", lstm).mistake == .activation(used: nil, right: "tanh"))
        }
        // the output gate forgotten (tanh(c) alone), or tanh(c) forgotten (the gate alone)
        #expect(try diagnose(tanh(c), "a<30>[0]", lstm).mistake == .gateLeftOut("Γo<30>[0]", "tanh(c<30>[0])"))
        #expect(try diagnose(go, "a<30>[0]", lstm).mistake == .gateAlone("Γo<30>[0]", "tanh(c<30>[0])"))
        let gru = try Self.trace("10-gru.yaml")
        let gu = try gru.number(try ref("Γu<30>[0]")).get(), ct = try gru.number(try ref("c̃<30>[0]")).get()
        let cg = try gru.number(try ref("c<30>[0]")).get()
        #expect(abs(cg - (gu * ct + (1 - gu) * (try gru.number(try ref("c<29>[0]")).get()))) < 1e-12)
        let d = try diagnose(cg + 5, "c<30>[0]", gru)
        #expect(d.hint.map { $0.term.names.contains { $0.hasPrefix("W") } } == false)
        // the hint's numbers are none of them the answer (c<29>[0] ≈ c<30>[0] is not shown)
        #expect(d.hint.map { $0.numbers.allSatisfy { abs(abs($0) - abs(cg)) > 0.005 } } == true)
        // the plain cell's decomposition is never used: no z terms on a gated trace
        #expect(Decomposition.of(try ref("z<2>[0]"), on: gru) == nil)
    }

    /// On every typed question of every shipped lesson, a wrong number's hint never shows the
    /// answer (nor its negative) within the question's tolerance.
    @Test func noHintGivesTheAnswerAway() throws {
        let dir = packageRoot.appendingPathComponent("lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var asked = 0
        for n in names {
            let lesson = try LessonLoader.load(path: dir.appendingPathComponent(n).path).get()
            for slide in lesson.script {
                guard let q = slide.typed, let r = q.reference else { continue }
                let trace = lesson.makeTrace().edited(slide.edits)
                let right = try q.answer(on: trace).get()
                let tol = q.allowedError(screenDigits: lesson.display.digits ?? 2)
                asked += 1
                for typed in [right + 7.77, right - 13.1] {
                    let d = MistakeDiagnosis.diagnose(typed: typed, ref: r, trace: trace, tolerance: tol)
                    for v in d.hint?.numbers ?? [] {
                        #expect(abs(abs(v) - abs(right)) > tol, "\(n) \(r): hint shows \(v) for \(right)")
                    }
                }
            }
        }
        #expect(asked >= 6)
    }

    @Test func aSlipThatGivesTheRightNumberIsNotBlamed() throws {
        // z<2>[2]: Waa[2,0]·a<1>[0] = 0, so "without it" is the right answer, never a diagnosis
        let t = try Self.trace("02-forward.yaml")
        let right = try t.number(try ref("z<2>[2]")).get()
        let d = try diagnose(right + 0.5, "z<2>[2]", t)
        if case .missingTerm(let m) = d.mistake { #expect(m.value != 0) }
    }

    @Test func softmaxProbabilityWithoutOneClass() throws {
        // lesson 08: ŷ<1>[i] = exp(zy[i]) / Σ exp(zy[k]); leaving out one class in the sum
        let t = try Self.trace("08-language-model.yaml")
        let dec = try #require(Decomposition.of(try ref("ŷ<1>[0]"), on: t))
        let sum = dec.terms.reduce(0) { $0 + $1.value }
        let right = try t.number(try ref("ŷ<1>[0]")).get()
        #expect(abs(dec.outer.apply(sum) - right) < 1e-12)
    }
}
