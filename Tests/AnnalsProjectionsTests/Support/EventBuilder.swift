import AnnalsLog
import AnnalsProjections
import Foundation

/// Builds hand-made events for given/when/then tests: facts as FACTS.md JSON objects, and the
/// lifecycle of readouts, numbered from seq 1 without a database.
struct EventBuilder {
    private(set) var events: [RecordedEvent] = []
    private var factCounter = 0

    /// The event type a fact object is asserted with.
    static func eventType(for fact: [String: Any]) -> String {
        switch fact["type"] as? String {
        case "meeting": return "MeetingHeld"
        case "partnership": return (fact["action"] as? String) == "referenced" ? "PartnershipReferenced" : "PartnershipEstablished"
        case "document": return "DocumentSigned"
        case "attendance": return "OfficialsAttended"
        case "position": return "PositionStated"
        case "cooperation": return "CooperationAgreed"
        default: return "CeremonyHeld"
        }
    }

    /// The `NewEvent` asserting `fact` (a FACTS.md object) from `source`; gives it an id when it has none.
    static func factEvent(_ fact: [String: Any], source: String, id: String) -> NewEvent {
        var object = fact
        object["id"] = object["id"] ?? id
        object["source"] = source
        object["extractor"] = "annals-extract/test"
        let payload = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        let probe = AssertedFact.parse(Array(payload))
        let stream = probe?.pairKey.map { "relation/\($0)" } ?? "source/\(source)"
        return NewEvent(stream: stream, type: eventType(for: fact), validOn: fact["date"] as? String, payload: Array(payload))
    }

    static func sourceContent(_ name: String, text: String = "text", published: String? = nil) -> SourceEvents.Content {
        SourceEvents.Content(name: name, size: text.utf8.count, sha256: "sha-\(name)-\(text.utf8.count)",
                             published: published, text: text)
    }

    mutating func record(_ new: NewEvent) -> RecordedEvent {
        let seq = Int64(events.count + 1)
        let event = RecordedEvent(seq: seq, stream: new.stream, streamVersion: 1, type: new.type, schema: new.schema,
                                  validOn: new.validOn, recordedAt: String(format: "2026-01-01T00:00:%02d.000Z", seq % 60),
                                  payload: new.payload, payloadSHA256: "", prevHash: "", hash: "h\(seq)")
        events.append(event)
        return event
    }

    /// `SourceAdded` then one event per fact; returns the fact events' seqs.
    @discardableResult
    mutating func readout(_ name: String, facts: [[String: Any]], text: String = "text") -> [Int64] {
        _ = record(SourceEvents.added(EventBuilder.sourceContent(name, text: text)))
        return facts.map { fact in
            factCounter += 1
            return record(EventBuilder.factEvent(fact, source: name, id: fact["id"] as? String ?? "f\(factCounter)")).seq
        }
    }

    mutating func revise(_ name: String, text: String) {
        _ = record(SourceEvents.revised(EventBuilder.sourceContent(name, text: text)))
    }

    mutating func retract(fact id: String, source: String, asserted: Int64) {
        _ = record(SourceEvents.retracted(.init(fact: id, source: source, reason: "source revised", asserted: asserted),
                                          stream: "source/\(source)", validOn: nil))
    }

    mutating func withdraw(_ name: String) {
        _ = record(SourceEvents.withdrawn(.init(name: name, sha256: "x", reason: "file deleted")))
    }

    mutating func rename(_ from: String, to: String) {
        _ = record(SourceEvents.renamed(.init(from: from, to: to, sha256: "x")))
    }

    mutating func redact(_ source: String, targets: [Int64]) {
        _ = record(SourceEvents.redacted(.init(targets: targets, digests: [:], source: source, reason: "confidential",
                                               by: "test", at: "2026-01-01")))
        for seq in targets { events[Int(seq - 1)].payload = nil }
    }

    /// Folds every event into `projection` through `apply`.
    func fold<P>(_ projection: P, _ apply: (inout P, RecordedEvent) -> Void) -> P {
        var state = projection
        for event in events { apply(&state, event) }
        return state
    }
}

/// Facts shaped like the dev gold of the two seed readouts.
enum Gold {
    static func partnership(_ a: String, _ b: String, _ level: String, _ date: String, action: String = "established", id: String? = nil) -> [String: Any] {
        var fact: [String: Any] = ["type": "partnership", "parties": [a, b].sorted(), "level": level, "action": action, "date": date]
        if let id { fact["id"] = id }
        return fact
    }

    static func meeting(_ date: String, _ people: [(String, String, String)], format: String = "meeting", city: String? = nil) -> [String: Any] {
        var fact: [String: Any] = ["type": "meeting", "date": date, "format": format,
                                   "participants": people.map { ["name": $0.0, "country": $0.1, "title": $0.2] }]
        if let city { fact["city"] = city }
        return fact
    }

    static func document(_ kind: String, _ parties: [String], _ date: String, count: Int?, title: String? = nil) -> [String: Any] {
        var fact: [String: Any] = ["type": "document", "kind": kind, "parties": parties, "date": date, "count": count as Any? ?? NSNull()]
        if let title { fact["title"] = title }
        return fact
    }

    static let aliyev = ("Ilham Aliyev", "AZ", "President")
    static let xi = ("Xi Jinping", "CN", "President")
}
