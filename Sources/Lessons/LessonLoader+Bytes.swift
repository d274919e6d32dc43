import Foundation

extension LessonLoader {
    /// What `unroll check` finds in a lesson file with these bytes: every problem and every
    /// false check (empty when it loads and every check holds). The fuzz target's entry point.
    public static func checkBytes(_ bytes: [UInt8], path: String = "fuzz.yaml") -> LessonErrors {
        guard bytes.count <= YamlDocument.maxBytes else {
            return LessonErrors([YamlDocument.tooLarge(path: path, bytes: bytes.count)])
        }
        switch YamlDocument.decode(Data(bytes), path: path) {
        case .failure(let d): return LessonErrors([d])
        case .success(let text):
            let a = analyse(text: text, path: path)
            return LessonErrors(sorted(a.diagnostics + a.falseChecks))
        }
    }
}
