import Lessons

/// The training lab's keys as the help box and the footer show them (from `KeyTable.bindings`).
extension KeyTable {
    /// The lab's settings keys, in the order of its settings line.
    static let labSettingIDs: [KeyBinding.ID] = [.labOptimizer, .labRate, .labClip, .labBound, .labSteps, .labSequences, .labTemperature]

    /// The help box in the lab: its keys one line each, then the keys that still work there.
    static func labHelp(_ language: Language) -> [KeyHint] {
        let ids: [KeyBinding.ID] = [.labRun] + labSettingIDs + [.labSave, .labReset, .labLeave, .train, .ends, .nextSlide,
                                                               .previousSlide, .answer, .scale, .help, .quit]
        return ids.compactMap { id in binding(id).map { KeyHint(keys: $0.label, text: $0.text(language)) } }
    }

    /// The footer's two summary hints in the lab: every settings key (`o[]cvux<>`), and the file
    /// keys (`w r Esc`); nil for any other ID.
    static func labFooterHint(_ id: KeyBinding.ID, _ language: Language) -> KeyHint? {
        let zh = language == .zh
        switch id {
        case .labSettings:
            let keys = labSettingIDs.compactMap { binding($0) }.flatMap { $0.keys.map(\.key.name) }.joined()
            return KeyHint(keys: keys, text: zh ? "实验室第二行的设置" : "the settings on the lab's second line")
        case .labFile:
            let keys = [KeyBinding.ID.labSave, .labReset, .labLeave].compactMap { binding($0)?.label }.joined(separator: " ")
            return KeyHint(keys: keys, text: zh ? "写入新文件 / 复原 / 离开" : "write a new file / reset / leave")
        default:
            return nil
        }
    }
}
