import Foundation

extension LessonWriter.Description {
    /// What a lesson written by the training lab (`w`) says about itself: the title names the
    /// lab's steps, so two runs of one lesson are told apart in the picker ("…: after 3259 steps
    /// in the lab"; "… (+1200 steps in the lab)" when the title says no "before training"), and
    /// the first line says the lab wrote it. `labSteps` are the lab's own, `steps` all the
    /// weights hold (a trained lesson's stored steps too).
    public static func labRun(from lesson: Lesson, labSteps: Int, steps: Int, command: String, commandZh: String? = nil,
                              before: Double, after: Double) -> Self {
        var d = trained(from: lesson, steps: steps, command: command, commandZh: commandZh, before: before, after: after)
        d.title = LocalizedText(
            en: trainedTitle(lesson.title.en, "before training", "after \(labSteps) steps in the lab", " (+\(labSteps) steps in the lab)"),
            zh: lesson.title.zh.map { trainedTitle($0, "训练之前", "在实验室训练 \(labSteps) 步之后", "（实验室里又训练 \(labSteps) 步）") })
        d.writtenBy = "the training lab (key w in `unroll \(lesson.path)`)"
        return d
    }

    /// The `notes` of the file `unroll train` writes: from which file and with which command. The
    /// lesson's own notes stay in its file, as for the lab (08's "Trained in lesson 08b.", an
    /// untrained lesson's "Train it with: …" are not true of the trained file).
    public static func trainNotes(from lesson: Lesson, command: String, before: Double, after: Double) -> String {
        let file = (lesson.path as NSString).lastPathComponent
        return String(format: "Trained from %@ (its notes give the course material) with `%@` (mean loss per sequence %.4f → %.4f)",
                      file, command, before, after)
    }

    /// The lab file's `notes`: where it was trained from and how (`history`: each span's steps,
    /// optimizer, rate and clipping, as they were used). The lesson's own notes stay in its file:
    /// they describe that lesson (08's "Trained in lesson 08b." is not true of a lab run).
    public static func labRunNotes(from lesson: Lesson, history: String, before: Double, after: Double) -> String {
        let file = (lesson.path as NSString).lastPathComponent
        return String(format: "Trained in the training lab from %@ (its notes give the course material): %@ (mean loss per sequence %.4f → %.4f)",
                      file, history, before, after)
    }
}
