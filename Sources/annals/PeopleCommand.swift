import AnnalsProjections
import ArgumentParser

/// `annals people [NAME]`: who appears, with countries, titles and the events they took part in.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Who appears in the record: countries, titles by date, meetings and ceremonies.")

    @Argument(help: "A name or part of one (quotes optional: people Wang Yi); without it, everyone.") var words: [String] = []

    /// The name asked for, nil for everyone.
    var name: String? { words.isEmpty ? nil : words.joined(separator: " ") }
    @OptionGroup var time: TimeOptions
    @Flag(help: "Print a JSON array of {name, countries, titles, appearances}.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let asOf = try time.asOfDate()
        let people = try time.queries(over: try database.openForReading()).people(named: name, asOf: asOf)
        if let name, people.isEmpty { throw QueryError.unknownPerson(name) }
        if json { return try Output.json(people) }
        guard name != nil else {
            return Output.table(["NAME", "COUNTRIES", "TITLE", "APPEARANCES", "FIRST", "LAST"], people.map { p in
                [p.name, p.countries.joined(separator: ","), p.title(asOf: asOf) ?? "", "\(p.appearances.count)",
                 p.appearances.first?.date ?? "", p.appearances.last?.date ?? ""]
            })
        }
        for person in people {
            print("\(person.name)  \(person.countries.joined(separator: ", "))")
            for held in person.titles { print("  \(held.date ?? "(undated)")  \(held.title)") }
            Output.table(["  DATE", "ROLE", "WHAT", "SOURCE"], person.appearances.map {
                ["  " + ($0.date ?? "(undated)"), $0.role, $0.summary, $0.source]
            })
        }
    }
}
