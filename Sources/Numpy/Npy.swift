import Foundation

/// An n-dimensional array of numbers as numpy stores it, read into row-major (C) order.
public struct NumpyArray: Equatable, Sendable {
    /// The sizes of its axes, e.g. [3, 4] for a 3×4 matrix, [] for a scalar.
    public var shape: [Int]
    /// Every entry, last axis fastest (row-major).
    public var values: [Double]

    public init(shape: [Int], values: [Double]) { self.shape = shape; self.values = values }

    /// `(3, 4)`, `(5,)`, `()`: the shape as numpy prints it.
    public var shapeText: String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}

/// Why a `.npy` or `.npz` could not be read, in a sentence (the caller adds the file name).
public struct NumpyError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The `.npy` format (numpy's `lib.format`): the magic `\x93NUMPY`, a version (1.0: a 2-byte
/// header length; 2.0 and 3.0: 4 bytes, little-endian), a header that is a Python dict literal
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`, then the data. Read: float64
/// and float32, little- or big-endian, C or Fortran order. Written: version 1.0, `<f8`, C order.
public enum Npy {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]   // \x93NUMPY

    public static func parse(_ data: Data) throws -> NumpyArray {
        let bytes = [UInt8](data)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw NumpyError("not a .npy array (no \\x93NUMPY magic)") }
        let major = bytes[6]
        let headerLength: Int, start: Int
        switch major {
        case 1: headerLength = Int(bytes[8]) | Int(bytes[9]) << 8; start = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw NumpyError("truncated .npy header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }; start = 12
        default: throw NumpyError(".npy version \(major).\(bytes[7]) is not supported (1.0, 2.0, 3.0)")
        }
        guard start + headerLength <= bytes.count else { throw NumpyError("truncated .npy header") }
        let header = String(decoding: bytes[start..<start + headerLength], as: UTF8.self)
        let descr = try field(header, "descr")
        let fortran = try field(header, "fortran_order") == "True"
        let shape = try parseShape(try field(header, "shape"))

        let little: Bool, size: Int
        switch descr {
        case "<f8", "=f8": little = true; size = 8
        case ">f8": little = false; size = 8
        case "<f4", "=f4": little = true; size = 4
        case ">f4": little = false; size = 4
        default: throw NumpyError("dtype '\(descr)' is not float64 or float32: save with .astype(np.float64)")
        }
        let count = shape.reduce(1, *)
        let body = start + headerLength
        guard bytes.count - body >= count * size else {
            throw NumpyError("data is \(bytes.count - body) bytes, but shape \(NumpyArray(shape: shape, values: []).shapeText) of \(descr) needs \(count * size)")
        }
        var values = [Double](repeating: 0, count: count)
        for i in 0..<count {
            var bits: UInt64 = 0
            for k in 0..<size {
                let b = UInt64(bytes[body + i * size + k])
                bits |= little ? b << (8 * UInt64(k)) : b << (8 * UInt64(size - 1 - k))
            }
            values[i] = size == 8 ? Double(bitPattern: bits) : Double(Float(bitPattern: UInt32(bits)))
        }
        if fortran && shape.count > 1 { values = cOrder(fortran: values, shape: shape) }
        return NumpyArray(shape: shape, values: values)
    }

    /// Column-major (first axis fastest) to row-major.
    static func cOrder(fortran values: [Double], shape: [Int]) -> [Double] {
        var out = values
        var index = [Int](repeating: 0, count: shape.count)
        for c in 0..<values.count {
            var f = 0, stride = 1
            for (axis, n) in shape.enumerated() { f += index[axis] * stride; stride *= n }
            out[c] = values[f]
            var axis = shape.count - 1
            while axis >= 0 { index[axis] += 1; if index[axis] < shape[axis] { break }; index[axis] = 0; axis -= 1 }
        }
        return out
    }

    /// The text of `'key': value` in the header dict (a quoted string unquoted, a tuple with its parentheses).
    static func field(_ header: String, _ key: String) throws -> String {
        guard let r = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\"") else { throw NumpyError("the .npy header has no '\(key)'") }
        var rest = header[r.upperBound...].drop { $0 == " " }
        guard rest.first == ":" else { throw NumpyError("the .npy header is not a dict at '\(key)'") }
        rest = rest.dropFirst().drop { $0 == " " }
        if let q = rest.first, q == "'" || q == "\"" {
            let body = rest.dropFirst()
            guard let end = body.firstIndex(of: q) else { throw NumpyError("unterminated '\(key)' in the .npy header") }
            return String(body[..<end])
        }
        if rest.first == "(" {
            guard let end = rest.firstIndex(of: ")") else { throw NumpyError("unterminated shape in the .npy header") }
            return String(rest[...end])
        }
        return String(rest.prefix { $0.isLetter || $0.isNumber })
    }

    static func parseShape(_ text: String) throws -> [Int] {
        let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
        let parts = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let dims = parts.compactMap { Int($0.hasSuffix("L") ? String($0.dropLast()) : $0) }
        guard dims.count == parts.count, dims.allSatisfy({ $0 >= 0 }) else { throw NumpyError("shape \(text) is not a tuple of sizes") }
        guard dims.reduce(1, { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }) < 1 << 28 else {
            throw NumpyError("shape \(text) is too large")
        }
        return dims
    }

    /// `array` as a version 1.0 `.npy`, little-endian float64, C order.
    public static func write(_ array: NumpyArray) -> Data {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(array.shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic + [1, 0])
        let n = header.utf8.count
        data.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8)])
        data.append(contentsOf: Array(header.utf8))
        data.reserveCapacity(data.count + array.values.count * 8)
        for v in array.values {
            let bits = v.bitPattern
            for k in 0..<8 { data.append(UInt8((bits >> (8 * UInt64(k))) & 0xFF)) }
        }
        return data
    }
}
