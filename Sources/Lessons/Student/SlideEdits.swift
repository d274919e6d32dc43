import RNNCore
import Yams

/// A slide's `set:` as read from the file, before the network it applies to is known.
struct RawEdit: Equatable {
    var key: String
    var value: Node
    var keyNode: Node
}

extension NodeReader {
    /// set: {"Waa[0,1]": 0.5, "x<2>[0]": 1, g1: relu}: the what-if the slide shows.
    func readSet(_ node: Node) -> [RawEdit]? {
        guard case .mapping(let mapping) = node else {
            error("set must be a mapping of entries to numbers, like {\"Waa[0,1]\": 0.5, g1: relu}, got \(describe(node))", at: node)
            return nil
        }
        var edits: [RawEdit] = []
        for (key, value) in mapping {
            guard let text = key.scalar?.string else { error("keys in set must be entries like \"Waa[0,1]\", got \(describe(key))", at: key); continue }
            edits.append(RawEdit(key: text, value: value, keyNode: key))
        }
        return edits
    }

    /// The edits of a slide's `set:`, checked against the network (entries, ranges, values).
    func resolveSet(_ raw: [RawEdit], rnn: RNN, episode: Episode, cell: CellKind) -> NetworkEdits? {
        var edits = NetworkEdits()
        var ok = true
        for e in raw {
            switch EditParsing.target(e.key, shape: rnn.shape, episode: episode, cell: cell) {
            case .failure(let err): error("set: \(err.message)", at: e.keyNode); ok = false
            case .success(.g1):
                if let g = choice(e.value, "set: g1", HiddenActivation.self) { edits.g1 = g } else { ok = false }
            case .success(.g2):
                if let g = choice(e.value, "set: g2", OutputActivation.self) { edits.g2 = g } else { ok = false }
            case .success(.entry(let ref)):
                if let v = number(e.value, "set: \(ref.notesName(na: rnn.shape.na))") { edits.set(ref, v) } else { ok = false }
            }
        }
        return ok ? edits : nil
    }
}

extension NodeReader {
    /// Resolves every slide's `set:` against the network (problems are reported at their keys).
    func resolveEdits(_ drafts: inout [SlideDraft], rnn: RNN, episode: Episode, cell: CellKind = .rnn) {
        for i in drafts.indices {
            guard let raw = drafts[i].setEdits else { continue }
            if let edits = resolveSet(raw, rnn: rnn, episode: episode, cell: cell) { drafts[i].slide.edits = edits }
        }
    }
}

extension ScriptValidation {
    /// The trace of the lesson's network with a slide's `set:` applied.
    func editedTrace(_ edits: NetworkEdits) -> Trace {
        trace.edited(edits)
    }
}
