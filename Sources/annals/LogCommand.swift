import AnnalsLog
import ArgumentParser

/// `annals log`: the raw log, as a table or as JSON lines with every column.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the raw event log: a table, or one JSON object per line with every column (--json).")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Show events after this seq.") var since: Int64 = 0
    @Option(name: .long, help: "Show at most this many events (default: all).") var limit: Int?
    @Flag(name: .long, help: "One JSON object per line, every column, hashes in hex, payload as a string.") var json = false

    func validate() throws {
        if since < 0 { throw ValidationError("--since takes a seq of 0 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit takes a number of at least 1") }
    }

    func run() throws {
        do {
            let log = try openLog(try database.settings(), access: .readOnly)
            var shown = 0
            if !json {
                output("seq".padded(6) + "  " + "recorded_at".padded(24) + "  " + "type".padded(22) + "  "
                       + "valid_on".padded(10) + "  " + "stream".padded(36) + "  hash")
            }
            struct Enough: Error {}
            do {
                try log.forEachEvent(after: since) { event in
                    if let limit, shown >= limit { throw Enough() }
                    shown += 1
                    if json {
                        output(EventJSON.line(event))
                    } else {
                        let type = event.isRedacted ? event.type + " (redacted)" : event.type
                        output(String(event.seq).padded(6) + "  " + event.recordedAt.padded(24) + "  " + type.padded(22)
                               + "  " + (event.validOn ?? "-").padded(10) + "  " + event.stream.padded(36)
                               + "  " + String(event.hash.prefix(16)))
                    }
                }
            } catch is Enough {}
            if !json && shown == 0 { output("(no events after seq \(since))") }
        }
    }
}

extension String {
    /// Left-aligned in a column of `width` characters.
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
