import AnnalsProjections
import ArgumentParser

/// `annals documents`: the register of joint statements and agreements.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "The register of joint statements and agreements, with counts, titles, fields and sources.")

    @OptionGroup var filter: RecordFilterOptions
    @OptionGroup var time: TimeOptions
    @Flag(help: "Print a JSON array of {id, kind, parties, date, count, title, fields, signed_by, sources}.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let filter = try self.filter.filter(asOf: try time.asOfDate())
        let documents = try time.queries(over: try database.openForReading()).documents(filter)
        if json { return try Output.json(documents) }
        guard !documents.isEmpty else { return print("No documents recorded that match.") }
        Output.table(["DATE", "KIND", "PARTIES", "COUNT", "TITLE OR FIELDS", "SOURCES"], documents.map { d in
            [d.date ?? "(undated)", d.kind ?? "", d.parties.joined(separator: "-"),
             d.count.map { "\(d.countQualifier.map { "\($0) " } ?? "")\($0)" } ?? "?",
             d.title ?? d.fields.joined(separator: ", "), d.sources.joined(separator: ", ")]
        })
    }
}
