@testable import AnnalsProjections
import Testing

/// The scanner's string reading (a vector scan for the closing quote and any backslash):
/// escaped quotes and backslashes, unterminated strings, and skipping agreeing with reading.
struct JSONScannerTests {
    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""say \"yes\" now""#, "say \"yes\" now"),
        (#""ends with a backslash \\""#, "ends with a backslash \\"),
        (#""\\\"""#, "\\\""),
        (#""caf\u00e9""#, "café"),
        (#""""#, ""),
    ])
    func readsAndSkipsAString(json: String, expected: String) {
        let bytes = Array((json + ",1").utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONScanner(buffer), skipper = JSONScanner(buffer)
            let read = reader.readString(), skipped = skipper.skipString()
            #expect(read == expected)
            #expect(skipped)
            #expect(reader.index == skipper.index)
            let comma = reader.consume(UInt8(ascii: ","))
            #expect(comma)
        }
    }

    @Test(arguments: [#""no end"#, #""escaped end\""#, #""dangling \"#, #""bad \u12"#, #""bad escape \uZZZZ""#])
    func refusesABrokenString(json: String) {
        Array(json.utf8).withUnsafeBufferPointer { buffer in
            var reader = JSONScanner(buffer), skipper = JSONScanner(buffer)
            let read = reader.readString(), skipped = skipper.skipString()
            #expect(read == nil)
            #expect(!skipped)
        }
    }

    @Test func keysAreLentAsBytesWithEscapesDecoded() {
        let json = #"{"plain":1,"with \"quote\"":2,"caf\u00e9":{"nested":[3]}}"#
        var keys: [String] = []
        let ok = Array(json.utf8).withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return scanner.forEachMemberKey { s, key in
                keys.append(String(decoding: key, as: UTF8.self))
                return s.skipValue()
            }
        }
        #expect(ok)
        #expect(keys == ["plain", "with \"quote\"", "café"])
    }

    @Test func factKeysMatchTheirSpellingOnly() {
        for key in FactKey.allCases {
            let bytes = Array(key.rawValue.utf8)
            #expect(bytes.withUnsafeBufferPointer { FactKey($0) } == key)
            #expect((bytes + [UInt8(ascii: "x")]).withUnsafeBufferPointer { FactKey($0) } == nil)
        }
        for other in ["", "i", "evidence", "Type", "participant", "count_qualifiers"] {
            #expect(Array(other.utf8).withUnsafeBufferPointer { FactKey($0) } == nil)
        }
    }
}
