import Foundation
import ZIPFoundation

/// `.npz` files (`np.savez`, `np.savez_compressed`): a zip archive of `NAME.npy` members,
/// stored or deflated, read and written with ZIPFoundation.
public enum Npz {
    /// Every array of the archive at `path`, by name (without `.npy`).
    public static func read(path: String) throws -> [String: NumpyArray] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw NumpyError(FileManager.default.fileExists(atPath: path) ? "not an .npz (zip) archive" : "no such file")
        }
        var arrays: [String: NumpyArray] = [:]
        for entry in archive where entry.type == .file && entry.path.hasSuffix(".npy") {
            let name = String(entry.path.dropLast(4))
            guard entry.uncompressedSize < 1 << 31 else { throw NumpyError("\(name) is too large") }
            var data = Data()
            do {
                _ = try archive.extract(entry, consumer: { data.append($0) })
            } catch {
                throw NumpyError("\(name): the archive member cannot be read (\(error))")
            }
            do {
                arrays[name] = try Npy.parse(data)
            } catch let e as NumpyError {
                throw NumpyError("\(name): \(e.message)")
            }
        }
        return arrays
    }

    /// Writes `arrays` as an uncompressed `.npz` (as `np.savez` does) at `path`, replacing it.
    public static func write(_ arrays: [(name: String, array: NumpyArray)], path: String) throws {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        for (name, array) in arrays {
            let data = Npy.write(array)
            try archive.addEntry(with: name + ".npy", type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .none, provider: { position, size in
                                     data.subdata(in: Int(position)..<Int(position) + size)
                                 })
        }
    }
}
