import AnnalsProjections
import ArgumentParser

/// `--country C`, `--between A B`, `--from DATE`, `--to DATE`, shared by meetings and documents.
struct RecordFilterOptions: ParsableArguments {
    @Option(help: "Only those involving this country (code or name).") var country: String?
    @Option(parsing: .upToNextOption, help: "Only those involving both countries: --between A B.") var between: [String] = []
    @Option(help: "From this day (YYYY-MM-DD).") var from: String?
    @Option(help: "Up to this day (YYYY-MM-DD).") var to: String?

    func validate() throws {
        guard between.isEmpty || between.count == 2 else { throw ValidationError("--between takes two countries, e.g. --between AZ CN") }
    }

    /// The checked filter.
    func filter(asOf: String?) throws -> RecordFilter {
        var filter = RecordFilter(asOf: asOf)
        if let country { filter.country = try QueryArguments.country(country, in: Vocabulary.countries) }
        if between.count == 2 {
            filter.between = (try QueryArguments.country(between[0], in: Vocabulary.countries), try QueryArguments.country(between[1], in: Vocabulary.countries))
        }
        if let from { filter.from = try QueryArguments.date(from) }
        if let to { filter.to = try QueryArguments.date(to) }
        return filter
    }
}
