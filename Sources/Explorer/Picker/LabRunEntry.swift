import Foundation
import Lessons

/// A lesson the training lab wrote (`w`: `NAME-lab.yaml`, `NAME-lab-2.yaml` …) beside the shipped
/// ones: the picker says it is the student's own run and gives its file name, so it is not taken
/// for a lesson of the course, and lists it right after the lesson it was trained from.
extension PickerEntry {
    /// The file name when it is a lab run (`08-language-model-lab.yaml`), else nil.
    public var labRunFile: String? {
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(".yaml") else { return nil }
        let stem = name.dropLast(5)
        if stem.hasSuffix("-lab") { return name }
        guard let dash = stem.lastIndex(of: "-"), stem[..<dash].hasSuffix("-lab"),
              let n = Int(stem[stem.index(after: dash)...]), n >= 2 else { return nil }
        return name
    }

    /// The path of the lesson a lab run was written from (`…/08-language-model.yaml`).
    var labRunBase: String? {
        guard labRunFile != nil, let r = path.range(of: "-lab", options: .backwards) else { return nil }
        return String(path[..<r.lowerBound]) + ".yaml"
    }

    /// The picker's second line: a lab run says so, with its file name, before its summary.
    public func detail(_ language: Language) -> String {
        if let error { return error }
        let summary = self.summary?.text(language)
        guard let file = labRunFile else { return summary ?? path }
        let mark = language == .en ? "your lab run (\(file))" : "你在训练实验室里的结果（\(file)）"
        return summary.map { mark + (language == .en ? ": " : "：") + $0 } ?? mark
    }

    /// Lab runs right after the lesson they were trained from; everything else in its order.
    public static func ordered(_ entries: [PickerEntry]) -> [PickerEntry] {
        let lessons = entries.filter { $0.labRunBase == nil }
        let bases = Set(lessons.map(\.path))
        var out: [PickerEntry] = []
        for e in lessons { out.append(e); out += entries.filter { $0.labRunBase == e.path } }
        return out + entries.filter { $0.labRunBase.map { !bases.contains($0) } ?? false }
    }
}
