import Lessons

/// The training lab's keys as the help box and the footer show them (from `KeyTable.bindings`).
extension KeyTable {
    /// The lab's settings keys, in the order of its settings line.
    static let labSettingIDs: [KeyBinding.ID] = [.labOptimizer, .labRate, .labClip, .labBound, .labSteps, .labSequences, .labTemperature]

    /// The help box in the lab: its keys one line each, then the keys that still work there.
    /// `t` is the lab's own there (100 steps, then a pause) and `T` leaves, so the explorer's
    /// `t T` line gives way to one for `t`.
    static func labHelp(_ language: Language) -> [KeyHint] {
        let ids: [KeyBinding.ID] = [.labRun, .train] + labSettingIDs + [.labSave, .labReset, .labLeave, .ends, .nextSlide,
                                                                        .previousSlide, .answer, .scale, .help, .quit]
        return ids.compactMap { id in
            if id == .train { return KeyHint(keys: "t", text: language == .zh ? "训练 100 步，然后暂停" : "train 100 steps, then pause") }
            return binding(id).map { KeyHint(keys: $0.label, text: $0.text(language)) }
        }
    }

    /// The lab's footer, short enough for 80 columns: Space, every settings key (`o[]cvux<>`),
    /// `w`, `r` and `T` each with its own word; nil for any other ID.
    static func labFooterHint(_ id: KeyBinding.ID, _ language: Language) -> KeyHint? {
        let zh = language == .zh
        switch id {
        case .labRun: return KeyHint(keys: "Space", text: zh ? "开始/暂停" : "run/pause")
        case .labSettings:
            let keys = labSettingIDs.compactMap { binding($0) }.flatMap { $0.keys.map(\.key.name) }.joined()
            return KeyHint(keys: keys, text: zh ? "设置" : "settings")
        case .labSave: return KeyHint(keys: "w", text: zh ? "写入新文件" : "write")
        case .labReset: return KeyHint(keys: "r", text: zh ? "复原" : "reset")
        case .labLeave: return KeyHint(keys: "T", text: zh ? "离开" : "leave")
        default: return nil
        }
    }
}
