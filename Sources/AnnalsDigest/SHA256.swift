import CSHA256

/// SHA-256 (FIPS 180-4) in plain Swift, with the block function in SHA instructions where the
/// CPU has them.
///
/// Annals hashes every payload and chains every event; Foundation on Linux has no digest API and
/// a crypto package would double the build, so the few dozen lines live here, tested against the
/// NIST vectors. The portable rounds run at about 280 MB/s; x86's SHA extensions (`CSHA256`,
/// checked once with cpuid) at several times that, which `replay` feels most: it digests every
/// read-model row, about as many bytes as the log holds.
public struct SHA256: Sendable {
    /// Whether the block function uses the CPU's SHA instructions (x86 SHA-NI), for this process.
    public static let usesHardware = annals_sha256_hardware_available() != 0

    /// Whether this hasher may use the SHA instructions; false only in tests of the portable rounds.
    private let hardware: Bool

    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    )
    /// The bytes of an unfinished block, kept inline (no heap allocation per hasher).
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered = 0
    private var length: UInt64 = 0

    public init() { hardware = SHA256.usesHardware }

    /// A hasher that never uses the SHA instructions, so tests can compare the two block functions.
    init(portable: Bool) { hardware = portable ? false : SHA256.usesHardware }

    /// Feeds bytes into the digest; call as often as needed before `finalize()`.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// Feeds contiguous bytes, compressing whole blocks straight from the caller's memory.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var pointer = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if buffered > 0 {
            let take = min(64 - buffered, remaining)
            let offset = buffered
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.advanced(by: offset).copyMemory(from: pointer, byteCount: take)
            }
            buffered += take
            pointer += take
            remaining -= take
            if buffered == 64 {
                var block = buffer
                withUnsafeBytes(of: &block) { compress($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
                buffered = 0
            }
        }
        if remaining >= 64 {
            let blocks = remaining / 64
            compress(pointer, blocks: blocks)
            pointer += 64 * blocks
            remaining -= 64 * blocks
        }
        if remaining > 0 {
            let count = remaining
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.copyMemory(from: pointer, byteCount: count)
            }
            buffered = count
        }
    }

    /// Feeds an array of bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        var copy = string
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the digest and returns its 32 bytes.
    public mutating func finalize() -> [UInt8] {
        // Padding: 0x80, zeros, then the bit length big-endian, ending on a block boundary; one
        // or two blocks built on the stack.
        let bitLength = length &* 8
        let used = buffered
        let blocks = used + 1 + 8 <= 64 ? 1 : 2
        var copy = buffer
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            tail.initialize(repeating: 0)
            withUnsafeBytes(of: &copy) { saved in
                for i in 0..<used { tail[i] = saved[i] }
            }
            tail[used] = 0x80
            let end = blocks * 64
            for i in 0..<8 { tail[end - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
            compress(tail.baseAddress!)
            if blocks == 2 { compress(tail.baseAddress! + 64) }
        }
        buffered = 0
        return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            withUnsafeBytes(of: state) { words in
                for i in 0..<8 {
                    let word = words.load(fromByteOffset: 4 * i, as: UInt32.self)
                    out[4 * i] = UInt8(truncatingIfNeeded: word >> 24)
                    out[4 * i + 1] = UInt8(truncatingIfNeeded: word >> 16)
                    out[4 * i + 2] = UInt8(truncatingIfNeeded: word >> 8)
                    out[4 * i + 3] = UInt8(truncatingIfNeeded: word)
                }
            }
            count = 32
        }
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of contiguous bytes in one call.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of a string's UTF-8 bytes in one call.
    public static func hash(_ string: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(string)
        return hasher.finalize()
    }

    /// `blocks` consecutive 64-byte blocks, in SHA instructions when allowed.
    private mutating func compress(_ block: UnsafePointer<UInt8>, blocks: Int) {
        if hardware {
            withUnsafeMutableBytes(of: &state) { words in
                annals_sha256_compress_hardware(words.baseAddress!.assumingMemoryBound(to: UInt32.self), block, blocks)
            }
            return
        }
        for index in 0..<blocks { compressPortably(block + 64 * index) }
    }

    /// One 64-byte block.
    private mutating func compress(_ block: UnsafePointer<UInt8>) { compress(block, blocks: 1) }

    /// One 64-byte block in Swift. The message schedule lives in a stack buffer (no heap allocation per
    /// block: an `[UInt32]` here cost about half of all hashing time), words load big-endian.
    private mutating func compressPortably(_ block: UnsafePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            let raw = UnsafeRawPointer(block)
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            SHA256.roundConstants.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                     state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
        }
    }

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}

@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }  // masking shifts: one rotate instruction
