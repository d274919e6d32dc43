import Yams

/// Lesson-level display settings: `display: {digits: 4, class_names: [negative, positive]}`.
public struct DisplaySettings: Equatable, Sendable {
    /// Decimals the explorer, render and export show, unless a command line says `--digits`.
    public var digits: Int?
    /// Names of the output classes (n_y of them), labelling softmax outputs.
    public var classNames: [String]?
    public init(digits: Int? = nil, classNames: [String]? = nil) { self.digits = digits; self.classNames = classNames }
}

extension NodeReader {
    /// `display:` — digits 0…6; class_names, one per output unit (n_y).
    func readDisplay(_ node: Node, ny: Int?) -> DisplaySettings? {
        guard let f = fields(node, of: "display", known: ["digits", "class_names"]) else { return nil }
        var settings = DisplaySettings()
        if let d = f["digits"] {
            guard let v = int(d, "display.digits", in: 0...6) else { return nil }
            settings.digits = v
        }
        if let c = f["class_names"] {
            guard let items = list(c, "display.class_names") else { return nil }
            let names = items.enumerated().compactMap { string($1, "display.class_names[\($0)]") }
            guard names.count == items.count else { return nil }
            if let ny, names.count != ny {
                error("display.class_names has \(names.count) names, but the output has n_y = \(ny) units: give one name per unit", at: c)
                return nil
            }
            settings.classNames = names.map(Sanitizer.screenLine)
        }
        return settings
    }
}
