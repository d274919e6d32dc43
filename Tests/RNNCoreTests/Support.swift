import Testing
import RNNCore

/// `|a − b| / max(|a| + |b|, 1e-12)`, the relative error of the design notes.
func relativeError(_ a: Double, _ b: Double) -> Double { GradientCheck.relativeError(a, b) }

/// Expects `actual` and `expected` to agree to `rel` relative error, entry by entry.
func expectClose(_ actual: [Double]?, _ expected: [Double]?, rel: Double = 1e-12, _ what: @autoclosure () -> String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual, let expected else {
        #expect(actual == nil && expected == nil, "\(what()): one side is nil", sourceLocation: sourceLocation)
        return
    }
    #expect(actual.count == expected.count, "\(what()): \(actual.count) entries, expected \(expected.count)", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        #expect(relativeError(a, e) <= rel, "\(what())[\(i)]: \(a) vs \(e)", sourceLocation: sourceLocation)
    }
}

func expectClose(_ actual: Double?, _ expected: Double?, rel: Double = 1e-12, _ what: @autoclosure () -> String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual.map { [$0] }, expected.map { [$0] }, rel: rel, what(), sourceLocation: sourceLocation)
}

func expectClose(_ actual: Matrix?, _ expected: Matrix?, rel: Double = 1e-12, _ what: @autoclosure () -> String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual?.rows == expected?.rows && actual?.cols == expected?.cols, "\(what()): shapes differ", sourceLocation: sourceLocation)
    expectClose(actual?.values, expected?.values, rel: rel, what(), sourceLocation: sourceLocation)
}

extension Gradients {
    /// Every entry, in the order dWa, dWya, dba, dby.
    var allValues: [Double] { dWa.values + dWya.values + dba + dby }
}
