import AnnalsDigest

/// Turns a readout into the facts of FACTS.md, each with the spans of text that support it.
///
/// A pure function of the readout's bytes and the lexicon: no I/O, no clock, no randomness, so
/// the same text always yields the same facts, ids and JSON bytes.
public struct Extractor: Sendable {
    /// The extractor's own version; bump it when its behaviour changes.
    public static let baseVersion = "annals-extract/1.0.0"

    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// "annals-extract/1.0.0+<lexicon fingerprint>": changes with the code or the lexicon.
    public var version: String { Extractor.baseVersion + "+" + lexicon.fingerprint }

    public func extract(_ readout: Readout) -> Extraction {
        let analysis = Analysis(bytes: readout.bytes, lexicon: lexicon)
        var assembly = Assembly(analysis)
        assembly.run()
        let facts = Extractor.identify(assembly.facts, source: readout.name)
        return Extraction(source: readout.name, sha256: SHA256.hex(readout.bytes), published: analysis.published?.iso,
                          extractor: version, facts: facts)
    }

    static let typeOrder = ["meeting", "partnership", "document", "attendance", "position", "cooperation", "ceremony"]

    /// Sorts facts (by type, then where the text first supports them) and gives each its stable id.
    static func identify(_ facts: [Fact], source: String) -> [Fact] {
        var facts = facts
        for index in facts.indices where facts[index].evidence.count > 1 {
            var evidence = facts[index].evidence
            evidence.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            var unique: [Evidence] = []
            for e in evidence where unique.last.map({ $0.start != e.start || $0.end != e.end }) ?? true { unique.append(e) }
            facts[index].evidence = unique
        }
        // Sort indices, not the facts themselves (large values to move).
        let order = facts.indices.sorted { i, j in
            let a = facts[i], b = facts[j]
            let ta = typeOrder.firstIndex(of: a.type) ?? typeOrder.count, tb = typeOrder.firstIndex(of: b.type) ?? typeOrder.count
            if ta != tb { return ta < tb }
            return (a.evidence.first?.start ?? 0, a.evidence.first?.end ?? 0, i) < (b.evidence.first?.start ?? 0, b.evidence.first?.end ?? 0, j)
        }
        // One SHA-256 of the source name per readout; each fact's id then folds its type and key
        // fields into that digest (FNV-1a, 64 bits): stable across runs, distinct within a readout.
        let digest = SHA256.hash(Array(source.utf8))
        var used = Set<String>()
        var sorted: [Fact] = []
        sorted.reserveCapacity(facts.count)
        for index in order {
            var fact = facts[index]
            let base = fact.type + "\n" + key(fact)
            var attempt = 0
            var id: String
            repeat {
                attempt += 1
                id = "f-" + identifier(digest, base, attempt)
            } while used.contains(id)
            used.insert(id)
            fact.id = id
            sorted.append(fact)
        }
        return sorted
    }

    /// 16 hex digits of FNV-1a over the source digest, the fact's key and an attempt number.
    static func identifier(_ digest: [UInt8], _ key: String, _ attempt: Int) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in digest { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        for byte in key.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        h = (h ^ UInt64(attempt)) &* 0x0000_0100_0000_01b3
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The fields that make a fact the fact it is (not its evidence or optional details).
    static func key(_ f: Fact) -> String {
        let date = f.date ?? "-"
        switch f.type {
        case "meeting": return date + "|" + (f.participants ?? []).map(\.name).sorted().joined(separator: ";")
        case "partnership": return (f.parties ?? []).joined(separator: "-") + "|" + (f.level ?? "")
        case "document": return [f.kind ?? "", (f.parties ?? []).joined(separator: "-"), date, f.count.map(String.init) ?? "-", f.title ?? ""].joined(separator: "|")
        case "attendance": return date + "|" + (f.persons ?? []).joined(separator: ";")
        case "position": return [f.holder ?? "", f.stance ?? "", f.target ?? ""].joined(separator: "|")
        case "cooperation": return (f.parties ?? []).joined(separator: "-")
        case "ceremony": return [f.kind ?? "", date, f.host ?? "", f.guest ?? ""].joined(separator: "|")
        default: return date
        }
    }
}
