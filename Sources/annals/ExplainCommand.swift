import AnnalsProjections
import ArgumentParser

/// `annals explain ID|seq:N`: where a fact came from.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Where a fact came from: readout, quote with byte offsets and context, extractor, event seq and hash.")

    @Argument(help: "A fact id, or seq:N for the event at seq N.") var reference: String
    @Flag(help: "Print a JSON array of explanations.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let explanations = try Output.noteIfStale(Queries(log: try database.openForReading(), ranking: Vocabulary.ranking)).explain(reference)
        if json { return try Output.json(explanations) }
        for e in explanations {
            print("seq \(e.seq)  \(e.eventType)  \(e.stream)  recorded \(e.recordedAt)")
            print("hash \(e.hash)")
            if let redaction = e.redaction {
                print("\(e.fact.map { "fact \($0): " } ?? "")\(redaction)")
                continue
            }
            guard let fact = e.fact else {
                print(e.payload == nil ? "(payload redacted)" : "(not a fact event)")
                continue
            }
            print("fact \(fact) (\(e.type ?? "")) \(e.date ?? "(undated)"): \(e.summary ?? "")")
            print("status \(e.live ? "live" : "no longer counts\(e.endedBy.map { " (ended by seq \($0))" } ?? "")")")
            print("source \(e.source ?? "?") (\(e.sourceState ?? "unknown")), extractor \(e.extractor ?? "?")")
            for span in e.evidence {
                print("quote [\(span.start)..<\(span.end)]\(span.matchesText ? "" : " (differs from the stored text)"): \"\(span.quote)\"")
                for line in span.context { print("  | \(line)") }
            }
            if e.evidence.isEmpty { print("(no evidence spans in the payload)") }
        }
    }
}
