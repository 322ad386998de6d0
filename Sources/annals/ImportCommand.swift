import AnnalsLog
import ArgumentParser
import Foundation

/// `annals import FILE.jsonl --db NEW`: rebuild a database from an export, checking every line.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild a new database from a JSONL export, refusing an edited export at its first bad line.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The export, as `annals export --format jsonl` wrote it.", valueName: "file.jsonl"))
    var file: String

    func run() throws {
        do {
            let settings = try database.settings()
            if FileManager.default.fileExists(atPath: settings.databasePath) {
                throw CLIError.input("\(settings.databasePath) already exists; import only into a new database (--db NEW)")
            }
            guard let reader = LineReader(path: file) else { throw CLIError.input("cannot read \(file)") }
            let log = try openLog(settings, access: .readWrite)
            var batch: [RecordedEvent] = []
            var lineNumber = 0, firstLine = 1, imported = 0
            do {
                while let line = reader.next() {
                    lineNumber += 1
                    if line.isEmpty { continue }
                    batch.append(try Self.event(from: line, lineNumber: lineNumber))
                    if batch.count == 1000 {
                        try log.importRecorded(batch, firstLine: firstLine)
                        imported += batch.count
                        batch.removeAll(keepingCapacity: true)
                        firstLine = lineNumber + 1
                    }
                }
                try log.importRecorded(batch, firstLine: firstLine)
                imported += batch.count
            } catch let error as EventLog.ImportError {
                // The database was created by this run; a refused import leaves nothing behind.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: settings.databasePath + suffix) }
                throw CLIError.input("\(file): \(error.description)")
            }
            try Pipeline.catchUpReadModels(log: log)
            let head = try log.head()
            output("imported \(imported) events into \(settings.databasePath), head \(head.map { "\($0.seq):\($0.hash)" } ?? "none")")
        }
    }

    static func event(from line: [UInt8], lineNumber: Int) throws -> RecordedEvent {
        func bad(_ reason: String) -> EventLog.ImportError { EventLog.ImportError(line: lineNumber, reason: reason) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw bad("not a JSON object")
        }
        func text(_ key: String) throws -> String {
            guard let value = object[key] as? String else { throw bad("missing \(key)") }
            return value
        }
        func integer(_ key: String) throws -> Int64 {
            guard let value = object[key] as? NSNumber else { throw bad("missing \(key)") }
            return value.int64Value
        }
        let payload: [UInt8]?
        switch object["payload"] {
        case let value as String: payload = Array(value.utf8)
        case is NSNull, nil: payload = nil
        default: throw bad("payload must be a string or null")
        }
        return RecordedEvent(
            seq: try integer("seq"), stream: try text("stream"), streamVersion: try integer("stream_version"),
            type: try text("type"), schema: Int(try integer("schema")), validOn: object["valid_on"] as? String,
            recordedAt: try text("recorded_at"), payload: payload, payloadSHA256: try text("payload_sha256"),
            prevHash: try text("prev_hash"), hash: try text("hash"))
    }
}

/// Reads a file line by line in constant memory.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var done = false

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    deinit { try? handle.close() }

    func next() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if done {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { done = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
