import Foundation
import Numpy
import Testing

/// .npy and .npz as numpy writes them: the fixtures are made by numpy itself
/// (Fixtures/make_fixtures.py), so these tests read real numpy output.
@Suite struct NumpyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func savezWithTheNotebooksShapes() throws {
        let a = try Npz.read(path: Self.fixtures.appendingPathComponent("notebook.npz").path)
        #expect(a.keys.sorted() == ["Waa", "Wax", "Wya", "a0", "ba", "by", "x"])
        #expect(a["Waa"] == NumpyArray(shape: [2, 2], values: [0.5, -0.25, 0.125, 0.75]))
        #expect(a["ba"] == NumpyArray(shape: [2, 1], values: [0.1, -0.2]))
        #expect(a["x"]?.shape == [3, 3, 4])
        #expect(a["x"]?.values[5] == 0.5)
        #expect(a["a0"]?.shapeText == "(2, 3)")
    }

    @Test func compressedFloat32BigEndianAndFortranOrder() throws {
        let a = try Npz.read(path: Self.fixtures.appendingPathComponent("compressed.npz").path)
        #expect(a["Waa"] == NumpyArray(shape: [2, 2], values: [0.5, -0.25, 0.125, 0.75]))   // >f4
        #expect(a["Wax"] == NumpyArray(shape: [2, 3], values: [1, 0, -1.5, 0.25, 2, 0.5]))  // Fortran order, read as rows
        #expect(a["Wya"] == NumpyArray(shape: [1, 2], values: [1, -1]))                     // <f4
    }

    @Test func bigEndianNpy() throws {
        let a = try Npy.parse(Data(contentsOf: Self.fixtures.appendingPathComponent("big-endian.npy")))
        #expect(a == NumpyArray(shape: [1, 3], values: [1.5, -2.25, 3.0]))
    }

    @Test func errorsNameWhatIsWrong() throws {
        #expect(throws: NumpyError("Wya: dtype '<i8' is not float64 or float32: save with .astype(np.float64)")) {
            try Npz.read(path: Self.fixtures.appendingPathComponent("bad.npz").path)
        }
        #expect(throws: NumpyError("no such file")) { try Npz.read(path: "/nonexistent/w.npz") }
        #expect(throws: NumpyError("not an .npz (zip) archive")) {
            try Npz.read(path: Self.fixtures.appendingPathComponent("make_fixtures.py").path)
        }
        #expect(throws: NumpyError("not a .npy array (no \\x93NUMPY magic)")) { try Npy.parse(Data("hello world".utf8)) }
        var truncated = Npy.write(NumpyArray(shape: [3], values: [1, 2, 3]))
        truncated.removeLast(8)
        #expect(throws: NumpyError("data is 16 bytes, but shape (3,) of <f8 needs 24")) { try Npy.parse(truncated) }
    }

    @Test func writtenArraysReadBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unroll-npz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.npz").path
        let arrays = [("a", NumpyArray(shape: [2, 3], values: [1, -2, 3.5, .pi, 0, -0.0])),
                      ("L", NumpyArray(shape: [], values: [2.5])), ("v", NumpyArray(shape: [0], values: []))]
        try Npz.write(arrays, path: path)
        let back = try Npz.read(path: path)
        for (name, array) in arrays { #expect(back[name] == array, "\(name)") }
        // the header is padded so the data starts on a 64-byte boundary, as numpy does
        let npy = Npy.write(arrays[0].1)
        #expect((npy.count - 6 * 8) % 64 == 0)
    }
}
