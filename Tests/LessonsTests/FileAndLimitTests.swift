import Foundation
import Testing
@testable import Lessons

/// Problems with the file itself, limits, and the README example / shipped lessons.
@Suite struct FileAndLimitTests {
    @Test func missingFile() {
        let r = LessonChecker.check(paths: ["/nonexistent/lesson.yaml"])
        #expect(r.output == "/nonexistent/lesson.yaml: error: no such file")
        #expect(r.exitCode == 1)
    }

    @Test func directory() {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = LessonChecker.check(paths: [dir.path])
        #expect(r.output == "\(dir.path): error: is a directory; give a lesson file (.yaml) or run `unroll check \(dir.path)/*.yaml`")
        #expect(r.exitCode == 1)
    }

    @Test func binaryFile() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.yaml")
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x61, 0x62, 0x00, 0xFF]).write(to: file)
        #expect(LessonChecker.check(paths: [file.path]).output == """
        \(file.path):2:3: error: not a text file: byte 0x00 is not UTF-8 text; a lesson file is YAML text
        ab
          ^
        """)
    }

    @Test func fileOverOneMiB() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.yaml")
        try Data(repeating: 0x20, count: (1 << 20) + 1).write(to: file)
        #expect(LessonChecker.check(paths: [file.path]).output
                == "\(file.path): error: file is larger than 1 MiB (over 1048576 bytes); a lesson file may be at most 1 MiB")
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for (i, name) in "bcdefghij".enumerated() {
            let prev = Array("abcdefghij")[i]
            text += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ", ") + "]\n"
        }
        #expect(problems(text) == """
        lesson.yaml:1:4: error: anchors and aliases (&name, *name) are not allowed in lesson files; write the values out (if this is text, put it in quotes)
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
           ^
        """)
    }

    @Test func anchorAfterATagIsStillRefused() {
        #expect(problems("title: !!str &t Tiny\nnotes: *t\n").hasPrefix(
            "lesson.yaml:1:8: error: anchors and aliases (&name, *name) are not allowed"))
    }

    @Test func ampersandInTextIsFine() {
        let text = lesson(replacing: "  - say: Hello", with: "  - say: Tom & Jerry, R&D, \"&quoted\"")
        #expect(problems(text) == "ok")
    }

    @Test func emptyFile() {
        #expect(problems("") == """
        lesson.yaml:1:1: error: the file is empty; a lesson needs title, model, architecture, sequence and script

        ^
        """)
    }

    @Test func okMessage() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.yaml"), b = dir.appendingPathComponent("b.yaml")
        try baseLesson.write(to: a, atomically: true, encoding: .utf8)
        try baseLesson.write(to: b, atomically: true, encoding: .utf8)
        try "x".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(LessonChecker.check(paths: [a.path, b.path]) == ("ok: 2 lessons", 0))
        #expect(try LessonLoader.discover(directory: dir.path).get() == [a.path, b.path])
    }

    /// The example in lessons/README.md is a complete lesson: it loads and its checks hold.
    @Test func readmeExampleLoads() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("lessons/README.md"), encoding: .utf8)
        let parts = readme.components(separatedBy: "```yaml\n")
        try #require(parts.count == 2, "README has one ```yaml block")
        let example = try #require(parts[1].components(separatedBy: "```").first)
        #expect(problems(example, path: "README.md") == "ok")
        let loaded = try LessonLoader.load(text: example, path: "README.md").get()
        #expect(loaded.title.text(.zh) == "前向传播，一步一步")
        #expect(loaded.episode.inputLabels == ["h", "e", "l", "l"])
        #expect(loaded.vocab == ["h", "e", "l", "o"])
        #expect(loaded.script.count == 4)
        #expect(loaded.script[2].ask?.answer == 2)
    }

    /// Every lesson shipped in lessons/ loads and all its checks hold.
    @Test func shippedLessonsHold() throws {
        let paths = try LessonLoader.discover(directory: packageRoot.appendingPathComponent("lessons").path).get()
        #expect(paths.count >= 12, "the course's lessons 01…07 are shipped in lessons/")
        let r = LessonChecker.check(paths: paths)
        #expect(r.exitCode == 0, "\(r.output)")
    }
}

@Suite struct EncodingEdgeTests {
    @Test func aByteOrderMarkIsIgnored() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("lessons/02-forward.yaml"), encoding: .utf8)
        let withBOM = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        guard case .success(let decoded) = YamlDocument.decode(withBOM, path: "bom.yaml") else {
            Issue.record("a file with a byte-order mark does not decode"); return
        }
        #expect(decoded == text)
    }

    @Test func aRawEscapeIsAnErrorAtItsPlace() {
        let data = Data("title: \"a\u{1B}[31mb\"\nmodel: {}\n".utf8)
        guard case .failure(let d) = YamlDocument.decode(data, path: "esc.yaml") else {
            Issue.record("a raw ESC was accepted"); return
        }
        #expect(d.rendered == """
            esc.yaml:1:10: error: control character U+001B (ESC) in the file; delete it (lesson text cannot carry terminal escapes)
            title: "a[31mb"
                     ^
            """)
    }
}
