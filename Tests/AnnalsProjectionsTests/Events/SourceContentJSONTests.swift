import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

/// The hand-written `SourceAdded` encoder must give exactly `JSONEncoder`'s sorted-keys bytes,
/// so logs written before and after it stay comparable byte for byte.
struct SourceContentJSONTests {
    static func reference(_ content: SourceEvents.Content) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(content))
    }

    @Test func matchesJSONEncoderOnAwkwardText() throws {
        var text = (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) }.joined()
        text += "\"quoted\" back\\slash a/b é 😀 \u{7f} \u{2028} \u{2029} \u{fffe}\r\n"
        let facts = [
            SourceEvents.FactRef(id: "f-1", seq: 12, stream: "relation/AZ-CN", type: "MeetingHeld", validOn: "2024-07-03"),
            SourceEvents.FactRef(id: "f-\"2\"", seq: 9_000_000_000, stream: "source/a/b.txt", type: "X", validOn: nil),
        ]
        let variants = [
            SourceEvents.Content(name: "dir/a \"b\".txt", size: 42, sha256: "ab", published: "2024-07-03",
                                 previousSHA256: "cd", text: text, extractor: "annals-extract/1", facts: facts),
            SourceEvents.Content(name: "a.txt", size: 0, sha256: "", published: nil, text: nil),
            SourceEvents.Content(name: "a.txt", size: 1, sha256: "x", published: nil, text: "", facts: []),
        ]
        for content in variants {
            let fast = SourceEvents.added(content).payload
            #expect(fast == (try Self.reference(content)), "\(String(decoding: fast, as: UTF8.self))")
            #expect(SourceEvents.reextracted(content).payload == fast)
            #expect(try JSONDecoder().decode(SourceEvents.Content.self, from: Data(fast)) == content)
        }
    }
}
