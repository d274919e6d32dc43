import App
import Explorer
import Foundation
import Terminal
import Testing
import TextGrid

@Suite struct ExplorerLoopTests {
    let keys: [TerminalEvent] = [.end, .char("n"), .char("n"), .char("i"), .char("?")]

    @Test func keysActAtFullSize() throws {
        let lesson = try shippedLesson("02-forward.yaml")
        let console = ScriptedConsole(size: Size(width: 100, height: 30), events: keys)
        let start = ExplorerState(lesson: lesson)
        let end = ExplorerLoop(state: start).run(on: console)
        #expect(end.quit)
        #expect(end.slide != start.slide || end.position != start.position)
        #expect(end.helpOpen)
    }

    @Test func whileTooSmallOnlyQuitAndResizeAct() throws {
        let lesson = try shippedLesson("02-forward.yaml")
        let console = ScriptedConsole(size: Size(width: 70, height: 20), events: keys)
        let start = ExplorerState(lesson: lesson)
        let end = ExplorerLoop(state: start).run(on: console)
        #expect(end.quit)
        #expect(end.slide == start.slide && end.position == start.position)
        #expect(!end.helpOpen && end.inspect == nil && end.status == nil)
        #expect(console.frames.allSatisfy { $0.plainString().contains("terminal too small") })
    }

    @Test func afterAResizeToFullSizeKeysActAgain() throws {
        let lesson = try shippedLesson("02-forward.yaml")
        let console = ScriptedConsole(size: Size(width: 70, height: 20),
                                      events: [.char("?"), .resize(columns: 100, lines: 30), .char("?")])
        let end = ExplorerLoop(state: ExplorerState(lesson: lesson)).run(on: console)
        #expect(end.helpOpen)
        #expect(console.frames.last?.plainString().contains("terminal too small") == false)
    }

    @Test func routingLetsOnlyQThroughWhenTooSmall() {
        #expect(KeyRouting.key(for: .char("q"), screenFits: false) == .char("q"))
        #expect(KeyRouting.key(for: .char("p"), screenFits: false) == nil)
        #expect(KeyRouting.key(for: .home, screenFits: false) == nil)
        #expect(KeyRouting.key(for: .home, screenFits: true) == .home)
        #expect(KeyRouting.key(for: .resize(columns: 80, lines: 24), screenFits: true) == nil)
    }

    @Test func theScreenTellsTheStateHowFarThePanelScrolls() throws {
        // 08's panel (a one-hot x over the vocabulary) is taller than 80×24: j scrolls it, and
        // the state learns the range from the loop, so many j presses stop at the bottom.
        let lesson = try shippedLesson("08-language-model.yaml")
        let console = ScriptedConsole(size: Size(width: 80, height: 24),
                                      events: Array(repeating: TerminalEvent.char("j"), count: 40))
        let end = ExplorerLoop(state: ExplorerState(lesson: lesson)).run(on: console)
        #expect(end.panelScrollRange.upperBound < ExplorerState.maxScroll)
        #expect(end.panelScroll == end.panelScrollRange.upperBound)
    }

    @Test func backgroundWorkReportsThroughTheInbox() throws {
        /// A hook that answers `?` by asking background work for the next slide.
        final class Worker: LoopHook {
            weak var inbox: ActionInbox?
            func wakeAfter(_ state: ExplorerState) -> Int? { nil }
            func poll(_ state: ExplorerState) -> [Action] { [] }
            func didApply(_ action: Action, to state: ExplorerState) {
                guard action == .toggleHelp else { return }
                inbox?.start { $0.post(.nextSlide) }
            }
        }
        let lesson = try shippedLesson("02-forward.yaml")
        let worker = Worker()
        let loop = ExplorerLoop(state: ExplorerState(lesson: lesson), hooks: [worker])
        worker.inbox = loop.inbox
        // `?` starts the work; the loop waits at most pollMs at a time until it has reported
        let console = ScriptedConsole(size: Size(width: 100, height: 30), events: [.char("?")])
        console.readyToQuit = { !loop.inbox.isBusy }
        let start = loop.state.slide
        let end = loop.run(on: console)
        #expect(end.slide == start.map { $0 + 1 })
        #expect(!loop.inbox.isBusy)
    }
}
