import RNNCore

/// Names a lesson may use for a panel in `show:` (and a bare `focus:`): every reference name,
/// the screen label (`ŷ<t>`, `a<t-1>`, `a<0>`), the code name (`yHat`) and the JSON key.
enum PanelNames {
    static let table: [String: Set<Symbol>] = {
        var t: [String: Set<Symbol>] = [:]
        for s in Symbol.allCases {
            var names = s.referenceNames + [s.rawValue, s.label, s.jsonKey]
            if s.isPerStep { names.append(s.label(t: nil)) }
            for n in names { t[n, default: []].insert(s) }
        }
        return t
    }()

    static var names: [String] { table.keys.sorted() }

    static let sample = "x, a<t-1>, stacked, z, a, ŷ, y, L, Wa, Waa, Wax, Wya, ba, by, da, dz, dWa …"

    static func symbols(named name: String) -> Set<Symbol>? { table[name] }
}
