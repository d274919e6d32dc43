import Foundation
import Testing
@testable import Lessons

/// The progress store: a round trip, a corrupt file set aside, a directory that cannot be written.
@Suite struct ProgressTests {
    let sample = LessonProgress(path: "lessons/02-forward.yaml", slide: 4, phase: .backward, t: 2,
                                answers: [4: AnswerRecord(given: "2", right: true, firstTryRight: true, tries: 1),
                                          6: AnswerRecord(given: "0.75", right: true, firstTryRight: false, tries: 2)],
                                questions: 3)

    @Test func roundTrip() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ProgressStore(directory: dir.path + "/unroll")
        let key = ProgressStore.key(path: "lessons/02-forward.yaml", contents: Data("title: x".utf8))
        #expect(store.load(key: key).progress == nil)
        #expect(store.save(sample, key: key) == nil)
        let (back, warning) = store.load(key: key)
        #expect(back == sample && warning == nil)
        #expect(back?.score == 1)
        // only the file itself is left (the temporary file was renamed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == [key + ".json"])
    }

    @Test func keysFollowContentAndPath() {
        let a = ProgressStore.key(path: "/l/a.yaml", contents: Data("one".utf8))
        #expect(a == ProgressStore.key(path: "/l/./a.yaml", contents: Data("one".utf8)))
        #expect(a != ProgressStore.key(path: "/l/a.yaml", contents: Data("two".utf8)))
        #expect(a != ProgressStore.key(path: "/l/b.yaml", contents: Data("one".utf8)))
        #expect(a.count == 33)
    }

    @Test func aCorruptFileIsSetAside() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ProgressStore(directory: dir.path)
        let path = dir.path + "/k.json"
        try Data("{\"path\": \"x\", \"slide\": ".utf8).write(to: URL(fileURLWithPath: path))
        let (p, warning) = store.load(key: "k")
        #expect(p == nil)
        #expect(warning?.en == "progress file k.json in \(dir.path) could not be read: set aside as k.json.corrupt; starting afresh")
        #expect(warning?.text(.zh) == "无法读取 \(dir.path) 中的进度文件 k.json：已改名为 k.json.corrupt 放在一旁；从头开始")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.fileExists(atPath: path + ".corrupt"))
        #expect(store.save(sample, key: "k") == nil)
        #expect(store.load(key: "k").progress == sample)
        // a second and a third corrupt file: each set aside under its own name, none lost
        for (n, junk) in [(2, "second"), (3, "third")] {
            try Data(junk.utf8).write(to: URL(fileURLWithPath: path))
            #expect(store.load(key: "k").warning?.en.hasSuffix("set aside as k.json.corrupt-\(n); starting afresh") == true)
            #expect(String(data: FileManager.default.contents(atPath: path + ".corrupt-\(n)") ?? Data(), encoding: .utf8) == junk)
        }
        #expect(String(data: FileManager.default.contents(atPath: path + ".corrupt") ?? Data(), encoding: .utf8) == "{\"path\": \"x\", \"slide\": ")
    }

    @Test func anUnwritableDirectoryIsAWarning() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // a directory under a plain file can never be made, even by root
        try Data("x".utf8).write(to: dir.appendingPathComponent("file"))
        let store = ProgressStore(directory: dir.path + "/file/unroll")
        #expect(store.save(sample, key: "k")?.en == "cannot save progress in \(dir.path)/file/unroll: the directory cannot be made (--no-progress turns saving off)")
        #expect(store.load(key: "k").progress == nil)
    }

    @Test func defaultDirectory() {
        #expect(ProgressStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/unroll")
        #expect(ProgressStore.defaultDirectory(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/unroll")
        #expect(ProgressStore.defaultDirectory(environment: [:]) == nil)
    }
}
