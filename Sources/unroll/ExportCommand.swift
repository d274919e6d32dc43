import ArgumentParser
import Explorer
import Export
import Foundation
import Lessons
import TextGrid

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, svg, txt, ansi
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a lesson's frames as a web page (html), pictures (svg) or text (txt, ansi).",
        discussion: """
        html: one self-contained page for the lesson (DIR/NAME.html): every frame in the explorer's \
        colours, the slide text beside it, ← → for steps, ↑ ↓ for slides, one slide a page when printed. \
        svg, txt, ansi: one file per slide (at the slide's step), NAME-s01.svg …; with --steps one per \
        step of the story as a class walks it (NAME-s01-02.svg …); with --slide N (and --step K, \
        --phase) one frame, NAME.svg.
        """
    )

    @Argument(help: "The lesson file (YAML).") var lesson: String
    @Option(help: "html, svg, txt (plain text) or ansi (256-colour escapes).") var format: ExportFormat
    @Option(help: "The folder to write into (made if missing).") var out: String
    @Flag(help: "Every step of the story between slides, not only each slide's own step.") var steps = false
    @Option(help: "Only slide N (1-based).") var slide: Int?
    @Option(help: "With --slide: the time step t (1…T) instead of the slide's own.") var step: Int?
    @Option(help: "With --slide: forward or backward instead of the slide's phase.") var phase: Phase?
    @OptionGroup var frame: FrameOptions
    @Flag(help: "Leave out the title and key bars and the blank lines that pad the frame to the height.") var noChrome = false
    @OptionGroup var what: SetOptions

    func validate() throws {
        try frame.validateFrame()
        if let slide, slide < 1 { throw ValidationError("--slide must be 1 or more, got \(slide)") }
        if let step, step < 1 { throw ValidationError("--step must be 1 or more, got \(step)") }
        if (step != nil || phase != nil) && slide == nil { throw ValidationError("--step and --phase need --slide N (one frame); without it every slide is exported") }
        if steps && slide != nil { throw ValidationError("--steps exports the whole story; leave out --slide, or --steps for one frame") }
    }

    func run() throws {
        let original = try loadLessonOrExit(self.lesson)
        let lesson = original.editing(try what.edits(for: original, command: "export"))
        let language = frame.language
        let start = ExplorerState(lesson: lesson, language: language, digits: frame.digits)
        let plan = FramePlan(width: frame.width, height: frame.height, depth: format == .txt ? .none : .ansi256, noChrome: noChrome, page: true)
        let name = ((lesson.path as NSString).lastPathComponent as NSString).deletingPathExtension

        var stops: [(name: String, state: ExplorerState)] = []
        if let slide {
            var state = start
            func fail(_ flag: String, _ message: String) throws -> Never {
                writeStderr("unroll export: \(flag): \(message)\n")
                throw ExitCode(64)
            }
            if let e = state.open(slide: slide) { try fail("--slide", e) }
            if step != nil || phase != nil {
                if let e = state.go(phase: phase ?? state.position.phase, t: step ?? state.position.t) {
                    try fail(step != nil ? "--step" : "--phase", e)
                }
            }
            stops = [(name, state)]
        } else {
            var within: [Int: Int] = [:]
            for stop in start.walk(steps: steps || format == .html) {
                let s = (stop.slide ?? -1) + 1
                within[s, default: 0] += 1
                let k = within[s] ?? 1
                let base = stop.slide == nil ? "\(name)-t\(pad(k))" : "\(name)-s\(pad(s))"
                stops.append((steps && stop.slide != nil ? base + "-\(pad(k))" : base, stop.state))
            }
        }

        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            writeStderr("unroll export: --out \(out): cannot make this folder (\(error.localizedDescription)); choose a folder you can write\n")
            throw ExitCode(1)
        }
        var written: [String] = []
        func write(_ file: String, _ text: String) throws {
            let path = (out as NSString).appendingPathComponent(file)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                writeStderr("unroll export: \(path): cannot write (\(error.localizedDescription)); choose another --out\n")
                throw ExitCode(1)
            }
            written.append(path)
        }
        switch format {
        case .html:
            let frames = stops.map { plan.frame($0.state) }
            try write(name + ".html", HTMLPage.make(title: lesson.title.text(language), lang: language.rawValue, frames: frames))
        case .svg:
            for stop in stops { try write(stop.name + ".svg", SVGPicture.make(plan.grid(stop.state))) }
        case .txt:
            for stop in stops { try write(stop.name + ".txt", plan.grid(stop.state).plainText().joined(separator: "\n") + "\n") }
        case .ansi:
            for stop in stops { try write(stop.name + ".ans", plan.grid(stop.state).ansiText(depth: .ansi256).joined(separator: "\n") + "\n") }
        }
        writeStdout("wrote \(written.count) file\(written.count == 1 ? "" : "s") to \(out)\n")
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
