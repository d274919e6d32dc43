import ArgumentParser
import Foundation
import Lessons
import Numpy
import RNNCore

enum TraceFormat: String, ExpressibleByArgument, CaseIterable {
    case json, npz
}

/// `unroll trace --arrays` (JSON arrays over time) and `--format npz --out FILE` (one array per quantity).
struct TraceArrayOptions: ParsableArguments {
    @Flag(help: "The numbers as arrays over time: each per-step quantity one T × n array (null rows where a step has no value), with vocab and labels.")
    var arrays = false

    @Option(help: "json (the default) or npz: one array per quantity in a numpy .npz file (needs --out; null rows become NaN).")
    var format: TraceFormat = .json

    @Option(help: "With --format npz: the .npz file to write.")
    var out: String?

    @Flag(help: "With --format npz: write over an existing --out file.")
    var force = false

    var wanted: Bool { arrays || format == .npz }

    func validateArrays() throws {
        if format == .npz && out == nil { throw ValidationError("--format npz writes a file: add --out FILE.npz") }
        if format == .json && out != nil { throw ValidationError("--out is for --format npz; JSON goes to standard output") }
    }

    func write(_ lesson: Lesson) throws {
        let trace = lesson.makeTrace()
        switch format {
        case .json:
            TraceArrays.writeJSON(trace, vocab: lesson.vocab.map { $0.map(String.init) }, to: writeStdout)
        case .npz:
            guard let out else { return }
            if !force && FileManager.default.fileExists(atPath: out) {
                writeStderr("unroll trace: \(out) exists; choose another --out or add --force\n")
                throw ExitCode(1)
            }
            var arrays: [(name: String, array: NumpyArray)] = []
            for (name, rows) in TraceArrays.series(trace) {
                let width = rows.compactMap { $0?.count }.max() ?? 0
                let values = rows.flatMap { $0 ?? Array(repeating: .nan, count: width) }
                arrays.append((name, NumpyArray(shape: name == "loss" ? [rows.count] : [rows.count, width], values: values)))
            }
            for (name, m) in TraceArrays.parameters(trace) + (TraceArrays.gradients(trace) ?? []) {
                arrays.append((name, NumpyArray(shape: name.contains("W") ? [m.rows, m.cols] : [m.rows], values: m.values)))
            }
            if let L = trace.totalLoss { arrays.append(("L", NumpyArray(shape: [], values: [L]))) }
            do {
                try Npz.write(arrays, path: out)
            } catch {
                writeStderr("unroll trace: \(out): cannot write (\(error.localizedDescription)); choose another --out\n")
                throw ExitCode(1)
            }
            writeStdout("wrote \(out): \(arrays.count) arrays\n")
        }
    }
}
