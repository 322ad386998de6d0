@testable import AnnalsDigest
import Testing

/// The SHA-instruction block function (where the CPU has it) and the portable Swift rounds give
/// the same digests, at every length around the block boundaries and for long inputs fed in pieces.
struct SHA256HardwareTests {
    @Test func hardwareEqualsPortable() {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 3) }
        for length in Array(0...200) + [511, 512, 513, 1000, 4095, 4096, 5000] {
            var fast = SHA256(), slow = SHA256(portable: true)
            fast.update(Array(bytes[..<length]))
            slow.update(Array(bytes[..<length]))
            #expect(fast.finalize() == slow.finalize(), "length \(length)")
        }
        var fast = SHA256(), slow = SHA256(portable: true)
        var start = 0
        for piece in [1, 63, 64, 65, 200, 1000, 7, 3000] {
            fast.update(Array(bytes[start..<start + piece]))
            slow.update(Array(bytes[start..<start + piece]))
            start += piece
        }
        #expect(fast.finalize() == slow.finalize())
    }

    @Test func portableKnownVector() {
        var slow = SHA256(portable: true)
        slow.update(Array("abc".utf8))
        #expect(Hex.encode(slow.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
