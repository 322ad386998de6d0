import AnnalsDigest

/// SplitMix64: a tiny, fast, seedable generator, so the workload is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One event of the fixed workload, ready to append.
struct WorkloadEvent {
    var stream: String
    /// Its position in its stream (1...100), known up front because the order is fixed.
    var version: Int64
    var type: String
    var validOn: String
    var payload: [UInt8]
}

/// The fixed workload of issue 11, generated in memory from a seed.
///
/// `events` events over `events / 100` streams named `relation/XX-YY` (pairs of ISO 3166-1 codes),
/// exactly 100 per stream, globally shuffled; each payload one compact JSON fact in the FACTS.md
/// shape with one evidence quote of about 300 characters, about 600 bytes in all.
struct Workload {
    static let eventsPerStream = 100

    let seed: UInt64
    let events: [WorkloadEvent]
    let streams: [String]

    var payloadBytes: Int { events.reduce(0) { $0 + $1.payload.count } }

    /// 72 codes give 2,556 unordered pairs; the first 2,000 of them in code order are the stream
    /// names (so a 200k-event workload uses exactly 2,000), and smaller workloads take a seeded sample.
    static let countryCodes = [
        "AE", "AM", "AR", "AT", "AU", "AZ", "BD", "BE", "BR", "BY", "CA", "CH", "CL", "CN", "CU", "CZ",
        "DE", "DK", "DZ", "EG", "ES", "ET", "FI", "FR", "GB", "GE", "GR", "HU", "ID", "IE", "IL", "IN",
        "IQ", "IR", "IT", "JP", "KE", "KG", "KH", "KR", "KZ", "LA", "LK", "MA", "MM", "MN", "MX", "MY",
        "NG", "NL", "NO", "NP", "NZ", "PE", "PH", "PK", "PL", "PT", "QA", "RS", "RU", "SA", "SE", "SG",
        "TH", "TJ", "TM", "TR", "UA", "US", "UZ", "VN",
    ]

    static let allStreamNames: [String] = {
        var names: [String] = []
        let codes = countryCodes.sorted()
        outer: for i in codes.indices {
            for j in codes.indices where j > i {
                names.append("relation/\(codes[i])-\(codes[j])")
                if names.count == 2_000 { break outer }
            }
        }
        return names
    }()

    enum Failure: Error, CustomStringConvertible {
        case badEventCount(Int)
        var description: String {
            switch self {
            case let .badEventCount(n):
                return "--events must be a positive multiple of 100 and at most 200000 (got \(n))"
            }
        }
    }

    init(events count: Int, seed: UInt64) throws {
        guard count > 0, count % Workload.eventsPerStream == 0, count / Workload.eventsPerStream <= 2_000 else {
            throw Failure.badEventCount(count)
        }
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        let streamCount = count / Workload.eventsPerStream
        var names = Workload.allStreamNames
        if streamCount < names.count {
            names.shuffle(using: &rng)
            names = Array(names.prefix(streamCount))
        }
        streams = names

        // Which stream each global position belongs to: 100 slots per stream, shuffled.
        var order: [Int32] = []
        order.reserveCapacity(count)
        for s in 0..<streamCount { order.append(contentsOf: repeatElement(Int32(s), count: Workload.eventsPerStream)) }
        order.shuffle(using: &rng)

        var versions = [Int64](repeating: 0, count: streamCount)
        var built: [WorkloadEvent] = []
        built.reserveCapacity(count)
        var factory = FactFactory()
        for (position, s) in order.enumerated() {
            versions[Int(s)] += 1
            let (type, date, payload) = factory.fact(stream: names[Int(s)], position: position, rng: &rng)
            built.append(WorkloadEvent(stream: names[Int(s)], version: versions[Int(s)], type: type,
                                       validOn: date, payload: payload))
        }
        events = built
    }

    /// A digest of the whole workload, to show two runs (or two machines) used the same one.
    var fingerprint: String {
        var hasher = SHA256()
        for event in events {
            hasher.update(event.stream)
            hasher.update(String(event.version))
            hasher.update(event.type)
            hasher.update(event.payload)
        }
        return Hex.encode(hasher.finalize())
    }
}

/// Builds FACTS.md-shaped facts for a pair of countries, with a ~300-character evidence quote.
struct FactFactory {
    static let givenNames = ["Ilham", "Xi", "Kassym-Jomart", "Shavkat", "Recep", "Emmanuel", "Narendra", "Anwar",
                             "Luiz", "Cyril", "Olaf", "Giorgia", "Pedro", "Fumio", "Yoon", "Prabowo", "To", "Shehbaz"]
    static let familyNames = ["Aliyev", "Jinping", "Tokayev", "Mirziyoyev", "Erdogan", "Macron", "Modi", "Ibrahim",
                              "da Silva", "Ramaphosa", "Scholz", "Meloni", "Sanchez", "Kishida", "Suk-yeol", "Subianto",
                              "Lam", "Sharif"]
    static let titles = ["President", "Prime Minister", "Premier", "Foreign Minister", "Vice President", "King"]
    static let cities = ["Beijing", "Baku", "Astana", "Tashkent", "Ankara", "Paris", "New Delhi", "Kuala Lumpur",
                         "Brasilia", "Pretoria", "Berlin", "Rome", "Madrid", "Tokyo", "Seoul", "Jakarta", "Hanoi",
                         "Islamabad", "Moscow", "Cairo"]
    static let formats = ["meeting", "talks", "phone call", "video call", "exchange of letters"]
    static let levels = ["strategic partnership", "comprehensive strategic partnership",
                         "all-round strategic partnership", "comprehensive strategic cooperative partnership",
                         "friendly cooperative partnership", "comprehensive partnership"]
    static let areas = ["trade", "investment", "oil and gas", "photovoltaics", "digital economy", "green energy",
                        "education", "culture", "tourism", "agriculture", "connectivity", "health"]
    static let words = ["the", "two", "sides", "held", "talks", "on", "bilateral", "relations", "and", "exchanged",
                        "views", "regional", "international", "issues", "of", "common", "concern", "leaders",
                        "agreed", "to", "deepen", "cooperation", "in", "trade", "energy", "connectivity",
                        "welcomed", "steady", "progress", "joint", "statement", "signed", "documents",
                        "comprehensive", "strategic", "partnership", "friendship", "President", "said", "that",
                        "country", "stands", "ready", "work", "with", "side", "mutual", "trust", "benefit"]

    private var counter = 0

    static func date(_ rng: inout SplitMix64) -> String {
        let year = 2015 + rng.below(11)
        let month = 1 + rng.below(12)
        let day = 1 + rng.below(28)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func quote(_ rng: inout SplitMix64, target: Int) -> String {
        var text = ""
        text.reserveCapacity(target + 16)
        while text.utf8.count < target {
            if !text.isEmpty { text += " " }
            text += rng.pick(words)
        }
        return text + "."
    }

    static func person(_ code: Substring, _ rng: inout SplitMix64) -> String {
        let i = rng.below(givenNames.count)
        return #"{"country":"\#(code)","name":"\#(givenNames[i]) \#(familyNames[i])","title":"\#(rng.pick(titles))"}"#
    }

    mutating func fact(stream: String, position: Int, rng: inout SplitMix64) -> (String, String, [UInt8]) {
        counter += 1
        let pair = stream.dropFirst("relation/".count)
        let a = pair.prefix(2), b = pair.suffix(2)
        let date = FactFactory.date(&rng)
        let id = String(rng.next(), radix: 16)
        let sourceNumber = position / 7
        let source = "\(sourceNumber)_\(String(rng.next() & 0xFFFF_FFFF, radix: 16)).txt"
        let start = rng.below(4000)
        let quote = FactFactory.quote(&rng, target: 300)
        let evidence = #"[{"end":\#(start + quote.utf8.count),"quote":"\#(quote)","start":\#(start)}]"#
        let type: String
        let body: String
        switch rng.below(10) {
        case 0..<4:
            type = "MeetingHeld"
            body = #""city":"\#(rng.pick(FactFactory.cities))","date":"\#(date)","format":"\#(rng.pick(FactFactory.formats))","participants":[\#(FactFactory.person(a, &rng)),\#(FactFactory.person(b, &rng))],"type":"meeting""#
        case 4..<6:
            type = "PartnershipEstablished"
            body = #""action":"established","date":"\#(date)","level":"\#(rng.pick(FactFactory.levels))","parties":["\#(a)","\#(b)"],"type":"partnership""#
        case 6..<8:
            type = "DocumentSigned"
            body = #""count":\#(1 + rng.below(20)),"date":"\#(date)","kind":"agreement","parties":["\#(a)","\#(b)"],"signed_by":"ministers","type":"document""#
        default:
            type = "CooperationAgreed"
            body = #""areas":["\#(rng.pick(FactFactory.areas))","\#(rng.pick(FactFactory.areas))"],"date":"\#(date)","parties":["\#(a)","\#(b)"],"type":"cooperation""#
        }
        let json = #"{\#(body),"evidence":\#(evidence),"extractor":"annals-extract/1.3.0","id":"\#(id)","source":"\#(source)"}"#
        return (type, date, Array(json.utf8))
    }
}
