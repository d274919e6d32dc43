import Foundation
import Numpy
import RNNCore
import Yams

/// Weights and inputs from numpy: `weights: {file: w.npz, example: j}` and
/// `sequence: {x: {file: w.npz, example: j}}` (the file relative to the lesson's folder).
///
/// Arrays are named as in the lesson format, which are also the course notebook's names:
/// `Waa` (n_a, n_a), `Wax` (n_a, n_x), `Wya` (n_y, n_a), optional `ba` and `by` as (n,) or the
/// notebook's (n, 1), optional `a0` as (n_a,), (n_a, 1) or a batch (n_a, m); `x` as (T_x, n_x),
/// or the notebook's (n_x, m, T_x) batch. `example: j` takes example j of a batch (default 0).
extension NodeReader {
    /// The `.npz` a `file:` names, read; an error at the node when it cannot be.
    func numpyFile(_ node: Node, _ key: String) -> (path: String, arrays: [String: NumpyArray])? {
        guard let name = string(node, "\(key).file") else { return nil }
        let dir = (source.path as NSString).deletingLastPathComponent
        let path = name.hasPrefix("/") || dir.isEmpty ? name : (dir as NSString).appendingPathComponent(name)
        if !companions.contains(path) { companions.append(path) }
        do {
            return (name, try Npz.read(path: path))
        } catch let e as NumpyError {
            error("\(key).file \(name): \(e.message)", at: node)
        } catch {
            self.error("\(key).file \(name): \(error)", at: node)
        }
        return nil
    }

    /// `example: j` (default 0).
    func example(_ f: Fields) -> Int? {
        guard let n = f["example"] else { return 0 }
        return int(n, "example", in: 0...Int.max)
    }

    /// weights: {file: w.npz, example: j} as parameters (a0 too, when the archive has one).
    func readWeightsFile(_ node: Node, shape s: Shape?) -> Params? {
        guard let f = fields(node, of: "weights", known: ["file", "example"]), let fileNode = f["file"],
              let (name, arrays) = numpyFile(fileNode, "weights"), let j = example(f), let s else { return nil }
        var ok = true
        func fail(_ message: String) { error("weights.file \(name): \(message)", at: fileNode); ok = false }
        func matrix(_ key: String, _ rows: Int, _ cols: Int, _ text: String) -> Matrix? {
            guard let a = arrays[key] else {
                fail("has no array \(key) (\(text)); it has \(arrays.keys.sorted().joined(separator: ", "))"); return nil
            }
            guard a.shape == [rows, cols] else {
                fail("\(key) has shape \(a.shapeText), but \(key) must be \(text) = (\(rows), \(cols))"); return nil
            }
            return Matrix(rows: rows, cols: cols, values: a.values)
        }
        /// (n,), (n, 1), or with `batch` (n, m) taking column j.
        func vector(_ key: String, _ n: Int, _ text: String, batch: Bool) -> [Double]? {
            guard let a = arrays[key] else { return Array(repeating: 0, count: n) }
            if a.shape == [n] || a.shape == [n, 1] { return a.values }
            if batch, a.shape.count == 2, a.shape[0] == n {
                guard j < a.shape[1] else { fail("example \(j) is outside \(key)'s \(a.shape[1]) examples \(a.shapeText)"); return nil }
                return (0..<n).map { a.values[$0 * a.shape[1] + j] }
            }
            fail("\(key) has shape \(a.shapeText), but \(key) must be \(text) = (\(n),) or (\(n), 1)\(batch ? " or (\(n), m)" : "")")
            return nil
        }
        let waa = matrix("Waa", s.na, s.na, "n_a × n_a")
        let wax = matrix("Wax", s.na, s.nx, "n_a × n_x")
        let wya = matrix("Wya", s.ny, s.na, "n_y × n_a")
        let ba = vector("ba", s.na, "n_a", batch: false)
        let by = vector("by", s.ny, "n_y", batch: false)
        let a0 = vector("a0", s.na, "n_a", batch: true)
        for (key, a) in arrays where a.values.contains(where: { !$0.isFinite }) && ["Waa", "Wax", "Wya", "ba", "by", "a0"].contains(key) {
            fail("\(key) has a number that is not finite (NaN or ±Inf)")
        }
        guard ok, let waa, let wax, let wya, let ba, let by, let a0 else { return nil }
        return Params(Waa: waa, Wax: wax, Wya: wya, ba: ba, by: by, a0: a0)
    }

    /// sequence.x: {file: w.npz, example: j}: the inputs x<1>…x<T_x>, from `x` shaped
    /// (T_x, n_x) or the notebook's (n_x, m, T_x) batch.
    func readInputsFile(_ node: Node, shape: Shape?) -> [[Double]]? {
        guard let f = fields(node, of: "x", known: ["file", "example"]), let fileNode = f["file"],
              let (name, arrays) = numpyFile(fileNode, "x"), let j = example(f), let nx = shape?.nx else { return nil }
        guard let x = arrays["x"] else {
            error("x.file \(name): has no array x; it has \(arrays.keys.sorted().joined(separator: ", "))", at: fileNode); return nil
        }
        var rows: [[Double]]
        if x.shape.count == 2, x.shape[1] == nx {
            rows = (0..<x.shape[0]).map { Array(x.values[$0 * nx..<($0 + 1) * nx]) }
        } else if x.shape.count == 3, x.shape[0] == nx {
            let (m, tx) = (x.shape[1], x.shape[2])
            guard j < m else { error("x.file \(name): example \(j) is outside x's \(m) examples \(x.shapeText)", at: f["example"] ?? fileNode); return nil }
            rows = (0..<tx).map { t in (0..<nx).map { i in x.values[(i * m + j) * tx + t] } }
        } else {
            error("x.file \(name): x has shape \(x.shapeText), but x must be (T_x, n_x) = (T_x, \(nx)) or (n_x, m, T_x) = (\(nx), m, T_x)", at: fileNode)
            return nil
        }
        if rows.isEmpty || rows.count > Limits.maxSteps {
            error("x.file \(name): x has \(rows.count) steps; a lesson has 1…\(Limits.maxSteps)", at: fileNode); return nil
        }
        if rows.contains(where: { $0.contains { !$0.isFinite } }) {
            error("x.file \(name): x has a number that is not finite (NaN or ±Inf)", at: fileNode); return nil
        }
        return rows
    }
}
