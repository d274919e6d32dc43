import Lessons
import Testing
@testable import Explorer

@Suite struct PickerTests {
    static func entry(_ path: String, error: String? = nil) -> PickerEntry {
        PickerEntry(path: path, title: LocalizedText(en: path, zh: "课 " + path), summary: nil, languages: [.en, .zh], error: error)
    }
    let picker = PickerState(entries: ["lessons/01-notation.yaml", "lessons/08b-language-model-trained.yaml",
                                       "lessons/09a-vanishing.yaml", "mine.yaml"].map { PickerTests.entry($0) }, language: .en)

    @Test func numbersComeFromTheFileNames() {
        #expect(picker.entries.map(\.number) == ["01", "08b", "09a", ""])
        #expect(Self.entry("lessons/10-more.yaml").number == "10")
    }

    @Test func movingAndOpening() {
        var p = picker
        p.update(.down); p.update(.down)
        #expect(p.selected == 2)
        p.update(.last); p.update(.down)
        #expect(p.selected == 3)
        p.update(.pageUp)
        #expect(p.selected == 0)
        p.update(.up)
        #expect(p.selected == 0)
        p.update(.open)
        #expect(p.chosen == 0)
        #expect(PickerState.action(for: .enter) == .open)
        #expect(PickerState.action(for: .char("q")) == .quit)
        #expect(PickerState.action(for: .char("5")) == nil)
    }

    @Test func aBrokenLessonSaysWhyInsteadOfOpening() {
        var p = PickerState(entries: [Self.entry("bad.yaml", error: "bad.yaml:3:1: error: unknown key 'g_1'")], language: .en)
        p.update(.open)
        #expect(p.chosen == nil)
        #expect(p.status == "bad.yaml:3:1: error: unknown key 'g_1'")
    }
}
