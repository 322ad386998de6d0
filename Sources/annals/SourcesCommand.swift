import AnnalsProjections
import ArgumentParser

/// `annals sources`: every readout, its digest, arrival, state and facts.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Every readout: name, sha256, when it arrived, its state (active, revised, withdrawn, redacted) and facts.")

    @Option(name: .customLong("known-at"), help: "What the log knew after this seq, or at this time.") var knownAt: String?
    @Flag(help: "Print a JSON array of {name, sha256, size, state, published, seq, recorded_at, facts}.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let log = try database.openForReading()
        let seq = try knownAt.map { try QueryArguments.knownAt($0, in: log) }
        let sources = try Output.noteIfStale(Queries(log: log, knownAt: seq, ranking: Vocabulary.ranking)).sources()
        if json { return try Output.json(sources) }
        guard !sources.isEmpty else { return print("No readouts recorded yet.") }
        Output.table(["NAME", "STATE", "SEQ", "RECORDED AT", "PUBLISHED", "FACTS", "SHA256"], sources.map {
            [$0.name, $0.state, "\($0.seq)", $0.recordedAt, $0.published ?? "", "\($0.facts)", String($0.sha256.prefix(16))]
        })
    }
}
