import AnnalsLog
import ArgumentParser
import Foundation

/// `annals export`: the whole log as JSON lines (every column), or the current facts as CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the log as JSON lines (every column of every event) or the current facts as CSV.",
        discussion: """
            JSONL streams in constant memory and round-trips: `annals import FILE --db NEW` rebuilds a \
            database whose `verify` head equals this one's. Redacted payloads are written as null \
            with their digests. CSV holds the facts the log supports now, one row per fact with a \
            `type` column, for spreadsheets.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "jsonl (the log) or csv (current facts).") var format: Format = .jsonl
    @Option(name: .long, help: "Only events (jsonl) or facts (csv) of this type, e.g. MeetingHeld or meeting.") var type: String?
    @Option(name: .long, help: "Only events after this seq (jsonl).") var from: Int64 = 0
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?

    func run() throws {
        do {
            let log = try openLog(try database.settings(), access: .readOnly)
            let sink = try OutputSink(path: out)
            defer { sink.close() }
            switch format {
            case .jsonl:
                try log.forEachEvent(after: from) { event in
                    if let type, event.type != type { return }
                    sink.write(EventJSON.line(event) + "\n")
                }
            case .csv:
                try CurrentFactsCSV.write(log: log, type: type, to: sink)
            }
        }
    }
}

/// Standard output or a file, written through one buffered handle.
final class OutputSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let owned: Bool

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CLIError.input("cannot write \(path)")
            }
            self.handle = handle
            owned = true
        } else {
            handle = FileHandle.standardOutput
            owned = false
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if owned { try? handle.close() }
    }
}
