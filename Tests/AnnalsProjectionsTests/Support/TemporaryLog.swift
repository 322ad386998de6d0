import AnnalsLog
import AnnalsProjections
import Foundation

/// A fresh log file with the read models, deleted when the value goes away.
final class TemporaryLog {
    let directory: String
    let path: String
    let log: EventLog
    let projector: Projector

    init() throws {
        directory = NSTemporaryDirectory() + "annals-proj-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/annals.sqlite"
        log = try EventLog(path: path, options: .init(extraMigrations: ProjectionSchema.migrations))
        projector = try Projector(log: log)
        try projector.catchUp()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Appends one readout's events (as `EventBuilder` makes them) with the projector in the transaction.
    @discardableResult
    func append(_ events: [NewEvent]) throws -> [RecordedEvent] {
        try log.append(events, expecting: [:]) { try projector.apply($0) }
    }

    /// Appends a `SourceAdded` and one event per fact.
    @discardableResult
    func appendReadout(_ name: String, text: String = "text", facts: [[String: Any]]) throws -> [RecordedEvent] {
        var events = [SourceEvents.added(EventBuilder.sourceContent(name, text: text))]
        for (index, fact) in facts.enumerated() {
            events.append(EventBuilder.factEvent(fact, source: name, id: fact["id"] as? String ?? "\(name)#\(index)"))
        }
        return try append(events)
    }

    func strings(_ sql: String) throws -> [String] {
        try log.database.rows(sql) { row in (0..<row.columnCount).map { row.string($0) ?? "NULL" }.joined(separator: "|") }
    }
}

/// The two seed readouts with facts from their dev gold, and evidence spans into their text.
enum Seeds {
    static let corpus = "/work/shared/corpus/dev/"

    /// The gold facts of a dev readout, with ids, and evidence located in the text where the
    /// partnership sentence can be found.
    static func facts(_ stem: String) throws -> (text: String, facts: [[String: Any]]) {
        let text = try String(contentsOfFile: corpus + stem + ".txt", encoding: .utf8)
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: corpus + stem + ".gold.json"))) as? [String: Any]
        var facts = (gold?["facts"] as? [[String: Any]]) ?? []
        for index in facts.indices {
            facts[index]["id"] = "\(stem.prefix(3))-\(index)"
            if facts[index]["type"] as? String == "partnership", let sentence = sentence(in: text, containing: "partnership") {
                facts[index]["evidence"] = [["quote": sentence.quote, "start": sentence.start, "end": sentence.end]]
            }
        }
        return (text, facts)
    }

    /// The first sentence of `text` containing `word`, with its UTF-8 byte offsets.
    static func sentence(in text: String, containing word: String) -> (quote: String, start: Int, end: Int)? {
        let bytes = Array(text.utf8)
        guard let hit = text.range(of: word) else { return nil }
        let at = text.utf8.distance(from: text.startIndex, to: hit.lowerBound)
        var start = at
        while start > 0 && !(bytes[start - 1] == UInt8(ascii: ".") || bytes[start - 1] == 0x0A) { start -= 1 }
        while start < at && bytes[start] == 0x20 { start += 1 }
        var end = at
        while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
        end = min(end + 1, bytes.count)
        return (String(decoding: bytes[start..<end], as: UTF8.self), start, end)
    }
}
