extension Words {
    /// The status line after `--watch` read the changed lesson file.
    var reloaded: String { pick("reloaded: the lesson file changed", "已重新载入：课程文件有改动") }
    /// The title of the box over the last good version when the changed file does not load.
    func loadErrorTitle(_ file: String) -> String {
        pick("\(file) does not load", "\(file) 无法载入")
    }
    /// The title of the box when the lesson opened with `--watch` and its checks fail.
    func checkFailedTitle(_ file: String) -> String {
        pick("\(file) does not pass its checks", "\(file) 未通过检查")
    }
    /// That box's last line: the screen shows this version anyway.
    var checkFailedHint: String {
        pick("Showing this version anyway; fix the file and save to check again. Esc hides this.",
             "仍显示这个版本；修改文件并保存即重新检查。Esc 隐藏此框。")
    }
    /// The box's last line: what the screen shows meanwhile and what to do.
    var loadErrorHint: String {
        pick("Showing the last version that loaded; save the file to retry. Esc hides this.",
             "显示的是最后一次载入成功的版本；保存文件即重试。Esc 隐藏此框。")
    }
}
