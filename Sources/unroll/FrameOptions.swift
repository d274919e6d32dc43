import ArgumentParser
import Explorer
import Lessons

/// The frame options `export` and `record` share: the screen's size, language and decimals.
struct FrameOptions: ParsableArguments {
    @Option(help: "Width in columns (80…1000).") var width = 100
    @Option(help: "Height in lines (24…1000).") var height = 30
    @Option(help: "Language: en or zh (default: from the locale, else en).") var lang: Language?
    @Option(help: "Decimals shown for each number (0…6; default: the lesson's display.digits, else 2).") var digits: Int?

    func validateFrame() throws {
        guard (80...1000).contains(width) else { throw ValidationError("--width must be 80…1000 (the explorer needs 80×24), got \(width)") }
        guard (24...1000).contains(height) else { throw ValidationError("--height must be 24…1000 (the explorer needs 80×24), got \(height)") }
        if let digits, !(0...6).contains(digits) { throw ValidationError("--digits must be 0…6, got \(digits)") }
    }

    /// --lang, else the locale's language.
    var language: Language { lang ?? DisplayOptions.localeLanguage() }
}
