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
    /// step of its story draws that focus nowhere (panels and timeline) until it is answered.
    @Test func laterQuestionsFocusIsHiddenOnEveryEarlierSlideAndStep() throws {
        var checked = 0
        for (name, lesson) in try AnsweredDisclosureTests.shippedLessons() {
            for (j, q) in lesson.script.enumerated() where q.ask != nil || q.typed != nil {
                guard let f = q.focus else { continue }
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
