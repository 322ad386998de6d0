import AnnalsLog
import Foundation

/// The payloads of the events about readouts, schema 1, and how to build and read them.
///
/// A source's stream is `source/<name>`, its name relative to the watched folder. The text is
/// stored whole in `SourceAdded` and `SourceRevised`, so replay and re-extraction never need
/// the folder again.
public enum SourceEvents {
    /// `SourceAdded` / `SourceRevised`: the readout's bytes as text, with their digest.
    public struct Content: Codable, Sendable, Equatable {
        public var name: String
        public var size: Int
        public var sha256: String
        public var published: String?
        /// The digest this revision replaces (revisions only).
        public var previousSHA256: String?
        /// The whole readout; nil after a redaction.
        public var text: String?
        /// The extractor that derived the facts.
        public var extractor: String?
        /// Every fact this text supports after this event: the ones asserted in the same
        /// transaction and the ones carried over unchanged from the previous revision.
        public var facts: [FactRef]?

        public init(name: String, size: Int, sha256: String, published: String?, previousSHA256: String? = nil,
                    text: String?, extractor: String? = nil, facts: [FactRef]? = nil) {
            self.name = name
            self.size = size
            self.sha256 = sha256
            self.published = published
            self.previousSHA256 = previousSHA256
            self.text = text
            self.extractor = extractor
            self.facts = facts
        }

        enum CodingKeys: String, CodingKey {
            case name, size, sha256, published, text, extractor, facts
            case previousSHA256 = "previous_sha256"
        }
    }

    /// Where a live fact of a source was asserted, so a revision or withdrawal can retract it
    /// on the right stream without searching the log.
    public struct FactRef: Codable, Sendable, Equatable, Hashable {
        public var id: String
        /// The seq of the event that asserted it.
        public var seq: Int64
        public var stream: String
        public var type: String
        public var validOn: String?

        public init(id: String, seq: Int64, stream: String, type: String, validOn: String?) {
            self.id = id
            self.seq = seq
            self.stream = stream
            self.type = type
            self.validOn = validOn
        }

        enum CodingKeys: String, CodingKey {
            case id, seq, stream, type
            case validOn = "valid_on"
        }
    }

    /// `SourceRenamed`: the same bytes now live under another name; its facts stay live.
    public struct Renamed: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var sha256: String
        /// The live facts, carried over unchanged.
        public var facts: [FactRef]?
        public init(from: String, to: String, sha256: String, facts: [FactRef]? = nil) {
            self.from = from
            self.to = to
            self.sha256 = sha256
            self.facts = facts
        }
    }

    /// `SourceWithdrawn`: the file left the folder (or was redacted); its facts are retracted.
    public struct Withdrawn: Codable, Sendable, Equatable {
        public var name: String
        public var sha256: String
        public var reason: String
        public init(name: String, sha256: String, reason: String) {
            self.name = name
            self.sha256 = sha256
            self.reason = reason
        }
    }

    /// `FactRetracted`: a fact its source no longer supports.
    public struct Retracted: Codable, Sendable, Equatable {
        /// The fact id.
        public var fact: String
        public var source: String
        /// Why: `source revised`, `source withdrawn`, `re-extracted by annals-extract/…`.
        public var reason: String
        /// The seq of the event that asserted the fact.
        public var asserted: Int64
        public init(fact: String, source: String, reason: String, asserted: Int64) {
            self.fact = fact
            self.source = source
            self.reason = reason
            self.asserted = asserted
        }
    }

    /// `PayloadRedacted`: who emptied which payloads, why, keeping their digests.
    public struct Redacted: Codable, Sendable, Equatable {
        /// The seqs whose payloads are emptied; the log's UPDATE trigger reads this key.
        public var targets: [Int64]
        /// The digests of the emptied payloads, by seq (as text keys), kept for the audit.
        public var digests: [String: String]
        /// The source the redaction is about, when it is about one.
        public var source: String?
        public var reason: String
        public var by: String
        public var at: String
        /// The digest of the redacted file's bytes: the tombstone that keeps the daemon from
        /// taking the same bytes in again while the file is still in the folder.
        public var sourceSHA256: String?
        /// The ids of the facts whose events were emptied, so `explain` can still account for them.
        public var facts: [String]?
        public init(targets: [Int64], digests: [String: String], source: String?, reason: String, by: String, at: String,
                    sourceSHA256: String? = nil, facts: [String]? = nil) {
            self.targets = targets
            self.digests = digests
            self.source = source
            self.reason = reason
            self.by = by
            self.at = at
            self.sourceSHA256 = sourceSHA256
            self.facts = facts
        }

        enum CodingKeys: String, CodingKey {
            case targets, digests, source, reason, by, at, facts
            case sourceSHA256 = "source_sha256"
        }
    }

    /// The stream of a source's events.
    public static func stream(for name: String) -> String { "source/" + name }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Encodes a payload as compact, key-sorted JSON: the same value always gives the same bytes.
    public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        // Encoding these plain structs cannot fail; an empty object keeps the signature total.
        (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }

    /// Decodes a payload, nil when it is redacted or not of this shape.
    public static func decode<T: Decodable>(_ type: T.Type, from event: RecordedEvent) -> T? {
        guard let payload = event.payload else { return nil }
        return try? JSONDecoder().decode(type, from: Data(payload))
    }

    // The three content events below use `SourceContentJSON`, byte-identical to `encode(_:)`
    // and about ten times cheaper on the largest payload of the ingest path.

    /// `SourceAdded` for a new readout.
    public static func added(_ content: Content) -> NewEvent {
        NewEvent(stream: stream(for: content.name), type: EventType.sourceAdded.rawValue, payload: SourceContentJSON.encode(content))
    }

    /// `SourceRevised` for changed bytes under the same name.
    public static func revised(_ content: Content) -> NewEvent {
        NewEvent(stream: stream(for: content.name), type: EventType.sourceRevised.rawValue, payload: SourceContentJSON.encode(content))
    }

    /// `SourceReextracted`: the same text, facts derived again by a newer extractor (no `text`).
    public static func reextracted(_ content: Content) -> NewEvent {
        NewEvent(stream: stream(for: content.name), type: EventType.sourceReextracted.rawValue, payload: SourceContentJSON.encode(content))
    }

    /// `SourceRenamed`, on the new name's stream.
    public static func renamed(_ renamed: Renamed) -> NewEvent {
        NewEvent(stream: stream(for: renamed.to), type: EventType.sourceRenamed.rawValue, payload: encode(renamed))
    }

    /// `SourceWithdrawn`.
    public static func withdrawn(_ withdrawn: Withdrawn) -> NewEvent {
        NewEvent(stream: stream(for: withdrawn.name), type: EventType.sourceWithdrawn.rawValue, payload: encode(withdrawn))
    }

    /// `FactRetracted`, on the stream of the fact it retracts.
    public static func retracted(_ retracted: Retracted, stream: String, validOn: String?) -> NewEvent {
        NewEvent(stream: stream, type: EventType.factRetracted.rawValue, validOn: validOn, payload: encode(retracted))
    }

    /// `PayloadRedacted`, on the `redaction` stream. The log's UPDATE trigger and the verifier
    /// read its `targets` key; string values are escaped, so the key cannot be spoofed by text.
    public static func redacted(_ redacted: Redacted) -> NewEvent {
        NewEvent(stream: "redaction", type: EventType.payloadRedacted.rawValue, payload: encode(redacted))
    }
}
