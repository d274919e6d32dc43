import Foundation
import RNNCore

/// A question the student answers by typing a number (`ask: {question, value}`), as they would
/// compute `rnn_cell_forward` by hand: the value is an expression of the check language (a
/// reference such as `z<2>[2]`, a number, or arithmetic), evaluated on the slide's network.
public struct TypedQuestion: Equatable, Sendable {
    public var question: LocalizedText
    /// The answer as an expression, e.g. `z<2>[2]` or `0.75`.
    public var value: CheckExpression
    /// Decimals the answer must match (nil: the lesson's display digits, never `--digits`).
    public var digits: Int?
    /// How far off an answer may be (nil: half a unit of the last of `digits`).
    public var tolerance: Double?
    /// Wrong answers before the screen reveals the right one (default 3).
    public var tries: Int

    public static let defaultTries = 3

    public init(question: LocalizedText, value: CheckExpression, digits: Int? = nil, tolerance: Double? = nil,
                tries: Int = TypedQuestion.defaultTries) {
        self.question = question; self.value = value; self.digits = digits; self.tolerance = tolerance; self.tries = tries
    }

    /// The entry the answer is, when `value` is a bare reference such as `z<2>[2]` (what the
    /// diagnosis and the explanation work from).
    public var reference: EntryRef? {
        if case .ref(let r, _) = value.root, r.isEntry || r.symbol == .loss || r.symbol == .totalLoss { return r }
        return nil
    }

    /// The right answer on `trace` (the slide's network), or why it has none.
    public func answer(on trace: Trace) -> Result<Double, CheckError> {
        value.number(on: trace)
    }

    /// The largest |typed − answer| accepted: `tolerance`, else half a unit of the last of
    /// `digits` (or of `screenDigits`), e.g. 0.005 for 2 decimals.
    public func allowedError(screenDigits: Int) -> Double {
        tolerance ?? 0.5 * Foundation.pow(10, -Double(digits ?? screenDigits))
    }

    /// Whether `typed` is right, as far as it is asked to be.
    public func accepts(_ typed: Double, answer: Double, screenDigits: Int) -> Bool {
        typed.isFinite && abs(typed - answer) <= allowedError(screenDigits: screenDigits) * (1 + 1e-9)
    }
}

extension CheckExpression {
    /// The one number the expression stands for on `trace` (a reference, a number, arithmetic …).
    public func number(on trace: Trace) -> Result<Double, CheckError> {
        var evaluator = CheckEvaluator(trace: trace)
        do {
            let v = try evaluator.number(root, root.span)
            guard v.isFinite else { return .failure(CheckError("'\(source)' is \(v), not a finite number", at: 0)) }
            return .success(v)
        } catch let e as CheckError {
            return .failure(e)
        } catch {
            return .failure(CheckError("\(error)", at: 0))
        }
    }

    /// The number as written when the expression is a bare literal (`0.75`, `-1.2`), with half a
    /// unit of its last digit: (value, halfUnit).
    var literal: (Double, Double)? {
        switch root {
        case .literal(let v, let h, _): return (v, h)
        case .negate(.literal(let v, let h, _), _): return (-v, h)
        default: return nil
        }
    }
}

/// Parses what the student typed: digits, one `-` or `+` in front, one `.`, and an exponent
/// (`e-3`); a decimal comma is read as a point; spaces around are ignored. Nil when it is not a finite number.
public enum TypedNumber {
    public static let allowed = Set("0123456789-+.eE")

    public static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")   // 0,61 = 0.61
        guard !t.isEmpty, t.allSatisfy({ allowed.contains($0) }), let v = Double(t), v.isFinite else { return nil }
        return v
    }
}
