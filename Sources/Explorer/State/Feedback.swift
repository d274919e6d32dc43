import Lessons

extension ExplorerState {
    /// What the student reads after choosing `chosen`: right or wrong, then the lesson's
    /// `why` for that choice when it gives one (`Not quite: the answer is 2. dz<2>[0] …`).
    func verdict(_ q: Question, chosen: Int) -> String {
        let said = chosen == q.answer ? words.right : words.wrong(q.answer)
        guard let why = q.why, why.indices.contains(chosen - 1) else { return said }
        return said + (language == .zh ? "" : " ") + why[chosen - 1].text(language)
    }
}
