import AnnalsExtract
import AnnalsLog
import AnnalsProjections
import Foundation

/// The extractor of `AnnalsExtract` seen as the recorder's `FactExtracting`: facts become the
/// past-tense events of FACTS.md's types, on the stream of the relation they concern.
public struct LexiconFactExtractor: FactExtracting {
    public let extractor: Extractor

    public init(extractor: Extractor) { self.extractor = extractor }

    public var version: String { extractor.version }

    public func extractFacts(from readout: Readout) -> ExtractedFacts {
        let extraction = extractor.extract(readout)
        let facts = extraction.facts.map { extracted in
            var fact = extracted
            // MeetingHeld schema 2: a meeting names its relation's parties, like the other facts.
            if fact.type == "meeting" && fact.parties == nil {
                let codes = Set((fact.participants ?? []).compactMap(\.country)).sorted()
                if !codes.isEmpty { fact.parties = codes }
            }
            return ExtractedFactEvent(id: fact.id, event: NewEvent(
                stream: LexiconFactExtractor.stream(for: fact, source: readout.name),
                type: fact.eventType, schema: EventType(rawValue: fact.eventType)?.currentSchema ?? 1, validOn: fact.date,
                payload: LexiconFactExtractor.payload(for: fact, source: readout.name, extractor: extraction.extractor)))
        }
        return ExtractedFacts(published: extraction.published, extractor: extraction.extractor, facts: facts)
    }

    /// `relation/AA-BB` for a fact about two countries (sorted codes), `relation/AA-BB-CC` for
    /// more, else the source's own stream.
    public static func stream(for fact: Fact, source: String) -> String {
        var countries = Set<String>()
        for code in fact.parties ?? [] { countries.insert(code) }
        for participant in fact.participants ?? [] { if let code = participant.country { countries.insert(code) } }
        if let holder = fact.holder, let target = fact.target, holder.count == 2, target.count == 2 {
            countries.insert(holder)
            countries.insert(target)
        }
        guard countries.count >= 2 else { return SourceEvents.stream(for: source) }
        return "relation/" + countries.sorted().joined(separator: "-")
    }

    /// The fact's JSON (FACTS.md, in its key order, as `annals extract --json` prints it) with
    /// `extractor` and `source` added at the end.
    public static func payload(for fact: Fact, source: String, extractor: String) -> [UInt8] {
        var bytes = Array(fact.jsonLine().utf8)
        guard bytes.last == UInt8(ascii: "}") else { return bytes }
        bytes.removeLast()
        var tail: [UInt8] = bytes.count > 1 ? [UInt8(ascii: ",")] : []
        HashChain.appendJSONString("extractor", to: &tail)
        tail.append(UInt8(ascii: ":"))
        HashChain.appendJSONString(extractor, to: &tail)
        tail.append(UInt8(ascii: ","))
        HashChain.appendJSONString("source", to: &tail)
        tail.append(UInt8(ascii: ":"))
        HashChain.appendJSONString(source, to: &tail)
        tail.append(UInt8(ascii: "}"))
        return bytes + tail
    }
}
