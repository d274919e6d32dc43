/// Escaping for HTML and XML text and attribute values.
enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities; everything else as it is (the grid holds no controls).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
