import Explorer
@testable import Frames
import Lessons
import TextGrid
import Testing

/// A lesson the lab wrote (`08-language-model-lab.yaml`) is marked in the picker as the
/// student's own run, with its file name, right after the lesson it was trained from.
@Suite struct LabRunPickerTests {
    @Test func aLabRunIsMarkedAndFollowsItsLesson() throws {
        let shipped = try LessonSnapshotTests.shipped().filter { $0.hasSuffix("/08-language-model.yaml") || $0.hasSuffix("/08b-language-model-trained.yaml") }
        #expect(shipped.count == 2)
        let lessons = try shipped.map { try LessonLoader.load(path: $0).get() }
        var lab = PickerEntry(lesson: lessons[0])
        lab.path = lab.path.replacingOccurrences(of: "08-language-model.yaml", with: "08-language-model-lab-2.yaml")
        #expect(lab.labRunFile == "08-language-model-lab-2.yaml")
        let entries = PickerEntry.ordered([lab] + lessons.map(PickerEntry.init(lesson:)))   // the lab run sorts first by name
        #expect(entries.map(\.labRunFile) == [nil, "08-language-model-lab-2.yaml", nil])
        for (language, mark) in [(Language.en, "your lab run (08-language-model-lab-2.yaml): "),
                                 (.zh, "你在训练实验室里的结果（08-language-model-lab-2.yaml）：")] {
            let lines = PickerRenderer.render(PickerState(entries: entries, language: language), size: Size(width: 100, height: 30)).plainText()
            #expect(lines.contains { $0.contains(mark) }, "\(lines)")
        }
        #expect(PickerEntry(lesson: lessons[0]).labRunFile == nil)
        var named = PickerEntry(lesson: lessons[0])
        named.path = "lessons/my-lab-notes.yaml"
        #expect(named.labRunFile == nil)
    }

    /// A title too long for the header is cut from the right, never in the middle of a word.
    @Test func aTitleIsNotCutMidWordInTheMiddle() {
        #expect(TextFit.truncateMiddle("Forward propagation", to: 18) == "Forward propagati…")
        #expect(TextFit.truncateAtWord("Forward propagation, step by step", to: 26) == "Forward propagation, step…")
        #expect(TextFit.truncateAtWord("Forward propagation, step by step", to: 21) == "Forward propagation…")
    }
}
