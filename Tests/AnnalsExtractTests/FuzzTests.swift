import Foundation
import Testing
@testable import AnnalsExtract

/// Mutated readouts (seeded, so failures reproduce): no crash, no hang, evidence always exact.
struct FuzzTests {
    /// A small deterministic generator (SplitMix64): the same seed, the same cases.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [[UInt8]] = [
        "President", " met with ", "Xi Jinping", "July 3, 2024", ".", ",", "\n", "\n\n", " the same day ", "signed",
        " 20 cooperation documents", "Joint Statement on ", "comprehensive strategic partnership", " elevated ", "’s", "“",
        " — ", "-", "(Xinhua)", "Published: ", "2025-04-24", " were present", " among them ", " of the People's Republic of China",
        "Tô Lâm", " 𝒳 ", "yesterday", " on Wednesday", " upgraded ties to a ", " with ", " and ", "Mr. ", "H.E. ", "U.S.",
    ].map { Array($0.utf8) }

    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            guard !out.isEmpty else { out = pieces[0]; continue }
            let at = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: out.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
            case 1: out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...40, using: &rng)))
            case 2:
                let from = Int.random(in: 0..<out.count, using: &rng)
                let chunk = Array(out[from..<min(out.count, from + Int.random(in: 1...200, using: &rng))])
                out.insert(contentsOf: chunk, at: at)
            case 3: out[at] = UInt8.random(in: 0x20...0x7E, using: &rng)
            default: out.swapAt(at, Int.random(in: 0..<out.count, using: &rng))
            }
        }
        return out
    }

    @Test func mutatedReadoutsNeverBreakEvidence() throws {
        // Readouts cut to their first 700 bytes (at a character boundary): the mutations, not
        // the length, are what is under test, and the suite stays fast in debug builds.
        let sources = (CorpusTests.fixtures + CorpusTests.seeds).compactMap { path -> [UInt8]? in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            var bytes = [UInt8](data)
            if bytes.count > 700 {
                var cut = 700
                while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                bytes = Array(bytes[..<cut])
            }
            return bytes
        }
        #expect(!sources.isEmpty)
        var rng = SplitMix(state: 20_250_424)
        var checked = 0
        let started = Date()
        for case_ in 0..<2000 {
            let base = sources[case_ % sources.count]
            let mutated = FuzzTests.mutate(base, &rng)
            // Mutations can break UTF-8; those are refused at the door, as in the daemon.
            guard let readout = try? Readout(name: "fuzz-\(case_).txt", bytes: mutated) else { continue }
            let extraction = Support.extractor.extract(readout)
            #expect(Support.evidenceIsExact(extraction, bytes: mutated), "seed case \(case_)")
            checked += 1
        }
        #expect(checked > 1500)
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
