import AnnalsProjections
import ArgumentParser

/// `annals meetings`: the timeline of meetings, talks and calls.
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings",
        abstract: "The timeline of meetings, talks and calls; one line per meeting however many readouts report it.")

    @OptionGroup var filter: RecordFilterOptions
    @OptionGroup var time: TimeOptions
    @Flag(help: "Print a JSON array of {id, date, participants, format, city, venue, occasion, sources, facts}.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let filter = try self.filter.filter(asOf: try time.asOfDate())
        let meetings = try time.queries(over: try database.openForReading()).meetings(filter)
        if json { return try Output.json(meetings) }
        guard !meetings.isEmpty else { return print("No meetings recorded that match.") }
        Output.table(["DATE", "FORMAT", "PLACE", "PRINCIPALS", "SOURCES"], meetings.map { m in
            [m.date ?? "(undated)", m.format ?? "", m.city ?? "",
             m.participants.map { p in p.country.map { "\(p.name) (\($0))" } ?? p.name }.joined(separator: ", "),
             m.sources.joined(separator: ", ")]
        })
    }
}
