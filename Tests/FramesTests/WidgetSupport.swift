@testable import Explorer
import RNNCore
import TextGrid

/// Terms and rows built by hand for the widget tests.
enum Make {
    static func term(_ label: String, _ m: Matrix, symbol: Symbol = .a, revealed: Bool = true,
                     focusEntry: MatrixIndex? = nil, cursor: MatrixIndex? = nil, scale: Double = 1,
                     caption: String? = nil, colDivider: Int? = nil) -> Term {
        Term(kind: .quantity, symbol: symbol, ref: EntryRef(symbol: symbol, t: 1), label: label, caption: caption,
             values: m, colDivider: colDivider, rowDivider: nil, revealed: revealed, focused: focusEntry != nil,
             focusEntry: focusEntry, cursor: cursor, scale: scale)
    }

    static func vector(_ label: String, _ v: [Double], revealed: Bool = true) -> Term {
        term(label, Matrix(column: v), revealed: revealed)
    }

}
