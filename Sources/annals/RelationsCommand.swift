import AnnalsProjections
import ArgumentParser

/// `annals relations [A B]`: how pairs of countries stand, with the ladder of levels.
struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "How pairs of countries stand: current partnership level, since when, and the ladder.")

    @Argument(help: "Two countries (code or name), or none for every pair.")
    var countries: [String] = []

    @OptionGroup var time: TimeOptions
    @Flag(help: "Print a JSON array of {parties, level, since, ladder}.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard countries.isEmpty || countries.count == 2 else {
            throw ValidationError("Give two countries (e.g. AZ CN), or none to list every pair.")
        }
    }

    func run() throws {
        let pair = try countries.count == 2
            ? (QueryArguments.country(countries[0], in: Vocabulary.countries), QueryArguments.country(countries[1], in: Vocabulary.countries)) : nil
        let asOf = try time.asOfDate()
        let log = try database.openForReading()
        let relations = try time.queries(over: log).relations(pair: pair, asOf: asOf)
        if json { return try Output.json(relations) }
        guard !relations.isEmpty else {
            let scope = pair.map { "for \(Output.country($0.0)) and \(Output.country($0.1))" } ?? "for any pair"
            print("No partnership level recorded \(scope)\(asOf.map { " as of \($0)" } ?? "").")
            return
        }
        for relation in relations {
            print("\(relation.pair)  \(relation.level ?? "")  since \(relation.since ?? "?")")
            Output.table(["  SINCE", "LEVEL", "CHANGE", "SOURCE", "FACT"], relation.ladder.map {
                ["  " + $0.since, $0.level, $0.change, $0.sources.joined(separator: ", "), $0.fact]
            })
        }
    }
}
