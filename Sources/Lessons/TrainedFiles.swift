import Foundation
import Numpy
import RNNCore

/// A trained lesson too large for one file (issue 15): when its weights would take the lesson
/// past the 1 MiB limit (n_a above about 150), `unroll train` writes them — with the
/// optimizer's memory — to `NEW.npz` beside `NEW.yaml`, which says `weights: {file: NEW.npz}`
/// and `optimizer_state: {…, file: NEW.npz}`.
///
/// The pair is written so that no half of it is ever seen: the archive is written whole to a
/// hidden temporary file in the same folder and the lesson is checked against it; only then is
/// it renamed to `NEW.npz` and the lesson written (itself atomically, by rename). A failure at
/// any point removes the temporary file and leaves what was there before.
public final class TrainedFiles {
    /// The lesson file to write.
    public let out: String
    /// `NEW.npz` beside `out`, when the weights go there.
    public let numpy: String?
    /// The archive while it is not yet in place: a hidden file beside `out`.
    let temporary: String?
    private var committed = false

    /// `numpy`: whether the weights go to a `.npz` beside `out` (see `needsNumpy`).
    public init(out: String, numpy: Bool) {
        self.out = out
        guard numpy else { self.numpy = nil; temporary = nil; return }
        let path = Self.companion(of: out)
        self.numpy = path
        let dir = (path as NSString).deletingLastPathComponent
        let name = "." + (path as NSString).lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        temporary = dir.isEmpty ? name : (dir as NSString).appendingPathComponent(name)
    }

    deinit {
        if !committed, let temporary { unlink(temporary) }
    }

    /// The most a lesson file may hold (bytes), as the loader reads it.
    public static let maxLessonBytes = YamlDocument.maxBytes

    /// `NEW.npz` for `NEW.yaml`.
    public static func companion(of out: String) -> String {
        ((out as NSString).deletingPathExtension) + ".npz"
    }

    /// Whether a trained lesson of this shape might not fit in one file of at most 1 MiB: an
    /// upper bound on the text of the written weights and memory (each number at most 26
    /// characters with its separator, each matrix row a line) added to the original text.
    public static func needsNumpy(originalText: String, shape s: Shape, memories: Int) -> Bool {
        let numbers = s.na * s.na + s.na * s.nx + s.ny * s.na + s.na + s.ny
        let rows = 2 * s.na + s.ny + 3
        let bound = originalText.utf8.count + (1 + memories) * (numbers * 26 + rows * 16) + 4096
        return bound > YamlDocument.maxBytes
    }

    /// The file name the lesson's `file:` keys give while the lesson is checked (the
    /// temporary archive's), nil when the weights are written in the lesson.
    public var checkingName: String? { temporary.map { ($0 as NSString).lastPathComponent } }
    /// The file name the written lesson's `file:` keys give.
    public var finalName: String? { numpy.map { ($0 as NSString).lastPathComponent } }

    /// Writes the weights and the optimizer's memory to the temporary archive.
    public func writeNumpy(shape: Shape, params: Params, state: OptimizerState?) throws {
        guard let temporary else { return }
        try Npz.write(LessonWriter.numpyArrays(shape: shape, params: params, state: state), path: temporary)
    }

    /// The lesson text to write, from the text that was checked (`file:` the temporary name).
    public func finalText(_ checked: String) -> String {
        guard let checkingName, let finalName else { return checked }
        return checked.replacingOccurrences(of: "file: " + YamlEmitter.quoted(checkingName), with: "file: " + YamlEmitter.quoted(finalName))
    }

    /// Puts the archive in place and writes the lesson; `mode` (the replaced files'
    /// permissions, kept by --force) is applied to each.
    public func commit(_ text: String, keepingModes: Bool) throws {
        let yamlMode = keepingModes ? OutputFile.mode(of: out) : nil
        if let temporary, let numpy {
            let npzMode = keepingModes ? OutputFile.mode(of: numpy) : nil
            guard rename(temporary, numpy) == 0 else {
                throw NumpyError("cannot move the weights into place at \(numpy): \(String(cString: strerror(errno)))")
            }
            committed = true
            if let npzMode { chmod(numpy, npzMode) }
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        if let yamlMode { chmod(out, yamlMode) }
    }
}

extension LessonWriter {
    /// The arrays of a `.npz` holding trained weights (`Waa`, `Wax`, `Wya`, `ba`, `by`, `a0`)
    /// and the optimizer's memory (`sums_Waa` … for Adagrad, `m_…` and `v_…` for Adam).
    static func numpyArrays(shape s: Shape, params p: Params, state: OptimizerState?) -> [(name: String, array: NumpyArray)] {
        func m(_ x: Matrix) -> NumpyArray { NumpyArray(shape: [x.rows, x.cols], values: x.rowArrays.flatMap { $0 }) }
        func v(_ x: [Double]) -> NumpyArray { NumpyArray(shape: [x.count], values: x) }
        var arrays: [(name: String, array: NumpyArray)] = [
            ("Waa", m(p.Waa)), ("Wax", m(p.Wax)), ("Wya", m(p.Wya)), ("ba", v(p.ba)), ("by", v(p.by)), ("a0", v(p.a0)),
        ]
        guard let state, state.fits(s) else { return arrays }
        func memory(_ prefix: String, _ groups: [[Double]]) {
            let wa = Matrix(rows: s.na, cols: s.na + s.nx, values: groups[0])
            arrays += [
                ("\(prefix)_Waa", m(wa.columns(0..<s.na))), ("\(prefix)_Wax", m(wa.columns(s.na..<(s.na + s.nx)))),
                ("\(prefix)_Wya", NumpyArray(shape: [s.ny, s.na], values: groups[1])),
                ("\(prefix)_ba", v(groups[2])), ("\(prefix)_by", v(groups[3])),
            ]
        }
        switch state.kind {
        case .sgd: break
        case .adagrad: memory("sums", state.first)
        case .adam: memory("m", state.first); memory("v", state.second)
        }
        return arrays
    }
}
