import ArgumentParser
import Foundation
import Lessons
import TextGrid

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, auto, always
}

extension Language: ExpressibleByArgument {}

/// Options shared by `explore` and `render`.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Language of the lesson text and the screen: en or zh (default: from LC_ALL / LC_MESSAGES / LANG, else en).")
    var lang: Language?

    @Option(help: "Colour: never, auto or always (default: auto in the explorer, never for render; auto is colour on a terminal unless NO_COLOR is set).")
    var color: ColorChoice?

    @Option(parsing: .unconditional, help: "Decimals shown for each number (0…6; default: the lesson's display.digits, else 2).")
    var digits: Int?

    func validateDisplay() throws {
        if let digits, !(0...6).contains(digits) { throw ValidationError("--digits must be 0…6, got \(digits)") }
    }

    /// The language: --lang, else the locale (zh… → zh), else English.
    var language: Language { lang ?? Self.localeLanguage() }

    /// The language of the locale: zh… in LC_ALL, LC_MESSAGES or LANG (the first set) → zh, else en.
    static func localeLanguage() -> Language {
        let env = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = env[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// The colour depth to draw with, given what the output supports.
    func depth(supported: ColorDepth) -> ColorDepth {
        switch color ?? .auto {
        case .never: return .none
        case .always: return supported == .none ? .ansi256 : supported
        case .auto: return ProcessInfo.processInfo.environment["NO_COLOR"] != nil ? .none : supported
        }
    }
}

/// Where the shipped lessons are: --lessons DIR, else $UNROLL_LESSONS, else ./lessons, else
/// PREFIX/share/unroll/lessons beside an installed binary (PREFIX/bin/unroll, see `make install`),
/// else the lessons/ folder of the source checkout this binary was built from.
func lessonDirectory(_ flag: String?) -> String? {
    let fm = FileManager.default
    func isDir(_ p: String) -> Bool {
        var d: ObjCBool = false
        return fm.fileExists(atPath: p, isDirectory: &d) && d.boolValue
    }
    if let flag { return flag }
    if let env = ProcessInfo.processInfo.environment["UNROLL_LESSONS"], !env.isEmpty { return env }
    if isDir("lessons") { return "lessons" }
    if let installed = installedLessons(), isDir(installed) { return installed }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons").path
    return isDir(source) ? source : nil
}

/// PREFIX/share/unroll/lessons for the running binary PREFIX/bin/unroll (symbolic links resolved).
func installedLessons() -> String? {
    let linux = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map(URL.init(fileURLWithPath:))
    guard let binary = linux ?? Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
    return binary.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/unroll/lessons").path
}
