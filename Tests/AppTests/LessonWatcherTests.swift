import App
import Explorer
import Foundation
import Lessons
import Terminal
import Testing
import TextGrid

/// `--watch`: the watcher reads a changed lesson file once it holds still, and reports the
/// new version or why it does not load.
@Suite struct LessonWatcherTests {
    static func lessonText(title: String, texts: String = "[anna, bob]") -> String {
        """
        title: \(title)
        model: {n_x: 4, n_a: 2, n_y: 4, g1: tanh, g2: softmax, init: {seed: 1}}
        architecture: many-to-many
        sequence: {vocab: "abno", text: "anna", texts: \(texts)}
        script:
          - say: "One."
          - say: "Two."
            at: {t: 2}
        """
    }

    /// A temporary folder with `lesson.yaml`, removed after `body`.
    func inFolder(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    func write(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }

    /// A watcher on `text` written to lesson.yaml in a temporary folder; `body` gets the file,
    /// the watcher and a state of the lesson.
    func watching(_ text: String, _ body: (URL, LessonWatcher, ExplorerState) throws -> Void) throws {
        try inFolder { dir in
            let file = dir.appendingPathComponent("lesson.yaml")
            try write(text, file)
            let lesson = try LessonLoader.load(path: file.path).get()
            try body(file, LessonWatcher(lesson: lesson, digits: nil), ExplorerState(lesson: lesson))
        }
    }

    @Test func aChangeIsReadOnceItHoldsStill() throws {
        try watching(Self.lessonText(title: "Before")) { file, watcher, state in
            #expect(watcher.poll(state).isEmpty)
            try write(Self.lessonText(title: "After, longer"), file)
            #expect(watcher.poll(state).isEmpty)          // changed: wait one look
            let actions = watcher.poll(state)
            guard case .reload(let version)? = actions.first, actions.count == 1 else { Issue.record("\(actions)"); return }
            #expect(version.lesson.title.en == "After, longer")
            #expect(watcher.poll(state).isEmpty)          // read once
        }
    }

    @Test func aVersionThatDoesNotLoadIsReportedWithItsDiagnostics() throws {
        try watching(Self.lessonText(title: "Good")) { file, watcher, state in
            try write(Self.lessonText(title: "Bad").replacingOccurrences(of: "n_a: 2", with: "n_aa: 2"), file)
            _ = watcher.poll(state)
            let actions = watcher.poll(state)
            guard case .loadFailed(let error)? = actions.first else { Issue.record("\(actions)"); return }
            #expect(error.path == file.path)
            #expect(error.lines.first?.hasPrefix("\(file.path):2:") == true)
            #expect(error.lines.contains { $0.contains("did you mean n_a?") })
        }
    }

    /// README: "A version that does not load (a typo, a false check) does not end the explorer":
    /// a false check is reported like a typo, with the value `unroll check` gives.
    @Test func aVersionWithAFalseCheckIsReportedNotLoaded() throws {
        try watching(Self.lessonText(title: "Good")) { file, watcher, state in
            let bad = Self.lessonText(title: "False check").replacingOccurrences(of: "  - say: \"Two.\"",
                                                                                with: "  - say: \"Two.\"\n    check: \"a<2>[0] > 5\"")
            try write(bad, file)
            _ = watcher.poll(state)
            let actions = watcher.poll(state)
            guard case .loadFailed(let error)? = actions.first, actions.count == 1 else { Issue.record("\(actions)"); return }
            #expect(error.lines.contains { $0.contains("error: check \"a<2>[0] > 5\" is false") }, "\(error.lines)")
            // the same file without the false check loads
            try write(Self.lessonText(title: "Fixed"), file)
            _ = watcher.poll(state)
            guard case .reload(let version)? = watcher.poll(state).first else { Issue.record("no reload"); return }
            #expect(version.lesson.title.en == "Fixed")
        }
    }

    /// A lesson opened with `--watch` whose check is already false: the same box as after a
    /// save, saying that the screen shows this version; a lesson whose checks hold: no box.
    @Test func aFalseCheckAtTheStartIsShownAsAfterASave() throws {
        let bad = Self.lessonText(title: "False from the start").replacingOccurrences(of: "  - say: \"Two.\"",
                                                                                     with: "  - say: \"Two.\"\n    check: \"a<2>[0] > 5\"")
        try watching(bad) { file, watcher, state in
            guard case .loadFailed(let error)? = watcher.checkAtStart() else { Issue.record("no box at the start"); return }
            #expect(error.atStart && error.path == file.path)
            #expect(error.lines.contains { $0.contains("error: check \"a<2>[0] > 5\" is false") }, "\(error.lines)")
            var s = state
            s.update(.loadFailed(error))
            let box = try #require(s.viewModel().loadError)
            #expect(box.title == "lesson.yaml does not pass its checks")
            #expect(box.lines.last == "Showing this version anyway; fix the file and save to check again. Esc hides this.")
            #expect(watcher.poll(s).isEmpty)   // nothing changed on disk: no reload
        }
        try watching(Self.lessonText(title: "Good")) { _, watcher, _ in
            #expect(watcher.checkAtStart() == nil)
        }
    }

    /// A GRU or LSTM lesson reloads like a plain one (the explorer draws gated cells).
    @Test func aGatedLessonReloads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("lessons/10-gru.yaml"), encoding: .utf8)
        try watching(text) { file, watcher, state in
            #expect(watcher.checkAtStart() == nil)
            try write(text.replacingOccurrences(of: "title: {en: \"GRU: keep or overwrite\"", with: "title: {en: \"GRU, edited\""), file)
            _ = watcher.poll(state)
            let actions = watcher.poll(state)
            guard case .reload(let version)? = actions.first else { Issue.record("\(actions)"); return }
            #expect(version.lesson.title.en == "GRU, edited" && version.lesson.cell == .gru)
        }
    }

    @Test func theTextsFileIsWatchedToo() throws {
        try inFolder { dir in
            let file = dir.appendingPathComponent("lesson.yaml")
            try write("anna\nbob\n", dir.appendingPathComponent("names.txt"))
            try write(Self.lessonText(title: "Texts", texts: "names.txt"), file)
            let lesson = try LessonLoader.load(path: file.path).get()
            #expect(lesson.companionFiles == [dir.appendingPathComponent("names.txt").path])
            let watcher = LessonWatcher(lesson: lesson, digits: nil)
            let state = ExplorerState(lesson: lesson)
            try write("anna\nbob\nnona\n", dir.appendingPathComponent("names.txt"))
            _ = watcher.poll(state)
            let actions = watcher.poll(state)
            guard case .reload(let version)? = actions.first else { Issue.record("\(actions)"); return }
            #expect(version.lesson.texts?.items == ["anna", "bob", "nona"])
        }
    }

    @Test func theLoopAppliesTheNewVersionAndKeepsTheSlide() throws {
        try inFolder { dir in
            let file = dir.appendingPathComponent("lesson.yaml")
            try write(Self.lessonText(title: "Old title"), file)
            let lesson = try LessonLoader.load(path: file.path).get()
            let console = ScriptedConsole(size: Size(width: 100, height: 30), events: [.char("n")])
            var looks = 0
            console.readyToQuit = { [unowned console] in
                looks += 1
                if looks == 1 { try? self.write(Self.lessonText(title: "New title"), file) }
                return looks > 40 || console.frames.last?.plainString().contains("New title") == true   // at most ~10 s
            }
            let end = ExplorerLoop(state: ExplorerState(lesson: lesson), hooks: [LessonWatcher(lesson: lesson, digits: nil)]).run(on: console)
            #expect(end.lesson.title.en == "New title")
            #expect(end.slide == 1 && end.position.t == 2)
        }
    }
}
