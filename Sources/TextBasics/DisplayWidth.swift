/// Display width of text in terminal columns, from the grid's own table, so that layout
/// and tests never depend on the process locale or on libc's `wcwidth`.
///
/// Rules, per grapheme (Swift `Character`):
/// - the width is that of its first scalar; marks that follow (combining accents,
///   variation selectors, zero-width joiners) add nothing;
/// - East Asian Wide and Fullwidth (CJK ideographs, kana, Hangul, fullwidth forms, CJK
///   punctuation) and emoji with default emoji presentation are 2;
/// - a grapheme that starts with a combining mark, a format character (ZWJ, ZWSP …) or
///   a variation selector is 0;
/// - C0/C1 controls and DEL are not printable: `DisplayWidth.sanitized` turns them into `?`.
/// - everything else is 1 (East Asian Ambiguous characters such as `•` `─` `░` count as 1,
///   as in a UTF-8 locale outside CJK).
public enum DisplayWidth {
    /// Width of one Unicode scalar: 0, 1 or 2 (controls count as 1, since they print as `?`).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return 1 }  // ASCII fast path (controls become `?`, width 1)
        if isZeroWidth(scalar) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Width of one grapheme: the width of its first scalar.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(first)
    }

    /// Total width of a string (after sanitising controls).
    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }   // one column per byte
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// True when every byte of `text` is printable ASCII (space to `~`): then each byte is
    /// one grapheme of width 1, and the per-grapheme rules above need not run.
    public static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { printableASCII($0) }
    }

    public static func isPrintableASCII(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { printableASCII($0) }
    }

    static func printableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// True for C0 controls, DEL and C1 controls.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    /// The grapheme with control characters replaced by `?`; never contains an escape byte.
    public static func sanitized(_ character: Character) -> Character {
        for scalar in character.unicodeScalars where isControl(scalar) { return "?" }
        return character
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return scalar.value != 0x00AD  // soft hyphen is visible in terminals
        default:
            let v = scalar.value
            return (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
                || (0x1160...0x11FF).contains(v)  // Hangul medial vowels / final consonants
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges (Unicode 15); emoji in the U+1F300…
    /// blocks are caught by `isEmojiPresentation` instead.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
        0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E,
        0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
        0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}
