import Testing
@testable import AnnalsExtract

struct ReadoutTests {
    @Test func acceptsUTF8TextByteForByte() throws {
        let bytes = Array("Tô Lâm met — “Xi Jinping”.".utf8)
        let readout = try Readout(name: "a.txt", bytes: bytes)
        #expect(Array(readout.text.utf8) == bytes)
    }

    @Test(arguments: [
        ([UInt8](), ReadoutError.empty(name: "x")),
        ([0x41, 0x00, 0x42], ReadoutError.binary(name: "x", offset: 1)),
        ([0x41, 0xC3, 0x28], ReadoutError.notUTF8(name: "x", offset: 1)),
        ([0xED, 0xA0, 0x80], ReadoutError.notUTF8(name: "x", offset: 0)),
        ([0x41, 0xE2, 0x82], ReadoutError.notUTF8(name: "x", offset: 1)),
        ([0xC0, 0xAF], ReadoutError.notUTF8(name: "x", offset: 0)),
    ])
    func refusesBadInput(bytes: [UInt8], expected: ReadoutError) {
        #expect(throws: expected) { try Readout(name: "x", bytes: bytes) }
    }

    @Test func refusesOversized() {
        #expect(throws: ReadoutError.tooLarge(name: "big", size: 11, limit: 10)) {
            try Readout(name: "big", bytes: Array(repeating: 0x41, count: 11), maximumSize: 10)
        }
    }
}
