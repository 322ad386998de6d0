import AnnalsProjections
import ArgumentParser

/// `annals history A B`: the whole story of a pair in valid-time order.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every meeting, partnership, document and position touching a pair, in date order.")

    @Argument(help: "The first country (code or name).") var a: String
    @Argument(help: "The second country (code or name).") var b: String
    @OptionGroup var time: TimeOptions
    @Flag(help: "Print a JSON array of {date, type, summary, sources, fact, seq}.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let codes = (try QueryArguments.country(a, in: Vocabulary.countries), try QueryArguments.country(b, in: Vocabulary.countries))
        let asOf = try time.asOfDate()
        let entries = try time.queries(over: try database.openForReading()).history(codes.0, codes.1, asOf: asOf)
        if json { return try Output.json(entries) }
        guard !entries.isEmpty else {
            print("Nothing recorded between \(Output.country(codes.0)) and \(Output.country(codes.1)).")
            return
        }
        Output.table(["DATE", "TYPE", "WHAT", "SOURCE"], entries.map {
            [$0.date ?? "(undated)", $0.type, $0.summary, $0.sources.joined(separator: ", ")]
        })
    }
}
