import Explorer
import Lessons

/// Saves the student's progress after every action that changed it (where they are, their
/// answers), and reports the store's one-line warnings to the status line.
public final class ProgressSaver: LoopHook {
    let store: ProgressStore
    let key: String
    private var saved: LessonProgress
    private var warnings: [LocalizedText] = []
    private var warned = false

    public init(store: ProgressStore, key: String, initial: LessonProgress) {
        self.store = store
        self.key = key
        self.saved = initial
    }

    public func wakeAfter(_ state: ExplorerState) -> Int? { warnings.isEmpty ? nil : 0 }

    public func poll(_ state: ExplorerState) -> [Action] {
        defer { warnings = [] }
        return warnings.map { .progressWarning($0) }
    }

    public func didApply(_ action: Action, to state: ExplorerState) {
        guard state.student.resumeOffer == nil else { return }   // nothing is written over last time's until answered
        let now = state.progress
        guard now != saved else { return }
        saved = now
        if let w = store.save(now, key: key), !warned {   // one warning, not one per key
            warned = true
            warnings.append(w)
        }
    }

    /// The picker's marks: `✓ 3/5` for a finished lesson, `2/5` for one begun, nil otherwise.
    public static func marks(for entries: [PickerEntry], in store: ProgressStore) -> [String?] {
        entries.map { e in
            guard e.error == nil, let key = ProgressStore.key(path: e.path), let p = store.load(key: key).progress else { return nil }
            let score = p.questions > 0 ? "\(p.score)/\(p.questions)" : ""
            if p.finished { return score.isEmpty ? "✓" : "✓ " + score }
            return score.isEmpty || p.answers.isEmpty ? nil : score
        }
    }
}
