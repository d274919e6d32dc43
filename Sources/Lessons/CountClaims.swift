import Foundation

/// A count a slide states about the lesson's training texts ("34 of the 325 names") that no
/// check of that slide backs: the rule behind "every count a slide claims about the data is a
/// `check`" (lessons/README.md, Checks). `unroll check`'s tests run it over every shipped lesson.
public struct UncheckedCount: Equatable, Sendable {
    /// 1-based slide number.
    public let slide: Int
    public let language: Language
    /// The number as written.
    public let number: String
    /// The phrase it was found in.
    public let phrase: String
}

public enum CountClaims {
    /// In a lesson with `texts`, every number a slide's text uses as a count of texts must be a
    /// number literal of one of that slide's checks (best written with `count('…')`). Counts
    /// are: English "N of (the) M", "N names", "N texts", "N with", "N start"; Chinese
    /// "N 个名字", "N 个以", "N 个接", "N 万"-free digits before 个; and fractions "N/M".
    public static func unchecked(in lesson: Lesson) -> [UncheckedCount] {
        guard lesson.texts != nil else { return [] }
        var found: [UncheckedCount] = []
        for (i, slide) in lesson.script.enumerated() {
            let literals = Set(slide.checks.flatMap(Self.literals(in:)))
            for language in Language.allCases {
                guard language == .en || slide.say.zh != nil else { continue }
                for (number, phrase) in counts(in: slide.say.text(language), language)
                where !literals.contains(Double(number.replacingOccurrences(of: " ", with: "")) ?? .nan) {
                    found.append(UncheckedCount(slide: i + 1, language: language, number: number, phrase: phrase))
                }
            }
        }
        return found
    }

    static let patterns: [Language: [String]] = [
        .en: [#"(?<![\w<\[.,])(\d{1,3}(?: \d{3})*|\d+)(?= (?:of\b|names?\b|texts?\b|with\b|start))"#,
              #"(?<=\bof )(?:the )?(\d+)(?= names?\b| texts?\b)"#,
              #"(?<![\w<\[.,/])(\d+)(?=/\d)"#, #"(?<=\d/)(\d+)(?![\d.,⁰¹²³⁴⁵⁶⁷⁸⁹])"#],
        .zh: [#"(?<![\w<\[.,])(\d+)(?= ?个(?:名字|以|接))"#,
              #"(?<![\w<\[.,/])(\d+)(?=/\d)"#, #"(?<=\d/)(\d+)(?![\d.,⁰¹²³⁴⁵⁶⁷⁸⁹])"#],
    ]

    /// The counts in `text` as (number, the phrase around it); text in backticks (commands) is skipped.
    static func counts(in text: String, _ language: Language) -> [(String, String)] {
        let plain = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset % 2 == 0 ? String($0.element) : String(repeating: " ", count: $0.element.count) }
            .joined(separator: " ")
        let ns = plain as NSString
        var out: [(String, String)] = []
        var seen = Set<Int>()
        for pattern in patterns[language] ?? [] {
            guard let re = try? NSRegularExpression(pattern: pattern) else { continue }
            for m in re.matches(in: plain, range: NSRange(location: 0, length: ns.length)) {
                let r = m.range(at: m.numberOfRanges > 1 ? 1 : 0)
                guard r.location != NSNotFound, seen.insert(r.location).inserted else { continue }
                let around = NSRange(location: max(0, r.location - 12), length: min(ns.length - max(0, r.location - 12), r.length + 24))
                out.append((ns.substring(with: r), ns.substring(with: around)))
            }
        }
        return out
    }

    /// The number literals written in a check's source (`count('a*') == 34` → 34).
    static func literals(in check: String) -> [Double] {
        guard case .success(let e) = CheckExpression.parse(check) else { return [] }
        var out: [Double] = []
        func walk(_ n: CheckNode) {
            switch n {
            case .literal(let v, _, _): out.append(v)
            case .negate(let a, _), .not(let a, _): walk(a)
            case .arithmetic(_, let a, let b, _), .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            case .comparison(let ops, _), .call(_, let ops, _): ops.forEach(walk)
            case .boolean, .ref, .text: break
            }
        }
        walk(e.root)
        return out
    }
}
