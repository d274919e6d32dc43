import Testing
import Explorer
import Lessons
import RNNCore

@Suite struct KeyTableTests {
    static let script: [Slide] = [
        Slide(say: LocalizedText(en: "One.")),
        Slide(say: LocalizedText(en: "Two?"), ask: Question(question: LocalizedText(en: "?"), choices:
            (1...9).map { LocalizedText(en: "choice \($0)") }, answer: 1)),
    ]

    /// Every key of the help box works: in the state where its binding applies, it changes
    /// the state or says (in the status line) why it does nothing.
    @Test func everyKeyInTheHelpBoxWorks() {
        let base = Fixtures.state(script: Self.script).after(.nextSlide, .nextStep)
        for b in KeyTable.bindings {
            for k in b.keys {
                let s = b.mode == .inspect ? base.after(.toggleInspect, .moveDown)
                    : b.mode == .generate ? Fixtures.chars().after(.toggleGeneration)
                    : b.mode == .lab ? Fixtures.chars().after(.lab(.toggle))
                    : b.mode == .answer ? Fixtures.state(script: [Fixtures.typedSlide()])
                    : b.mode == .edit ? base.after(.toggleInspect, .toggleEdit)
                    : b.mode == .resume ? base.after(.offerResume(LessonProgress(path: "l.yaml", slide: 1, phase: .forward, t: 2, questions: 1)))
                    : base
                #expect(s.action(for: k.key) == k.action, "\(k.key.name) in \(b.mode)")
                let after = s.updated(k.action)
                #expect(Fixtures.snapshot(after) != Fixtures.snapshot(s), "\(k.key.name) changed nothing")
            }
        }
    }

    /// The same keys in a state where many of them cannot act: they still say why.
    @Test func keysThatCannotActSayWhy() {
        let s = Fixtures.state(targets: nil)
        for b in KeyTable.bindings where b.mode != .inspect && b.mode != .generate && b.mode != .edit {
            for k in b.keys {
                let after = s.updated(k.action)
                #expect(Fixtures.snapshot(after) != Fixtures.snapshot(s), "\(k.key.name) changed nothing")
            }
        }
    }

    @Test func inspectModeTakesTheArrows() {
        let s = Fixtures.state()
        #expect(s.action(for: .right) == .nextStep)
        #expect(s.action(for: .char("l")) == .nextStep)
        #expect(s.action(for: .tab) == nil)
        let i = s.after(.toggleInspect)
        #expect(i.action(for: .right) == .moveRight)
        #expect(i.action(for: .char("j")) == .moveDown)
        #expect(i.action(for: .tab) == .nextPanel)
        #expect(i.action(for: .char("n")) == .nextSlide)
        #expect(s.action(for: .char("x")) == nil)
        #expect(s.action(for: .char(">")) == nil)
    }

    /// Generation mode: → draws, the story's ← and j/k do nothing, the rest still works.
    @Test func generationModeTakesTheRightArrow() {
        let g = Fixtures.chars().after(.toggleGeneration)
        #expect(g.action(for: .right) == .generateNext && g.action(for: .char("l")) == .generateNext)
        #expect(g.action(for: .char("<")) == .cooler && g.action(for: .char(">")) == .hotter)
        #expect(g.action(for: .left) == nil && g.action(for: .char("j")) == nil)
        #expect(g.action(for: .char("t")) == .train && g.action(for: .char("g")) == .toggleGeneration)
        #expect(g.footer.map(\.keys) == ["→ l", "< >", "t T", "g", "n PgDn Enter", "?", "q"])
    }

    @Test func helpAndFooterComeFromTheTable() {
        let help = KeyTable.help(.en)
        #expect(help.count == KeyTable.bindings.filter { $0.mode != .lab }.count)   // the lab's keys are on its screen

        #expect(help.first == KeyHint(keys: "→ l", text: "next step"))
        #expect(help.contains(KeyHint(keys: "Tab Shift-Tab", text: "(inspect) next / previous panel")))
        #expect(help.contains(KeyHint(keys: "t T", text: "train 100 steps (t) / the training lab (T)")))
        #expect(help.contains(KeyHint(keys: "< >", text: "(generate) temperature 0 to 2 (default 1)")))
        #expect(KeyTable.help(.zh).first == KeyHint(keys: "→ l", text: "下一步"))
        let s = Fixtures.state()
        #expect(s.footer.map(\.keys) == ["→←", "Space", "n p", "i", "t T", "q", "f b", "?"])
        // a character lesson can generate: g is in the footer
        #expect(Fixtures.chars().footer.map(\.keys) == ["→←", "Space", "n p", "i", "t T", "g", "q", "f b", "?"])
        #expect(s.after(.lab(.toggle)).footer.map(\.keys) == ["Space", "o[]cvux<>", "w", "r", "T", "q", "?"])
        // in the lab the help box lists the lab's keys, one line each; Esc closes the box, not the lab
        let labHelp = s.after(.lab(.toggle), .toggleHelp)
        #expect(labHelp.viewModel().help?.title == "Keys in the training lab")
        #expect(labHelp.viewModel().help?.rows.map(\.keys) == ["Space", "t", "o", "[ ]", "c", "v", "u", "x", "< >", "w", "r", "Esc",
                                                               "Home End", "n PgDn Enter", "p PgUp", "1…9", "s", "?", "q"])
        #expect(labHelp.viewModel().help?.rows.contains(KeyHint(keys: "c", text: "clipping: off, each entry to ±C, ‖g‖ ≤ C")) == true)
        #expect(labHelp.action(for: .escape) == .escape && labHelp.after(.escape).lab != nil && !labHelp.after(.escape).helpOpen)
        #expect(s.after(.lab(.toggle)).action(for: .char("c")) == .lab(.clip))
        #expect(s.after(.toggleHelp).viewModel().help?.rows == help)
        #expect(s.after(.toggleHelp, .escape).helpOpen == false)
        let asked = Fixtures.state(script: Self.script).after(.nextSlide)
        #expect(asked.footer.first == KeyHint(keys: "1…9", text: "answer the question"))
    }
}
