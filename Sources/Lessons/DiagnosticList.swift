/// A file's diagnostics, capped so that reporting problems never costs more than the file:
/// at most `perKind` of one kind (the same message but for its numbers and quoted text) and
/// at most `perFile` in all. The rest are only counted: the last shown one of a kind says
/// "… and N more like it", and `unshown` counts those past the file's cap. A place is only
/// worked out for a problem that is shown.
struct DiagnosticList {
    static let perKind = 5
    static let perFile = 20

    private(set) var items: [Diagnostic] = []
    /// Problems not shown because the file's cap was reached (and not counted under a kind).
    private(set) var unshown = 0
    private var countOfKind: [String: Int] = [:]
    private var lastOfKind: [String: Int] = [:]

    mutating func add(_ message: String, _ make: () -> Diagnostic) {
        let kind = Self.kind(of: message)
        let n = countOfKind[kind, default: 0]
        countOfKind[kind] = n + 1
        if n < Self.perKind && items.count < Self.perFile {
            lastOfKind[kind] = items.count
            items.append(make())
        } else if let i = lastOfKind[kind] {
            items[i].moreLikeIt += 1
        } else {
            unshown += 1
        }
    }

    /// The message without its numbers and quoted text: `x[3] 'q' is not in vocab` and
    /// `x[7] 'r' is not in vocab` are one kind.
    static func kind(of message: String) -> String {
        var kind = ""
        var quoted = false
        var lastWasDigit = false
        for c in message.unicodeScalars.prefix(200) {
            if c == "'" { quoted.toggle(); kind.unicodeScalars.append(c); lastWasDigit = false; continue }
            if quoted { continue }
            let digit = ("0"..."9").contains(c)
            if digit { if !lastWasDigit { kind += "#" } } else { kind.unicodeScalars.append(c) }
            lastWasDigit = digit
        }
        return kind
    }

    /// The summary for problems past the file's cap, or nil when every problem was shown.
    func unshownSummary(path: String) -> Diagnostic? {
        guard unshown > 0 else { return nil }
        return Diagnostic(path: path, location: nil,
                          message: "… and \(unshown) more problem\(unshown == 1 ? "" : "s") not shown; fix the ones above and check again")
    }
}
