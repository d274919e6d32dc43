import Foundation
import Lessons
import RNNCore
import Testing
@testable import Explorer

/// Rule 4 (questions ahead): a later slide's unanswered question keeps its focus entry `?` on
/// every earlier slide at every step (02 slide 4 at t = 2 drew z<2>[0] = 0.71 and a<2>[0] = 0.61,
/// asked on slides 6 and 7; 09b slide 2 at backward t = 29 drew da<29>[1], asked on slide 3).
@Suite struct AheadDisclosureTests {
    /// Where `s`'s panels and timeline, at its current position, draw the entry `f` (as drawn:
    /// ΔdWaa as ΔdWa), not masked: a description of each place, empty when it is hidden everywhere.
    static func drawn(_ f: EntryRef, in s: ExplorerState) -> [String] {
        let d = s.displayed(f)
        let t = s.position.t
        var panels = [s.forwardPanel(t)]
        if s.position.phase == .backward, s.trace.hasBackward { panels.append(s.backwardPanel(t)) }
        var places: [String] = []
        for term in panels.flatMap(\.terms) where term.revealed && term.symbol == d.symbol && (d.t == nil || term.ref.t == d.t) {
            let v = term.values
            let cells: [MatrixIndex]
            if let r = d.row {
                let i = d.col.map { MatrixIndex(row: r, col: $0) } ?? Term.drawnIndex(row: r, in: v)
                cells = i.row < v.rows && i.col < v.cols ? [i] : []
            } else {
                cells = (0..<v.rows).flatMap { r in (0..<v.cols).map { MatrixIndex(row: r, col: $0) } }
            }
            if cells.contains(where: { !term.masked.contains($0) }) { places.append(term.label) }
        }
        if let ft = f.t, let item = s.timeline.items.first(where: { $0.t == ft }) {
            if f.symbol == .yHat, item.outputLabel != nil { places.append("timeline ŷ") }
            if f.symbol == .loss, item.loss != nil { places.append("timeline L") }
        }
        return places
    }

    /// Every shipped lesson: for every question slide with a focus, every earlier slide at every
    /// step of its story draws what it asks (`askedEntries`: the focus, and an entry its question
    /// names that the focus makes, 02 slide 5's a<2>[2]) nowhere (panels and timeline) until it is answered.
    @Test func laterQuestionsFocusIsHiddenOnEveryEarlierSlideAndStep() throws {
        var checked = 0
        for (name, lesson) in try AnsweredDisclosureTests.shippedLessons() {
            for (j, q) in lesson.script.enumerated() where q.ask != nil || q.typed != nil {
                for f in ExplorerState.askedEntries(q) {
                for i in 0..<j where lesson.script[i].focus != f {
                    var s = ExplorerState(lesson: lesson)
                    _ = s.open(slide: i + 1)
                    for p in s.story {
                        s.position = p
                        checked += 1
                        let places = Self.drawn(f, in: s)
                        #expect(places.isEmpty, "\(name) slide \(i + 1) at \(p.phase) t = \(p.t) draws \(f) (asked on slide \(j + 1)): \(places)")
                    }
                }
                }
            }
        }
        #expect(checked > 100)
    }

    /// 02: slide 4 at t = 2 masks z<2>[0] (slide 6) and a<2>[0] (slide 7) and a<2>[0] as a<1> of
    /// step 3; once slide 7 is answered, a<2>[0] shows on slide 4 again, z<2>[0] still does not.
    @Test func answeringTheLaterQuestionShowsItsEntryOnEarlierSlides() throws {
        let (l02, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: l02)
        _ = s.open(slide: 4)
        s.position = StoryPosition(phase: .forward, t: 2)
        #expect(s.isMasked(EntryRef(symbol: .z, t: 2, row: 0)))
        #expect(s.isMasked(EntryRef(symbol: .a, t: 2, row: 0)))
        #expect(s.isMasked(EntryRef(symbol: .aPrev, t: 3, row: 0)))
        #expect(!s.isMasked(EntryRef(symbol: .a, t: 2, row: 1)))
        #expect(Self.drawn(EntryRef(symbol: .a, t: 2, row: 0), in: s).isEmpty)
        _ = s.open(slide: 7)
        try AnsweredDisclosureTests.answerRight(&s)
        #expect(!s.questionPending)
        _ = s.open(slide: 4)
        s.position = StoryPosition(phase: .forward, t: 2)
        #expect(!s.isMasked(EntryRef(symbol: .a, t: 2, row: 0)))
        #expect(s.isMasked(EntryRef(symbol: .z, t: 2, row: 0)))
        #expect(!Self.drawn(EntryRef(symbol: .a, t: 2, row: 0), in: s).isEmpty)
    }

    /// 01: slide 4's timeline hides ŷ<4> (slide 6 asks "Is ŷ<4> equal to ŷ<1>?") but not ŷ<1>.
    @Test func timelineHidesAnOutputAskedLater() throws {
        let (l01, _) = try StudentTests.shipped("01-notation.yaml")
        var s = ExplorerState(lesson: l01)
        _ = s.open(slide: 4)
        s.position = StoryPosition(phase: .forward, t: s.T)
        let items = s.timeline.items
        #expect(items[3].outputLabel == nil)
        #expect(items[0].outputLabel != nil || !s.isShown(.yHat, at: 1))
    }

    /// 02 slide 5's focus is z<2>[2] but its question is "Will a<2>[2] be positive or negative?":
    /// it asks both, so slide 4 at t = 2 masks a<2>[2] (and a<2>[2] as a<1> of step 3) too. A
    /// question naming an entry the focus does not make (01: ŷ<1> beside ŷ<4>) asks only its focus.
    @Test func anEntryTheQuestionNamesIsAskedToo() throws {
        let (l02, _) = try StudentTests.shipped("02-forward.yaml")
        #expect(ExplorerState.askedEntries(l02.script[4]) == [EntryRef(symbol: .z, t: 2, row: 2), EntryRef(symbol: .a, t: 2, row: 2)])
        #expect(ExplorerState.askedEntries(l02.script[5]) == [EntryRef(symbol: .z, t: 2, row: 0)])
        #expect(ExplorerState.askedEntries(l02.script[3]).isEmpty)   // no question
        var s = ExplorerState(lesson: l02)
        _ = s.open(slide: 4)
        s.position = StoryPosition(phase: .forward, t: 2)
        #expect(s.isMasked(EntryRef(symbol: .a, t: 2, row: 2)))
        #expect(Self.drawn(EntryRef(symbol: .a, t: 2, row: 2), in: s).isEmpty)
        s.position = StoryPosition(phase: .forward, t: 3)
        #expect(s.isMasked(EntryRef(symbol: .aPrev, t: 3, row: 2)))
        _ = s.open(slide: 5)
        s.update(.answer(2))
        _ = s.open(slide: 4)
        s.position = StoryPosition(phase: .forward, t: 2)
        #expect(!s.isMasked(EntryRef(symbol: .a, t: 2, row: 2)))
        let (l01, _) = try StudentTests.shipped("01-notation.yaml")
        let q = try #require(l01.script.first { $0.ask?.question.text(.en).contains("ŷ<1>") == true })
        #expect(ExplorerState.askedEntries(q) == [try #require(q.focus)])
    }

    /// What equals an asked entry by definition is masked with it: 06's Δdba<1> = dz<1> (slide 9
    /// asks dz<1>[1]), 10-gru's a<30> = c<30> (slide 4 asks c<30>[0]), 09b's dz<29>[1] where
    /// tanh′(0) = 1 (slide 3 asks da<29>[1]), and there also ‖da<29>‖ on the timeline.
    @Test func whatEqualsTheAskedEntryIsMaskedToo() throws {
        let (l06, _) = try StudentTests.shipped("06-bptt.yaml")
        var s = ExplorerState(lesson: l06)
        _ = s.open(slide: 7)
        s.position = StoryPosition(phase: .backward, t: 1)
        #expect(s.isMasked(EntryRef(symbol: .dbaStep, t: 1, row: 1)))
        #expect(!s.isMasked(EntryRef(symbol: .dbaStep, t: 1, row: 0)))
        let (l10, _) = try StudentTests.shipped("10-gru.yaml")
        s = ExplorerState(lesson: l10)
        _ = s.open(slide: 2)
        s.position = StoryPosition(phase: .forward, t: 30)
        #expect(s.isMasked(EntryRef(symbol: .a, t: 30, row: 0)) && s.isMasked(EntryRef(symbol: .c, t: 30, row: 0)))
        let (l09b, _) = try StudentTests.shipped("09b-exploding-gradients.yaml")
        s = ExplorerState(lesson: l09b)
        _ = s.open(slide: 2)
        s.position = StoryPosition(phase: .backward, t: 29)
        #expect(try #require(s.trace.tensor(.dz, t: 29))[1, 0] == (try #require(s.trace.tensor(.da, t: 29))[1, 0]))
        #expect(s.isMasked(EntryRef(symbol: .dz, t: 29, row: 1)))
        #expect(s.timeline.items[28].daNorm == nil && s.timeline.items[29].daNorm != nil)
    }

    /// 07d slide 3 asks L<3>: slide 2 showed the total L beside L<1>, L<2>, L<4>, so L<3> was a
    /// subtraction away. An asked L<t> masks the total from step t on.
    @Test func anAskedLossMasksTheTotal() throws {
        let (l07d, _) = try StudentTests.shipped("07d-many-to-many.yaml")
        var s = ExplorerState(lesson: l07d)
        _ = s.open(slide: 2)
        s.position = StoryPosition(phase: .forward, t: 4)
        let total = try #require(s.forwardPanel(4).terms.first { $0.symbol == .totalLoss })
        #expect(total.revealed && total.masked == [MatrixIndex(row: 0, col: 0)])
        #expect(s.timeline.items[2].loss == nil && s.timeline.items[1].loss != nil)
        s.position = StoryPosition(phase: .forward, t: 2)
        #expect(s.forwardPanel(2).terms.first { $0.symbol == .totalLoss }?.masked.isEmpty == true)
    }

    /// A pure state fact: the masks come from later slides only, never from the open or earlier ones.
    @Test func onlyLaterUnansweredQuestionsMask() throws {
        let (l02, _) = try StudentTests.shipped("02-forward.yaml")
        var s = ExplorerState(lesson: l02)
        _ = s.open(slide: l02.script.count)
        #expect(s.aheadMasks.isEmpty)
        _ = s.open(slide: 1)
        let later = l02.script.compactMap { $0.ask != nil || $0.typed != nil ? $0.focus : nil }
        #expect(Set(later.map { s.displayed($0) }).isSubset(of: Set(s.aheadMasks)))
    }
}
