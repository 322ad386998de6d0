/// One readout as it arrived: its name, its exact bytes and their text.
///
/// Building a `Readout` is where bad input is refused, so every later stage (extraction, the
/// log, the daemon) can rely on non-empty, NUL-free, valid UTF-8 text of bounded size, and
/// evidence offsets index the same bytes the file holds.
public struct Readout: Sendable {
    /// The default largest readout accepted, 10 MiB; real readouts are a few kilobytes.
    public static let defaultMaximumSize = 10 * 1024 * 1024

    /// The file's name relative to the watched folder (or as given on the command line).
    public let name: String
    /// The file's bytes, exactly as read.
    public let bytes: [UInt8]
    /// The same bytes decoded as UTF-8 (identical byte for byte).
    public let text: String

    /// Validates `bytes` and keeps them with their name.
    ///
    /// - throws: `ReadoutError` for empty, oversized, binary (NUL) or non-UTF-8 input.
    public init(name: String, bytes: [UInt8], maximumSize: Int = Readout.defaultMaximumSize) throws(ReadoutError) {
        if bytes.isEmpty { throw .empty(name: name) }
        if bytes.count > maximumSize { throw .tooLarge(name: name, size: bytes.count, limit: maximumSize) }
        if let offset = bytes.firstIndex(of: 0) { throw .binary(name: name, offset: offset) }
        if let offset = Readout.firstInvalidUTF8Offset(bytes) { throw .notUTF8(name: name, offset: offset) }
        self.name = name
        self.bytes = bytes
        self.text = String(decoding: bytes, as: UTF8.self)
    }

    /// The byte offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
            default: return index
            }
            if index + length > count { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                if byte & 0xC0 != 0x80 { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}

/// Why a file is not a readout Annals can take; each case names the file and says what to do.
public enum ReadoutError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty(name: String)
    case tooLarge(name: String, size: Int, limit: Int)
    case binary(name: String, offset: Int)
    case notUTF8(name: String, offset: Int)

    /// The short reason, as logged beside a skipped file (`skipped x.bin: not UTF-8 ...`).
    public var reason: String {
        switch self {
        case .empty: return "empty file"
        case let .tooLarge(_, size, limit): return "too large (\(size) bytes, limit \(limit); raise max_readout_bytes in config/annals.toml)"
        case let .binary(_, offset): return "binary (NUL byte at offset \(offset))"
        case let .notUTF8(_, offset): return "not UTF-8 (invalid byte at offset \(offset))"
        }
    }

    /// The file the error is about.
    public var name: String {
        switch self {
        case let .empty(name), let .tooLarge(name, _, _), let .binary(name, _), let .notUTF8(name, _): return name
        }
    }

    public var description: String { "\(name): \(reason)" }
}
