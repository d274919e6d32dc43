import Foundation
import Testing
import RNNCore
@testable import Lessons

/// `--set` and a slide's `set:`: edits resolved with did-you-mean, applied exactly.
@Suite struct EditTests {
    func base() throws -> Lesson { try LessonLoader.load(text: baseLesson, path: "l.yaml").get() }

    func message(_ text: String) throws -> String {
        let l = try base()
        var e = NetworkEdits()
        if case .failure(let err) = EditParsing.add(text, to: &e, rnn: l.rnn, episode: l.episode) { return err.message }
        return "ok"
    }

    @Test func badEditsSaySoInOneLine() throws {
        #expect(try message("Wba[0,1]=0.5") == "unknown entry 'Wba' in 'Wba[0,1]'; did you mean Waa?")
        #expect(try message("Waa[2,1]=0.5") == "'Waa[2,1]' is out of range (Waa is 2×2)")
        #expect(try message("ba[5]=1") == "'ba[5]' is out of range (ba has 2 entries, indices 0…1)")
        #expect(try message("x<2>[0]=inf") == "x<2>[0] must be set to a finite number, got 'inf'")
        #expect(try message("x<2>[0]=abc") == "x<2>[0] must be set to a number, got 'abc'")
        // the notes' names, never the stacked Wa the edit is stored in
        #expect(try message("Waa[0,0]=nan") == "Waa[0,0] must be set to a finite number, got 'nan'")
        #expect(try message("Wax[1,0]=x") == "Wax[1,0] must be set to a number, got 'x'")
        #expect(EntryRef(symbol: .Wa, row: 1, col: 3).notesName(na: 2) == "Wax[1,1]")
        #expect(EntryRef(symbol: .Wa, row: 1, col: 1).notesName(na: 2) == "Waa[1,1]")
        #expect(try message("a<1>[0]=1") == "'a<1>[0]' is computed by the network, not set: set a weight, bias, a<0> or input (Waa, Wax, Wa, Wya, ba, by, a<0>, x)")
        #expect(try message("Wf[0,0]=1") == "'Wf[0,0]' cannot be set on the rnn cell: set one of Waa, Wax, Wa, Wya, ba, by, a<0>, x")
        #expect(try message("g2=softmx") == "g2 must be sigmoid or softmax, got 'softmx'; did you mean softmax?")
        #expect(try message("Waa[0,1]") == "expected NAME=VALUE, like 'Waa[0,1]=0.5' or 'g1=relu', got 'Waa[0,1]'")
        #expect(try message("Wax[1,0]=-0.5") == "ok")
    }

    @Test func waaAndWaOfTheSameEntryAreOneEdit() throws {
        let l = try base()
        var e = NetworkEdits()
        _ = EditParsing.add("Waa[0,1]=0.5", to: &e, rnn: l.rnn, episode: l.episode)
        _ = EditParsing.add("Wa[0,1]=0.7", to: &e, rnn: l.rnn, episode: l.episode)
        _ = EditParsing.add("Wax[1,0]=2", to: &e, rnn: l.rnn, episode: l.episode)
        #expect(e.entries.map(\.ref.description) == ["Wa[0,1]", "Wa[1,2]"])
        #expect(l.rnn.applying(e).params.Waa[0, 1] == 0.7)
        #expect(l.rnn.applying(e).params.Wax[1, 0] == 2)
    }

    /// The edited network's trace is, bit for bit, the trace of the file with the numbers written in.
    @Test func anEditIsTheSameAsWritingTheNumberIn() throws {
        let l = try base()
        var e = NetworkEdits()
        let w = 0.5 + 0.1   // not exactly 0.6: written in with all its digits
        for s in ["Waa[0,1]=\(w)", "x<2>[0]=0.3", "ba[1]=-0.125", "a<0>[1]=0.25", "by[0]=0.5"] {
            #expect(throws: Never.self) { try EditParsing.add(s, to: &e, rnn: l.rnn, episode: l.episode).get() }
        }
        let edited = l.editing(e).makeTrace()
        var text = baseLesson
            .replacingOccurrences(of: "[[0.5, -0.25], [0.1, 0.2]]", with: "[[0.5, \(w)], [0.1, 0.2]]")
            .replacingOccurrences(of: "x: [[1, 0], [0, 1], [1, 1]]", with: "x: [[1, 0], [0.3, 1], [1, 1]]")
        text = text.replacingOccurrences(of: "    Wya: [[1, -1]]", with: "    Wya: [[1, -1]]\n    ba: [0, -0.125]\n    by: [0.5]\n  a0: [0, 0.25]")
        let written = try LessonLoader.load(text: text, path: "w.yaml").get().makeTrace()
        #expect(TraceJSON.encode(edited) == TraceJSON.encode(written))
        #expect(edited.totalLoss?.bitPattern == written.totalLoss?.bitPattern)
        #expect(edited.gradients == written.gradients)
        #expect(l.editing(e).modifications == e)
    }

    @Test func aSlidesSetIsItsOwnNetwork() throws {
        let text = lesson(replacing: "    at: {t: 2}", with: """
            at: {t: 2}
            set: {g1: relu, "Waa[0,1]": 0}
            check: "a<1>[0] == 1 and a<2>[0] == max(0, 0.5 * a<1>[0] + 0)"
        """)
        #expect(problems(text) == "ok")
        let l = try LessonLoader.load(text: text, path: "l.yaml").get()
        #expect(l.script[0].edits.g1 == .relu)
        #expect(l.trace(slide: 0).rnn.shape.g1 == .relu)
        #expect(l.makeTrace().rnn.shape.g1 == .tanh)
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    at: {t: 2}\n    set: {\"Wab[0,1]\": 0}")) == """
        lesson.yaml:19:11: error: set: unknown entry 'Wab' in 'Wab[0,1]'; did you mean Waa?
            set: {"Wab[0,1]": 0}
                  ^
        """)
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    at: {t: 2}\n    set: {g1: sigmoid}")) == """
        lesson.yaml:19:15: error: set: g1 must be tanh or relu, got 'sigmoid'
            set: {g1: sigmoid}
                      ^
        """)
    }
}
