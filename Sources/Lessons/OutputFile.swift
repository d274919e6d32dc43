import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
            // --force replaces only a file the user could write (not one that only the
            // folder's permissions would let them rename over)
            if access(out, W_OK) != 0 {
                return "--out \(out) is not writable by you (\(describeOwner(out))); --force only replaces a file you could write yourself"
            }
        }
        let dir = (out as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) {
            return "--out \(out): the folder \(dir) does not exist; create it first"
        }
        return nil
    }

    /// nil when `companion` (the `.npz` written beside `out`, `TrainedFiles`) may be written:
    /// it must not exist unless `force`, and then must be a file the user could write.
    public static func problem(companion: String, of out: String, force: Bool) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: companion, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return "\(companion) is a directory; the weights of this large model go there beside --out \(out): give another --out" }
        if !force { return "\(companion) already exists, and the weights of this large model go there beside --out \(out); give a new --out, or --force to overwrite both" }
        if access(companion, W_OK) != 0 {
            return "\(companion) is not writable by you (\(describeOwner(companion))); --force only replaces a file you could write yourself"
        }
        return nil
    }

    /// The permission bits of the file at `path` (0o640 …), or nil when it does not exist.
    public static func mode(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    /// "mode 0444, owner uid 0", for messages.
    static func describeOwner(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot be examined" }
        return "mode 0" + String(info.st_mode & 0o777, radix: 8) + ", owner uid \(info.st_uid)"
    }
}
