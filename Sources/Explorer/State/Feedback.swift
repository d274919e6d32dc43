import Lessons

extension ExplorerState {
    /// What the student reads after choosing `chosen`: right or wrong, then the lesson's
    /// `why` for that choice when it gives one (`Not quite: the answer is 2. dz<2>[0] …`).
    /// A right choice's `why` that says so itself (`Right: it says 'a' …`, zh `对：…`, as every
    /// shipped lesson's does) is shown alone, not after `Right!` ("Right! Right: …").
    func verdict(_ q: Question, chosen: Int) -> String {
        let said = chosen == q.answer ? words.right : words.wrong(q.answer)
        guard let why = q.why, why.indices.contains(chosen - 1) else { return said }
        let text = why[chosen - 1].text(language)
        if chosen == q.answer, Self.saysRight(text) { return text }
        return said + (language == .zh ? "" : " ") + text
    }

    /// Whether `text` starts by saying the choice is right: `Right`, `Correct`, `Yes`; `对`, `正确`, `答对`.
    static func saysRight(_ text: String) -> Bool {
        let start = text.drop { $0 == " " }
        return ["Right", "Correct", "Yes", "对", "正确", "答对", "没错"].contains { start.hasPrefix($0) }
    }
}
