import Foundation
import ZIPFoundation

/// Just enough PNG to read a browser's screenshot: 8-bit RGB or RGBA, not interlaced. The
/// zlib stream is inflated by ZIPFoundation's raw deflate (after the two-byte zlib header);
/// the scanline filters (none, sub, up, average, Paeth) are undone here.
struct PNGImage {
    let width: Int
    let height: Int
    let channels: Int
    private let pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw Failure(description: "not a PNG file")
        }
        func u32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        var i = 8
        var w = 0, h = 0, colorType = -1, depth = 0, interlace = 0
        var idat = Data()
        while i + 8 <= bytes.count {
            let length = u32(i)
            let type = String(decoding: bytes[i + 4..<i + 8], as: UTF8.self)
            let body = i + 8
            guard body + length <= bytes.count else { throw Failure(description: "truncated chunk \(type)") }
            if type == "IHDR" {
                w = u32(body); h = u32(body + 4); depth = Int(bytes[body + 8]); colorType = Int(bytes[body + 9])
                interlace = Int(bytes[body + 12])
            } else if type == "IDAT" {
                idat.append(contentsOf: bytes[body..<body + length])
            } else if type == "IEND" { break }
            i = body + length + 4
        }
        guard depth == 8, colorType == 2 || colorType == 6, interlace == 0 else {
            throw Failure(description: "PNG depth \(depth), colour type \(colorType), interlace \(interlace): only 8-bit RGB(A)")
        }
        let channels = colorType == 6 ? 4 : 3
        let deflate = idat.dropFirst(2)   // the zlib header; the Adler-32 at the end is never reached
        let bufferSize = 1 << 16
        var raw = Data()
        _ = try Data.decompress(size: Int64(deflate.count), bufferSize: bufferSize, skipCRC32: true, provider: { position, size in
            let start = deflate.startIndex + Int(position)
            var chunk = Data(deflate[start..<min(start + size, deflate.endIndex)])
            if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }   // inflate stops at the stream's end
            return chunk
        }, consumer: { raw.append($0) })
        let stride = w * channels
        guard raw.count >= h * (stride + 1) else { throw Failure(description: "PNG data too short") }
        let src = [UInt8](raw)
        var out = [UInt8](repeating: 0, count: w * h * channels)
        for y in 0..<h {
            let filter = src[y * (stride + 1)]
            let line = y * (stride + 1) + 1
            for x in 0..<stride {
                let a = x >= channels ? Int(out[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(out[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(out[(y - 1) * stride + x - channels]) : 0
                let v = Int(src[line + x])
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Failure(description: "PNG filter \(filter) on line \(y)")
                }
                out[y * stride + x] = UInt8((v + predicted) & 0xFF)
            }
        }
        width = w; height = h; self.channels = channels; pixels = out
    }

    /// The pixel at (x, y) as r, g, b.
    func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let i = (y * width + x) * channels
        return (Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))
    }
}
