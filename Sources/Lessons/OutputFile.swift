import Foundation

/// Where a command may write a new lesson file.
public enum OutputFile {
    /// nil when `out` may be written; else a one-line message naming the flag and the fix.
    /// `out` must end in .yaml, must not be the input lesson, and must not exist unless `force`.
    public static func problem(out: String, input: String, force: Bool) -> String? {
        guard out.hasSuffix(".yaml") else {
            return "--out \(out): give a file name ending in .yaml (the lesson picker lists *.yaml)"
        }
        let resolved = { (p: String) in URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        if resolved(out) == resolved(input) {
            return "--out \(out) is the input lesson; training never overwrites its input, give a new file name"
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "--out \(out) is a directory; give a file name ending in .yaml" }
            if !force { return "--out \(out) already exists; give a new file name, or --force to overwrite it" }
        }
        let dir = (out as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) {
            return "--out \(out): the folder \(dir) does not exist; create it first"
        }
        return nil
    }
}
