import Foundation
import Testing
import RNNCore
@testable import Lessons

/// What a trained file says about its run: the loss's direction in Chinese, the lab's settings in
/// Chinese words, and notes that do not copy the lesson's own.
@Suite struct TrainedWordsTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons")

    func shipped(_ name: String) throws -> Lesson {
        try LessonLoader.load(path: Self.lessons.appendingPathComponent(name).path).get()
    }

    /// 20.97 → 735.04 rose: 升到, not 降到; 2.98 → 1.50 fell: 降到; the same figure: 保持在.
    @Test func theChineseSlideSaysWhichWayTheLossWent() throws {
        let lesson = try shipped("08-language-model.yaml")
        let rose = LessonWriter.Description.trained(from: lesson, steps: 8, command: "c", before: 20.97, after: 735.04)
        #expect(rose.slide.text(.zh).contains("从 20.97 升到 735.04") && !rose.slide.text(.zh).contains("降到"))
        let fell = LessonWriter.Description.trained(from: lesson, steps: 8, command: "c", before: 2.98, after: 1.5)
        #expect(fell.slide.text(.zh).contains("从 2.98 降到 1.50"))
        let same = LessonWriter.Description.trained(from: lesson, steps: 8, command: "c", before: 2.981, after: 2.979)
        #expect(same.slide.text(.zh).contains("保持在 2.98"))
        #expect(rose.slide.en.contains("went from 20.97 to 735.04"))
    }

    /// The lab's file: the zh slide quotes the settings in Chinese words, not the English phrase.
    @Test func theLabSlideQuotesItsSettingsInChinese() throws {
        let lesson = try shipped("08-language-model.yaml")
        let d = LessonWriter.Description.labRun(from: lesson, labSteps: 5, steps: 5, command: "the training lab: 5 steps SGD lr 2.56 clip off",
                                                commandZh: "训练实验室：5 步 SGD，学习率 2.56，不裁剪", before: 3, after: 4)
        #expect(d.slide.text(.zh).contains("（训练实验室：5 步 SGD，学习率 2.56，不裁剪）"))
        #expect(!d.slide.text(.zh).contains("the training lab") && d.slide.en.contains("the training lab: 5 steps"))
    }

    /// `unroll train`'s notes name the file and command; 08's own "Trained in lesson 08b." stays in 08.
    @Test func trainNotesDoNotCopyTheLessonsNotes() throws {
        let lesson = try shipped("08-language-model.yaml")
        #expect(lesson.notes?.contains("Trained in lesson 08b.") == true)
        let notes = LessonWriter.Description.trainNotes(from: lesson, command: "unroll train 08-language-model.yaml --steps 3",
                                                        before: 20.97, after: 20.5)
        #expect(!notes.contains("08b") && notes.hasPrefix("Trained from 08-language-model.yaml (its notes give the course material)"))
        #expect(notes.contains("`unroll train 08-language-model.yaml --steps 3` (mean loss per sequence 20.9700 → 20.5000)"))
    }
}
