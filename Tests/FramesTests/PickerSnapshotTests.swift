import Explorer
import Frames
import Lessons
import TextGrid
import Testing

/// The lesson picker over the shipped lessons, as a student opening `unroll` sees it.
@Suite struct PickerSnapshotTests {
    static func picker(_ language: Language) throws -> PickerState {
        let entries = try LessonSnapshotTests.shipped().map { PickerEntry(lesson: try LessonLoader.load(path: $0).get()) }
        return PickerState(entries: entries, language: language)
    }

    @Test func pickerAt100x30AndTooSmall() throws {
        var en = try Self.picker(.en)
        en.update(.down)
        Snapshot.check(PickerRenderer.render(en, size: Size(width: 100, height: 30)).plainText(), named: "picker-en-100x30")
        var zh = try Self.picker(.zh)
        for _ in 0..<12 { zh.update(.down) }   // the window follows the selection
        Snapshot.check(PickerRenderer.render(zh, size: Size(width: 80, height: 24)).plainText(), named: "picker-zh-80x24")
        let small = PickerRenderer.render(en, size: Size(width: 60, height: 20)).plainText()
        #expect(small.contains { $0.contains("terminal too small: need 80×24, have 60×20") })
    }
}
