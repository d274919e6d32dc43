import Foundation
import RNNCore

/// Reads the edits of `--set NAME=VALUE` and of a slide's `set:`, with the same did-you-mean
/// as lesson references.
public enum EditParsing {
    /// What a `set` key names.
    public enum Target: Equatable, Sendable {
        case entry(EntryRef)
        case g1, g2
    }

    static var knownNames: [String] { NetworkEdits.settableNames + ["g1", "g2"] }

    /// The canonical target of a key such as `Waa[0,1]`, `x<2>[0]`, `a<0>[1]`, `g1`.
    public static func target(_ key: String, shape: Shape, episode: Episode, cell: CellKind = .rnn) -> Result<Target, EntryRefError> {
        let name = key.trimmingCharacters(in: .whitespaces)
        if name == "g1", cell != .rnn {
            return .failure(.init("g1 does not apply to the \(cell.rawValue) cell: its gates use σ and c̃ uses tanh, fixed by the cell"))
        }
        if name == "g1" { return .success(.g1) }
        if name == "g2" { return .success(.g2) }
        switch EntryRef.parse(name) {
        case .failure(let e):
            let bare = String(name.prefix { $0 != "<" && $0 != "[" }).trimmingCharacters(in: .whitespaces)
            let known = Symbol.allCases.flatMap(\.referenceNames) + ["a"]
            if let hint = Suggestions.aliasHint(bare) { return .failure(.init(hint)) }
            if !known.contains(bare) {
                let names = cell == .rnn ? knownNames : NetworkEdits.settableNames(cell) + ["g2"]
                let guess = Suggestions.closest(to: bare, in: names + ["a0"])
                let hint = guess.map { "; did you mean \($0 == "a0" ? "a<0>" : $0)?" } ?? " (set one of \(names.joined(separator: ", ")))"
                return .failure(.init("unknown entry '\(Sanitizer.screenLine(bare))' in '\(Sanitizer.screenLine(name))'\(hint)"))
            }
            return .failure(e)
        case .success(let ref):
            return NetworkEdits.canonical(ref, shape: shape, episode: episode, cell: cell).map { .entry($0) }
        }
    }

    /// Adds one `NAME=VALUE` (as `--set` takes it) to `edits`, or says what is wrong in a sentence.
    public static func add(_ text: String, to edits: inout NetworkEdits, rnn: RNN, episode: Episode,
                           cell: CellKind = .rnn) -> Result<Void, EntryRefError> {
        guard let eq = text.firstIndex(of: "=") else {
            return .failure(.init("expected NAME=VALUE, like 'Waa[0,1]=0.5' or 'g1=relu', got '\(Sanitizer.screenLine(text))'"))
        }
        let key = String(text[..<eq]), valueText = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        switch target(key, shape: rnn.shape, episode: episode, cell: cell) {
        case .failure(let e): return .failure(e)
        case .success(.g1):
            guard let g = HiddenActivation(rawValue: valueText) else { return .failure(activationError("g1", valueText, HiddenActivation.self)) }
            edits.g1 = g
        case .success(.g2):
            guard let g = OutputActivation(rawValue: valueText) else { return .failure(activationError("g2", valueText, OutputActivation.self)) }
            edits.g2 = g
        case .success(.entry(let ref)):
            guard let v = Double(valueText) else {
                return .failure(.init("\(ref.notesName(na: rnn.shape.na)) must be set to a number, got '\(Sanitizer.screenLine(valueText))'"))
            }
            guard v.isFinite else { return .failure(.init("\(ref.notesName(na: rnn.shape.na)) must be set to a finite number, got '\(valueText)'")) }
            edits.set(ref, v)
        }
        return .success(())
    }

    static func activationError<E: RawRepresentable & CaseIterable>(_ name: String, _ text: String, _: E.Type) -> EntryRefError where E.RawValue == String {
        let known = E.allCases.map(\.rawValue)
        let hint = Suggestions.closest(to: text, in: known).map { "; did you mean \($0)?" } ?? ""
        return .init("\(name) must be \(known.joined(separator: " or ")), got '\(Sanitizer.screenLine(text))'\(hint)")
    }
}

extension Lesson {
    /// The network and sequence of the lesson with `edits` applied.
    public func applying(_ edits: NetworkEdits) -> (RNN, Episode) {
        (rnn.applying(edits), episode.applying(edits))
    }

    /// The trace of the network a slide shows: the lesson's, with the slide's `set:` applied.
    public func trace(slide index: Int) -> Trace {
        guard script.indices.contains(index), !script[index].edits.isEmpty else { return makeTrace() }
        return makeTrace().edited(script[index].edits)
    }
}

extension Lesson {
    /// The lesson with its network edited (`--set`): every number, every slide, the trace.
    public func editing(_ edits: NetworkEdits) -> Lesson {
        guard !edits.isEmpty else { return self }
        var l = self
        (l.rnn, l.episode) = applying(edits)
        l.gated = gated?.applying(edits)
        if l.gated != nil { l.rnn = l.gated?.outputLayer ?? l.rnn }
        l.modifications = modifications.merging(edits)
        return l
    }
}
