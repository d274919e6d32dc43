extension Words {
    /// The status line after `--watch` read the changed lesson file.
    var reloaded: String { pick("reloaded: the lesson file changed", "已重新载入：课程文件有改动") }
    /// The title of the box over the last good version when the changed file does not load.
    func loadErrorTitle(_ file: String) -> String {
        pick("\(file) does not load", "\(file) 无法载入")
    }
    /// The box's last line: what the screen shows meanwhile and what to do.
    var loadErrorHint: String {
        pick("Showing the last version that loaded; save the file to retry. Esc hides this.",
             "显示的是最后一次载入成功的版本；保存文件即重试。Esc 隐藏此框。")
    }
}
